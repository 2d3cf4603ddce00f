import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError, unwrap } from '@/lib/api/api-error';
import { type Role, type User } from '@/lib/api/types';
import { sessionKeys } from '@/lib/auth/session';

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};

/** Every user, by username (the server sorts). */
export function useUsers() {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/users', { signal })),
  });
}

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

/** Deleting a user someone else deleted already leaves the admin where they wanted to be. */
async function remove(user: User): Promise<void> {
  try {
    await unwrap(api.DELETE('/api/users/{id}', { params: { path: { id: user.id } } }));
  } catch (error) {
    if (!(isApiError(error) && error.status === 404)) throw error;
  }
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: remove,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
