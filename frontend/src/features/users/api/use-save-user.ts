import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import type { Role, User } from '@/lib/api/types';
import { sessionKeys } from '@/lib/auth/session';
import { userKeys } from './query-keys';

export type SaveUserRequest =
  | { kind: 'create'; username: string; role: Role; password: string }
  | { kind: 'update'; user: User; role: Role; password: string | undefined };

function save(request: SaveUserRequest): Promise<User> {
  if (request.kind === 'create') {
    const { username, role, password } = request;
    return unwrap(api.POST('/api/users', { body: { username, role, password } }));
  }
  const { user, role, password } = request;
  return unwrap(
    api.PUT('/api/users/{id}', {
      params: { path: { id: user.id } },
      body: { role, password, version: user.version },
    }),
  );
}

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async () => {
      // The signed-in admin may have changed their own role: ask again who they are.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
      ]);
    },
  });
}
