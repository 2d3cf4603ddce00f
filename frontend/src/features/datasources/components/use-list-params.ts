import { useCallback, useMemo } from 'react';
import { useSearchParams } from '@/lib/url/use-search-params';
import { readListParams, withFilterChange, writeListParams, type ListParams } from '../utils/list-params';

/**
 * The list's state, read from and written to the URL. Filter and sort changes add a history
 * entry (Back undoes them); search keystrokes replace it, so Back does not replay typing.
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
    () => set(withFilterChange(params, { q: '', type: undefined, attribute: undefined, region: undefined })),
    [params, set],
  );

  const setPage = useCallback((page: number, size: number) => set({ ...params, page, size: size }), [params, set]);

  const detailId = search.get('detail') ?? undefined;
  const detailHref = useCallback(
    (id: string) => {
      const next = new URLSearchParams(search);
      next.set('detail', id);
      return `?${next.toString()}`;
    },
    [search],
  );
  const setDetail = useCallback(
    (id: string | undefined) => {
      const next = new URLSearchParams(search);
      if (id === undefined) next.delete('detail');
      else next.set('detail', id);
      navigate(next);
    },
    [navigate, search],
  );

  return { params, set, changeFilters, clearFilters, setPage, detailId, detailHref, setDetail };
}
