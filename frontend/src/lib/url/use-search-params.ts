import { useMemo, useSyncExternalStore } from 'react';

/**
 * The page's query string as React state. The console lives on `/` and keeps its view state
 * (search, filters, sort, page, open drawer) in the URL, so a view can be shared, bookmarked and
 * survives a reload, and Back undoes a filter change. No router is needed for one page.
 */

const CHANGE_EVENT = 'dsm:urlchange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

function currentSearch(): string {
  return window.location.search;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (e.g. for each keystroke of a search). */
  replace?: boolean;
}

export function navigateToSearch(params: URLSearchParams, { replace = false }: NavigateOptions = {}): void {
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (replace) window.history.replaceState(window.history.state, '', url);
  else window.history.pushState(window.history.state, '', url);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function useSearchParams(): [URLSearchParams, typeof navigateToSearch] {
  const search = useSyncExternalStore(subscribe, currentSearch, () => '');
  const params = useMemo(() => new URLSearchParams(search), [search]);
  return [params, navigateToSearch];
}
