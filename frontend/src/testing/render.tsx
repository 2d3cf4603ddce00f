import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppProviders } from '@/app/AppProviders';
import type { Language } from '@/lib/i18n/languages';

/** Renders inside the app's providers with a fresh query client that does not retry. */
export function renderWithApp(ui: ReactElement, { language = 'en' }: { language?: Language } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false, gcTime: 0 } },
  });
  // The pointer-events check walks getComputedStyle up the tree on every event, which is slow in
  // jsdom with Ant Design's many style tags; no test here relies on pointer-events: none.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  return {
    user,
    queryClient,
    ...render(
      <AppProviders queryClient={queryClient} language={language}>
        {ui}
      </AppProviders>,
    ),
  };
}
