import type { ReactNode } from 'react';
import { useMessages } from '@/lib/i18n/i18n-context';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame around every page: product bar with the language switch, then the page. */
export function AppLayout({ children }: { children: ReactNode }) {
  const m = useMessages();
  return (
    <div className="app">
      <header className="app-bar">
        <span className="app-bar__product">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          {m.app.product}
        </span>
        <LanguageSwitch />
      </header>
      <main className="app-main">{children}</main>
    </div>
  );
}
