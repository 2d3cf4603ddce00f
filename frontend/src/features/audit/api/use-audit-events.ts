import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { type AuditPage, type ListAuditEventsQuery } from '@/lib/api/types';
import { auditKeys } from './query-keys';

export function fetchAuditEvents(query: ListAuditEventsQuery, signal?: AbortSignal): Promise<AuditPage> {
  return unwrap(api.GET('/api/audit', { params: { query }, signal }));
}

/** A page of the audit log, newest first; the previous page stays on screen while the next loads. */
export function useAuditEvents(query: ListAuditEventsQuery) {
  return useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => fetchAuditEvents(query, signal),
    placeholderData: keepPreviousData,
  });
}
