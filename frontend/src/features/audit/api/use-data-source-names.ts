import { useQueries } from '@tanstack/react-query';
import { isApiError, unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { auditKeys } from './query-keys';

/** A data source named in the log: its current identifier, or null once it is gone. */
async function currentIdentifier(id: string, signal: AbortSignal): Promise<string | null> {
  try {
    return (await unwrap(api.GET('/api/datasources/{id}', { params: { path: { id } }, signal }))).identifier;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/**
 * Which of the data sources on the page still exist (id → identifier, or null when deleted), so
 * that the log links only to those that can be opened. One request per data source, cached.
 */
export function useDataSourceNames(ids: readonly string[]): ReadonlyMap<string, string | null> {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: auditKeys.dataSource(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => currentIdentifier(id, signal),
      staleTime: 60_000,
    })),
    combine: (results) => {
      const names = new Map<string, string | null>();
      results.forEach((result, index) => {
        const id = ids[index];
        if (id !== undefined && result.data !== undefined) names.set(id, result.data);
      });
      return names;
    },
  });
}
