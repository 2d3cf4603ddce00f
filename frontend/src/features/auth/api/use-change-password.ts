import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import type { PasswordChangeInput } from '@/lib/api/types';

/** Changes the signed-in user's own password; their other console sessions end, this one stays. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: PasswordChangeInput) => unwrap(api.PUT('/api/session/password', { body: input })),
  });
}
