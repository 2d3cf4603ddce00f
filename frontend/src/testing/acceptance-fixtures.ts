import type { AcceptanceResponse, ReadinessCheckDescription, ReadinessCheckId } from '@/lib/api/types';

/** A readiness check as GET /api/readiness/checks describes it: acceptable unless told otherwise. */
export function aCheckDescription(
  id: ReadinessCheckId,
  overrides: Partial<ReadinessCheckDescription> = {},
): ReadinessCheckDescription {
  return {
    id,
    title: id,
    scopes: ['INCREMENTAL_SYNC'],
    description: '',
    remedy: '',
    worstSeverity: 'WARNING',
    namesObjects: true,
    acceptable: true,
    ...overrides,
  };
}

/** The catalogue the readiness fixtures need: a blocker and a warning that name objects, a check that names none. */
export const READINESS_CHECKS: ReadinessCheckDescription[] = [
  aCheckDescription('tables.replica_identity', { worstSeverity: 'BLOCKER' }),
  aCheckDescription('tables.large_objects'),
  aCheckDescription('tables.sequences', { worstSeverity: 'INFO' }),
  aCheckDescription('server.max_slot_wal_keep_size', { namesObjects: false }),
];

let counter = 0;

/** An acceptance as GET /api/datasources/{id}/acceptances lists it. */
export function anAcceptance(overrides: Partial<AcceptanceResponse> = {}): AcceptanceResponse {
  counter += 1;
  return {
    id: `20000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    dataSourceId: '00000000-0000-4000-8000-000000000000',
    check: 'tables.replica_identity',
    objects: ['app.audit_log'],
    reason: 'Insert-only audit table: it is never updated or deleted.',
    acceptedBy: 'jane',
    acceptedAt: '2026-11-24T09:00:00Z',
    expiresAt: '2026-12-24T00:00:00Z',
    severity: 'BLOCKER',
    source: 'API',
    expired: false,
    ...overrides,
  };
}
