import { useCallback, useMemo } from 'react';
import { useSearchParams } from '@/lib/url/use-search-params';
import {
  readDetailTab,
  readListParams,
  withDetail,
  withFilterChange,
  writeListParams,
  type DetailTab,
  type ListParams,
} from '../utils/list-params';

/**
 * The list's state, read from and written to the URL, with the open drawer and its tab (`detail`,
 * `detailTab`), so that a link leads straight to a data source's readiness report. Filter and sort
 * changes add a history entry (Back undoes them); search keystrokes and tab switches replace it,
 * so Back does not replay typing or clicking between tabs.
 */
export function useListParams() {
  const [search, navigate] = useSearchParams();
  const params = useMemo(() => readListParams(search), [search]);

  const set = useCallback(
    (next: ListParams, replace = false) => navigate(writeListParams(next, search), { replace }),
    [navigate, search],
  );

  const changeFilters = useCallback(
    (change: Partial<Omit<ListParams, 'page'>>) => {
      const replace = Object.keys(change).length === 1 && 'q' in change && params.q !== '' && change.q !== '';
      set(withFilterChange(params, change), replace);
    },
    [params, set],
  );

  const clearFilters = useCallback(
    () =>
      set(withFilterChange(params, { q: '', type: undefined, attribute: undefined, region: undefined, readiness: [] })),
    [params, set],
  );

  const setPage = useCallback((page: number, size: number) => set({ ...params, page, size: size }), [params, set]);

  const detailId = search.get('detail') ?? undefined;
  const detailTab = readDetailTab(search.get('detailTab'));
  const detailHref = useCallback(
    (id: string, tab?: DetailTab) => `?${withDetail(search, id, tab).toString()}`,
    [search],
  );
  const setDetail = useCallback(
    (id: string | undefined, tab?: DetailTab) => navigate(withDetail(search, id, tab)),
    [navigate, search],
  );
  const setDetailTab = useCallback(
    (tab: DetailTab) => navigate(withDetail(search, detailId, tab), { replace: true }),
    [navigate, search, detailId],
  );

  return {
    params,
    set,
    changeFilters,
    clearFilters,
    setPage,
    detailId,
    detailTab,
    detailHref,
    setDetail,
    setDetailTab,
  };
}
