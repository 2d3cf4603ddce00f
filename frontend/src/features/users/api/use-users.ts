import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { userKeys } from './query-keys';

/** Every user, by username (the server sorts). */
export function useUsers() {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/users', { signal })),
  });
}
