import { useSyncExternalStore, type MouseEvent } from 'react';

/**
 * The console's few pages are paths (`/`, `/audit`, `/users`, `/sign-in`) and their view state is
 * in the query string; this is the whole router. Navigation uses the History API and tells the
 * page through an event, so `useLocation` re-renders whoever reads the address.
 */

const CHANGE_EVENT = 'dsm:urlchange';

export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** The current address within the console: path, query string and fragment. */
export function currentHref(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
  /** History state for the new entry (e.g. why the sign-in page was opened). */
  state?: unknown;
}

/** Goes to an address of the console (a path with its query), without reloading the page. */
export function navigate(href: string, { replace = false, state = null }: NavigateOptions = {}): void {
  if (href === currentHref() && state === null) return;
  if (replace) window.history.replaceState(state, '', href);
  else window.history.pushState(state, '', href);
  notifyLocationChange();
}

/** Tells the page that the address changed through the History API. */
export function notifyLocationChange(): void {
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Follows a plain left click on a console link in place; leaves modified clicks (new tab…) to the browser. */
export function followLink(event: MouseEvent<HTMLElement>, href: string): void {
  if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (event.button !== 0) return;
  event.preventDefault();
  navigate(href);
}

export function usePathname(): string {
  return useSyncExternalStore(
    subscribeToLocation,
    () => window.location.pathname,
    () => '/',
  );
}
