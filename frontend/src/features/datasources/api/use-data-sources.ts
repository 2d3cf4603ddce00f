import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import type { DataSourcePage, ListDataSourcesQuery } from '@/lib/api/types';
import { dataSourceKeys } from './query-keys';

/** Heartbeat and readiness states change on their own; refresh the visible page now and then. */
const LIST_REFRESH_MS = 30_000;
/** A source just created gets its first readiness check within moments: show its state soon. */
const UNCHECKED_REFRESH_MS = 5_000;
/**
 * How long a source counts as just created. One still unchecked after that waits for a watch that
 * is off or far behind, and faster refreshes would not bring its state any sooner.
 */
const JUST_CREATED_MS = 10 * 60_000;

function awaitsFirstCheck(page: DataSourcePage | undefined, now: number): boolean {
  return (page?.items ?? []).some(
    (item) => item.readiness.state === 'UNKNOWN' && now - Date.parse(item.createdAt) < JUST_CREATED_MS,
  );
}

export function fetchDataSources(query: ListDataSourcesQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/datasources', { params: { query }, signal }));
}

export function useDataSources(query: ListDataSourcesQuery) {
  return useQuery({
    queryKey: dataSourceKeys.list(query),
    queryFn: ({ signal }) => fetchDataSources(query, signal),
    // Keep the last page on screen while the next one loads: no flash of skeletons when paging.
    placeholderData: keepPreviousData,
    refetchInterval: (current) =>
      awaitsFirstCheck(current.state.data, Date.now()) ? UNCHECKED_REFRESH_MS : LIST_REFRESH_MS,
  });
}
