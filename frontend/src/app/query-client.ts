import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api/api-error';

/** Client errors (4xx) will not fix themselves; retry only what might: the network and 5xx. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 5_000, refetchOnWindowFocus: true },
      // Mutations carry passwords in their variables: forget them as soon as nobody watches.
      mutations: { retry: false, gcTime: 0 },
    },
  });
}
