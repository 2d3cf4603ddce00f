import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError, unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import type { User } from '@/lib/api/types';
import { userKeys } from './query-keys';

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
