import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import type { ListDataSourcesQuery } from '@/lib/api/types';
import { dataSourceKeys } from './query-keys';

/** Heartbeat states change on their own; refresh the visible page now and then while it is shown. */
const LIST_REFRESH_MS = 30_000;

export function fetchDataSources(query: ListDataSourcesQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/datasources', { params: { query }, signal }));
}

export function useDataSources(query: ListDataSourcesQuery) {
  return useQuery({
    queryKey: dataSourceKeys.list(query),
    queryFn: ({ signal }) => fetchDataSources(query, signal),
    // Keep the last page on screen while the next one loads: no flash of skeletons when paging.
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
  });
}
