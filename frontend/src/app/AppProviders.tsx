import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import { useState, type ReactNode } from 'react';
import { ToastProvider } from '@/components/toast';
import { linkSessionToCache } from '@/lib/auth/session';
import { useI18n } from '@/lib/i18n/i18n-context';
import { I18nProvider } from '@/lib/i18n/I18nProvider';
import type { Language } from '@/lib/i18n/languages';
import { createQueryClient } from './query-client';
import { theme } from './theme';

function AntdConfig({ children }: { children: ReactNode }) {
  const { antdLocale } = useI18n();
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
