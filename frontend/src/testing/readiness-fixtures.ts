import type {
  AffectedObject,
  ConnectionTestResult,
  ReadinessChange,
  ReadinessFinding,
  ReadinessReport,
  SourceReadiness,
} from '@/lib/api/types';
import { PASSED_TEST } from './fake-api';

/** The 50 tables the server lists of the 73 without a replica identity. */
export const TABLES_WITHOUT_IDENTITY: AffectedObject[] = Array.from({ length: 50 }, (_, index) => ({
  name: `app.events_${String(index + 1).padStart(2, '0')}`,
  detail: index === 0 ? 'REPLICA IDENTITY NOTHING' : null,
}));

export const REPLICA_IDENTITY_FIX =
  'ALTER TABLE app.events_01 REPLICA IDENTITY FULL;\nALTER TABLE app.events_02 REPLICA IDENTITY FULL;';

const REPLICA_IDENTITY: ReadinessFinding = {
  check: 'tables.replica_identity',
  target: 'PRIMARY',
  scopes: ['INCREMENTAL_SYNC'],
  severity: 'BLOCKER',
  message: '73 tables in scope have no replica identity: their updates and deletes are not decoded.',
  hint: 'Add a primary key where the table has a unique, non-null set of columns; otherwise REPLICA IDENTITY FULL.',
  fixSql: REPLICA_IDENTITY_FIX,
  objects: TABLES_WITHOUT_IDENTITY,
  objectCount: 73,
  accepted: null,
};

const LARGE_OBJECTS: ReadinessFinding = {
  check: 'tables.large_objects',
  target: 'PRIMARY',
  scopes: ['FULL_MIGRATION', 'INCREMENTAL_SYNC'],
  severity: 'WARNING',
  message: '1 table in scope has large-object columns (oid or lo).',
  hint: 'Move the content into bytea columns, or migrate the large objects separately.',
  fixSql: null,
  objects: [{ name: 'app.docs', detail: 'columns body' }],
  objectCount: 1,
  accepted: null,
};

const SEQUENCES: ReadinessFinding = {
  check: 'tables.sequences',
  target: 'PRIMARY',
  scopes: ['INCREMENTAL_SYNC'],
  severity: 'INFO',
  message: '1 sequence in scope: logical decoding does not carry their values.',
  hint: null,
  fixSql: null,
  objects: [{ name: 'app.invoice_no', detail: null }],
  objectCount: 1,
  accepted: null,
};

const BLOCKED_READINESS: ReadinessReport = {
  verdicts: [
    { scope: 'FULL_MIGRATION', state: 'WARNINGS', blockers: 0, warnings: 1, summary: 'Full migration: 1 warning' },
    {
      scope: 'INCREMENTAL_SYNC',
      state: 'BLOCKED',
      blockers: 1,
      warnings: 1,
      summary: 'Incremental sync: 1 blocker, 1 warning',
    },
  ],
  // Deliberately not in the server's order, to show the console puts the blocker first anyway.
  findings: [LARGE_OBJECTS, SEQUENCES, REPLICA_IDENTITY],
  passed: [
    { check: 'server.wal_level', target: 'PRIMARY', message: 'wal_level is logical.' },
    { check: 'role.replication', target: 'PRIMARY', message: 'User "migrator" has the REPLICATION attribute.' },
    { check: 'server.wal_senders', target: 'PRIMARY', message: '5 of 5 WAL senders are free.' },
  ],
};

/** The connection is fine (success), readiness is not: incremental sync has a blocker. */
export const READINESS_BLOCKED_TEST: ConnectionTestResult = {
  ...PASSED_TEST,
  readiness: BLOCKED_READINESS,
};

/** A standby-only source: incremental sync does not apply to it. */
export const STANDBY_ONLY_TEST: ConnectionTestResult = {
  ...PASSED_TEST,
  readiness: {
    verdicts: [
      { scope: 'FULL_MIGRATION', state: 'READY', blockers: 0, warnings: 0, summary: 'Full migration: ready' },
      {
        scope: 'INCREMENTAL_SYNC',
        state: 'NOT_APPLICABLE',
        blockers: 0,
        warnings: 0,
        summary: 'Incremental sync: not applicable, a standby-only data source serves full migration',
      },
    ],
    findings: [],
    passed: [{ check: 'role.select', target: 'PRIMARY', message: 'User "migrator" can read all 7 tables in scope.' }],
  },
};

/** A primary and its standby, with a finding on each. */
export const PAIR_TEST: ConnectionTestResult = {
  ...PASSED_TEST,
  checks: [
    ...PASSED_TEST.checks,
    {
      target: 'STANDBY',
      name: 'NETWORK',
      status: 'PASSED',
      message: 'Reached 10.0.12.8:5432',
      hint: null,
      sqlState: null,
    },
  ],
  readiness: {
    ...BLOCKED_READINESS,
    findings: [REPLICA_IDENTITY, { ...LARGE_OBJECTS, target: 'STANDBY', scopes: ['FULL_MIGRATION'] }],
  },
};

/** What the readiness watch knows about a source it found blocked: the report above and its history. */
export function aSourceReadiness(overrides: Partial<SourceReadiness> = {}): SourceReadiness {
  return {
    dataSourceId: '00000000-0000-4000-8000-000000000000',
    state: 'BLOCKED',
    checkedAt: '2026-11-24T09:15:30Z',
    nextCheckAt: '2026-11-24T09:25:30Z',
    blockers: 1,
    warnings: 1,
    accepted: 0,
    intervalSeconds: 600,
    latest: READINESS_BLOCKED_TEST,
    history: BLOCKED_HISTORY,
    ...overrides,
  };
}

/** A finding's entry in the history, as the server sends it: no state fields. */
export function aFindingChange(overrides: Partial<ReadinessChange> = {}): ReadinessChange {
  return {
    occurredAt: '2026-11-24T09:05:30Z',
    kind: 'FINDING_APPEARED',
    fromState: null,
    toState: null,
    check: 'tables.replica_identity',
    target: 'PRIMARY',
    severity: 'BLOCKER',
    message: null,
    actor: 'readiness-watch',
    ...overrides,
  };
}

/** A state change in the history, as the server sends it: no finding fields. */
function aStateChange(
  change: Pick<ReadinessChange, 'occurredAt' | 'fromState' | 'toState' | 'message' | 'actor'>,
): ReadinessChange {
  return { kind: 'STATE_CHANGED', check: null, target: null, severity: null, ...change };
}

/** Newest first, as the server sends it: ready at registration, blocked since a table lost its key. */
export const BLOCKED_HISTORY: ReadinessChange[] = [
  aStateChange({
    occurredAt: '2026-11-24T09:05:30Z',
    fromState: 'READY',
    toState: 'BLOCKED',
    message: 'Full migration: 1 warning; Incremental sync: 1 blocker, 1 warning',
    actor: 'readiness-watch',
  }),
  aFindingChange({ message: '1 table in scope has no replica identity.' }),
  aFindingChange({
    occurredAt: '2026-11-24T08:55:30Z',
    kind: 'FINDING_CLEARED',
    check: 'connection.network',
    message: 'Nothing accepts connections at 10.0.12.7:5432 (connection refused).',
    actor: 'jane',
  }),
  aStateChange({
    occurredAt: '2026-11-24T08:55:30Z',
    fromState: 'UNREACHABLE',
    toState: 'READY',
    message: 'Full migration: ready; Incremental sync: ready',
    actor: 'jane',
  }),
];
