import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorState } from '@/components/ErrorState';
import { FullPageSpinner } from '@/components/FullPageSpinner';
import type { Session } from '@/lib/api/types';
import { useSession } from '@/lib/auth/session';
import { useMessages } from '@/lib/i18n/i18n-context';
import { currentHref, navigate } from '@/lib/url/location';
import { signInHref } from '@/lib/url/paths';
import { SESSION_ENDED } from '../utils/sign-in-reason';

/**
 * Shows the console only to someone signed in. On load it asks the server who that is (a spinner
 * meanwhile); nobody, or a session that ends later (any 401), sends the user to sign in, with the
 * address they were at, to come back to.
 */
export function SessionGate({ children }: { children: (session: Session) => ReactNode }) {
  const m = useMessages();
  const session = useSession();
  const signedIn = useRef(false);
  const data = session.data;

  useEffect(() => {
    if (data) {
      signedIn.current = true;
    } else if (data === null) {
      navigate(signInHref(currentHref()), { replace: true, state: signedIn.current ? SESSION_ENDED : null });
    }
  }, [data]);

  if (data) return children(data);
  if (session.isError && data === undefined) {
    return (
      <div className="full-page-error">
        <ErrorState
          title={m.auth.checkFailed}
          error={session.error}
          onRetry={() => void session.refetch()}
          retrying={session.isFetching}
        />
      </div>
    );
  }
  return <FullPageSpinner label={m.auth.checking} />;
}
