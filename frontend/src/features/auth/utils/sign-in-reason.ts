/**
 * Why the sign-in page is shown, carried in the history entry's state (not the URL, so a shared
 * or bookmarked sign-in link never claims a session ended).
 */
export type SignInReason = 'sessionEnded' | 'signedOut';

interface ReasonState {
  dsmSignIn: SignInReason;
}

export const SESSION_ENDED: ReasonState = { dsmSignIn: 'sessionEnded' };
export const SIGNED_OUT: ReasonState = { dsmSignIn: 'signedOut' };

export function signInReason(state: unknown): SignInReason | undefined {
  if (typeof state !== 'object' || state === null || !('dsmSignIn' in state)) return undefined;
  const reason = state.dsmSignIn;
  return reason === 'sessionEnded' || reason === 'signedOut' ? reason : undefined;
}
