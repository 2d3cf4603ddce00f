import type { ReactNode } from 'react';
import { useMessages } from '@/lib/i18n/i18n-context';
import { followLink } from '@/lib/url/location';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  children: ReactNode;
  /** The pages the user may open. */
  nav?: ReactNode;
  /** Who is signed in, with their menu. */
  account?: ReactNode;
}

/** The frame around every page once signed in: product, navigation, language and account, then the page. */
export function AppLayout({ children, nav, account }: Props) {
  const m = useMessages();
  return (
    <div className="app">
      <header className="app-bar">
        <a className="app-bar__product" href="/" aria-label={m.app.product} onClick={(event) => followLink(event, '/')}>
          <img src="/favicon.svg" alt="" width={22} height={22} />
          <span className="app-bar__product-name">{m.app.product}</span>
        </a>
        <div className="app-bar__nav">{nav}</div>
        <div className="app-bar__end">
          <LanguageSwitch />
          {account}
        </div>
      </header>
      <main className="app-main">{children}</main>
    </div>
  );
}
