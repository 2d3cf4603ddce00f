import type { QueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { dataSourceKeys } from './query-keys';

/**
 * Whether an identifier is free, for the form's live check. Answers are cached briefly so that
 * typing back and forth does not ask twice; a save still relies on the server's own check.
 */
export async function isIdentifierAvailable(
  queryClient: QueryClient,
  identifier: string,
  excludeId: string | undefined,
): Promise<boolean> {
  const answer = await queryClient.query({
    queryKey: dataSourceKeys.identifierAvailability(identifier, excludeId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/datasources/identifier-availability', {
          params: { query: { identifier, excludeId } },
          signal,
        }),
      ),
    staleTime: 10_000,
  });
  return answer.available;
}
