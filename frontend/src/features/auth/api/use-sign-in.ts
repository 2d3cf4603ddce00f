import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { type SignInInput } from '@/lib/api/types';
import { startSession } from '@/lib/auth/session';

/** Signs in: the server sets the session cookie; the answer (with the anti-forgery token) goes into the cache. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => unwrap(api.POST('/api/session', { body: input })),
    onSuccess: (session) => startSession(queryClient, session),
  });
}
