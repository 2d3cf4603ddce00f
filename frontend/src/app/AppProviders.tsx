import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ToastProvider } from '@/components/toast';
import { setRequestLanguage } from '@/lib/api/client';
import { linkSessionToCache, sessionKeys } from '@/lib/auth/session';
import { useI18n } from '@/lib/i18n/i18n-context';
import { I18nProvider } from '@/lib/i18n/I18nProvider';
import type { Language } from '@/lib/i18n/languages';
import { createQueryClient } from './query-client';
import { theme } from './theme';

/**
 * Asks the server for the shown language: set while rendering, before any child sends a request.
 * On a switch, what the server wrote in the old language (reports, findings) is fetched again;
 * who is signed in reads the same in every language.
 */
function useServerLanguage() {
  const { language } = useI18n();
  const queryClient = useQueryClient();
  setRequestLanguage(language);
  const previous = useRef(language);
  useEffect(() => {
    if (previous.current === language) return;
    previous.current = language;
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
  }, [language, queryClient]);
}

function AntdConfig({ children }: { children: ReactNode }) {
  const { antdLocale } = useI18n();
  useServerLanguage();
  return (
    <ConfigProvider locale={antdLocale} theme={theme}>
      <ToastProvider>{children}</ToastProvider>
    </ConfigProvider>
  );
}

interface Props {
  children: ReactNode;
  /** For tests: a fresh client per test, so no answer leaks from one test to the next. */
  queryClient?: QueryClient;
  language?: Language;
}

export function AppProviders({ children, queryClient, language }: Props) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  // Before any request: the API client takes its anti-forgery token from this cache. Not inside the
  // initializer: StrictMode (the dev server) calls that twice and keeps the first client, so the
  // link went to the discarded one and every change was refused for want of the token.
  linkSessionToCache(client);
  return (
    <QueryClientProvider client={client}>
      <I18nProvider initialLanguage={language}>
        <AntdConfig>{children}</AntdConfig>
      </I18nProvider>
    </QueryClientProvider>
  );
}
