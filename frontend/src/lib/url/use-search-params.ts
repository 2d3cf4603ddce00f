import { useMemo, useSyncExternalStore } from 'react';
import { notifyLocationChange, subscribeToLocation } from './location';

/**
 * The page's query string as React state. Each page keeps its view state (search, filters, sort,
 * page, open drawer) in the URL, so a view can be shared, bookmarked and survives a reload, and
 * Back undoes a filter change.
 */

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
  notifyLocationChange();
}

export function useSearchParams(): [URLSearchParams, typeof navigateToSearch] {
  const search = useSyncExternalStore(subscribeToLocation, currentSearch, () => '');
  const params = useMemo(() => new URLSearchParams(search), [search]);
  return [params, navigateToSearch];
}
