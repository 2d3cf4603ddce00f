import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError, unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { endSession } from '@/lib/auth/session';
import { navigate } from '@/lib/url/location';
import { PATHS } from '@/lib/url/paths';
import { SIGNED_OUT } from '../utils/sign-in-reason';

/** Signing out of a session that has already ended leaves the user where they wanted to be. */
async function signOut(): Promise<void> {
  try {
    await unwrap(api.DELETE('/api/session'));
  } catch (error) {
    if (!(isApiError(error) && error.status === 401)) throw error;
  }
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // To the sign-in page first, so that no page still shown asks the server for anything.
      navigate(PATHS.signIn, { state: SIGNED_OUT });
      endSession(queryClient);
    },
  });
}
