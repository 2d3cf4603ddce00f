import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppProviders } from '@/app/AppProviders';
import type { Session } from '@/lib/api/types';
import { sessionKeys } from '@/lib/auth/session';
import type { Language } from '@/lib/i18n/languages';
import { aSession } from './fake-api';

interface Options {
  /** The language to start in; `'preferred'` starts as the console does (remembered, else the browser's). */
  language?: Language | 'preferred';
  /**
   * Who is signed in, as if the console had asked the server already: an administrator unless
   * told otherwise; `'ask'` leaves it to the console to ask (GET /api/session).
   */
  session?: Session | 'ask';
}

/** Renders inside the app's providers with a fresh query client that does not retry. */
export function renderWithApp(ui: ReactElement, { language = 'en', session = aSession('ADMIN') }: Options = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false, gcTime: 0 } },
  });
  if (session !== 'ask') queryClient.setQueryData(sessionKeys.current, session);
  // The pointer-events check walks getComputedStyle up the tree on every event, which is slow in
  // jsdom with Ant Design's many style tags; no test here relies on pointer-events: none.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  return {
    user,
    queryClient,
    ...render(
      <AppProviders queryClient={queryClient} language={language === 'preferred' ? undefined : language}>
        {ui}
      </AppProviders>,
    ),
  };
}
