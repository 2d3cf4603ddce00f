import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import type { SourceReadiness } from '@/lib/api/types';
import { dataSourceKeys } from './query-keys';

/**
 * A source not checked yet gets its first check within moments: ask again soon, until it has
 * (unless the watch is off, which the missing next check says).
 */
const UNKNOWN_REFRESH_MS = 3_000;
/** Afterwards the watch re-checks on its own schedule; follow it as the list follows heartbeats. */
const KNOWN_REFRESH_MS = 30_000;

function fetchDataSourceReadiness(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/datasources/{id}/readiness', { params: { path: { id } }, signal }));
}

/**
 * Fetches the readiness and, when it brings a check the console had not seen (the first check
 * finished, the watch or someone else re-checked), refreshes the list and details that show its
 * state, so that the drawer and the row beside it do not disagree for long.
 */
async function fetchAndSpread(queryClient: QueryClient, id: string, signal: AbortSignal) {
  const before = queryClient.getQueryData<SourceReadiness>(dataSourceKeys.readiness(id));
  const readiness = await fetchDataSourceReadiness(id, signal);
  if (before !== undefined && (before.state !== readiness.state || before.checkedAt !== readiness.checkedAt)) {
    void queryClient.invalidateQueries({ queryKey: dataSourceKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: dataSourceKeys.detail(id) });
  }
  return readiness;
}

/** What the readiness watch knows about one data source, for its drawer: state, report, history. */
export function useDataSourceReadiness(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: dataSourceKeys.readiness(id),
    queryFn: ({ signal }) => fetchAndSpread(queryClient, id, signal),
    refetchInterval: (query) => (awaitsFirstCheck(query.state.data) ? UNKNOWN_REFRESH_MS : KNOWN_REFRESH_MS),
  });
}

function awaitsFirstCheck(readiness: SourceReadiness | undefined): boolean {
  return readiness !== undefined && readiness.state === 'UNKNOWN' && readiness.nextCheckAt != null;
}
