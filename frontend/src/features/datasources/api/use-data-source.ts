import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { dataSourceKeys } from './query-keys';

export function fetchDataSource(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/datasources/{id}', { params: { path: { id } }, signal }));
}

/** One data source, for the details drawer. */
export function useDataSource(id: string | undefined) {
  return useQuery({
    queryKey: dataSourceKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchDataSource(id ?? '', signal),
    enabled: id !== undefined,
  });
}
