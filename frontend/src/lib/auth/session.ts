import { useQuery, type QueryClient } from '@tanstack/react-query';
import { isApiError, unwrap } from '@/lib/api/api-error';
import { api, linkSession } from '@/lib/api/client';
import { type Session, type SessionAnswer } from '@/lib/api/types';

export const sessionKeys = {
  all: ['session'] as const,
  current: ['session', 'current'] as const,
};

/** The session an answer of /api/session holds, or null when it says nobody is signed in. */
function signedIn(answer: SessionAnswer): Session | null {
  const { username, role } = answer;
  return answer.signedIn && username !== undefined && role !== undefined ? { ...answer, username, role } : null;
}

/**
 * Who is signed in, or null when nobody is: GET /api/session answers `signedIn: false` then (and
 * 401 to wrong HTTP Basic credentials), which is an answer here, not a failure. Only an unreachable
 * or failing server is an error.
 */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return signedIn(await unwrap(api.GET('/api/session', { signal })));
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/**
 * The session, kept in the query cache, which is also where the anti-forgery token lives: in
 * memory only, read again from the server after a reload. Checked again when the window regains
 * the focus after a minute, so a tab left open past the session's end goes to sign in at once.
 */
export function useSession() {
  return useQuery({
    queryKey: sessionKeys.current,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
    gcTime: Infinity,
  });
}

/** The signed-in user, or undefined while unknown or signed out. */
export function useSignedInUser(): Session | undefined {
  return useSession().data ?? undefined;
}

/**
 * Connects the API client to this cache: it sends the cached session's token with every change,
 * and a 401 from any request marks the session as ended, which sends the user to sign in.
 */
export function linkSessionToCache(queryClient: QueryClient): void {
  linkSession({
    csrfToken: () => queryClient.getQueryData<Session | null>(sessionKeys.current)?.csrfToken,
    onSessionEnded: () => {
      if (queryClient.getQueryData(sessionKeys.current) !== null) {
        queryClient.setQueryData<Session | null>(sessionKeys.current, null);
      }
    },
  });
}

/** After signing in: nothing cached for the previous user survives; the new session is known. */
export function startSession(queryClient: QueryClient, session: SessionAnswer): void {
  queryClient.removeQueries();
  queryClient.setQueryData<Session | null>(sessionKeys.current, signedIn(session));
}

/** After signing out: forget everything read while signed in. */
export function endSession(queryClient: QueryClient): void {
  queryClient.removeQueries();
  queryClient.setQueryData<Session | null>(sessionKeys.current, null);
}
