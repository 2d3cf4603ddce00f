import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { auditKeys } from './query-keys';

const NONE: readonly string[] = [];

/** Usernames to suggest in the actor filter: today's users, and dsm itself ("system"). */
export function useActorSuggestions(): readonly string[] {
  const query = useQuery({
    queryKey: auditKeys.actors(),
    queryFn: async ({ signal }) => {
      const users = await unwrap(api.GET('/api/users', { signal }));
      return [...users.map((user) => user.username), 'system'];
    },
    staleTime: 5 * 60_000,
  });
  return query.data ?? NONE;
}
