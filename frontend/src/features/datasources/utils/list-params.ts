import { DATABASE_ATTRIBUTES, DATA_SOURCE_TYPES, SORTS, SOURCE_READINESS_STATES, isOneOf } from '@/lib/api/enum-values';
import { queryRules } from '@/lib/api/input-rules';
import type {
  DataSourceSort,
  DataSourceType,
  DatabaseAttribute,
  ListDataSourcesQuery,
  SourceReadinessState,
} from '@/lib/api/types';
import { positiveInteger } from '@/lib/url/query-values';

/** What the list shows, as kept in the URL's query string. */
export interface ListParams {
  q: string;
  type: DataSourceType | undefined;
  attribute: DatabaseAttribute | undefined;
  region: string | undefined;
  /** The readiness states to list, worst first; none means every state. */
  readiness: SourceReadinessState[];
  sort: DataSourceSort;
  page: number;
  size: number;
}

const query = queryRules.listDataSources;

export const DEFAULT_SORT: DataSourceSort = query.sort.default;
/** The page sizes offered, up to the largest the API allows. */
export const PAGE_SIZES = [10, 20, 50, 100].filter((size) => size <= query.size.maximum);
export const DEFAULT_PAGE_SIZE: number = query.size.default;
/** The API's limit for `q`; a longer pasted text is cut rather than sent to be rejected. */
export const MAX_QUERY_LENGTH = query.q.maxLength;

/**
 * The states of a comma-separated value, as the API takes it (`BLOCKED,UNREACHABLE`): unknown
 * ones dropped, each once, worst first, so that one choice has one URL and one cache entry.
 */
export function readReadinessStates(value: string | null): SourceReadinessState[] {
  const chosen = new Set((value ?? '').split(','));
  return SOURCE_READINESS_STATES.filter((state) => chosen.has(state));
}

/** Reads the list's state from a URL; anything missing or malformed falls back to the default. */
export function readListParams(search: URLSearchParams): ListParams {
  const type = search.get('type');
  const attribute = search.get('attribute');
  const sort = search.get('sort');
  const size = positiveInteger(search.get('size'));
  return {
    q: (search.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    type: isOneOf(DATA_SOURCE_TYPES, type) ? type : undefined,
    attribute: isOneOf(DATABASE_ATTRIBUTES, attribute) ? attribute : undefined,
    region: search.get('region') || undefined,
    readiness: readReadinessStates(search.get('readiness')),
    sort: isOneOf(SORTS, sort) ? sort : DEFAULT_SORT,
    page: positiveInteger(search.get('page')) ?? 1,
    size: PAGE_SIZES.find((allowed) => allowed === size) ?? DEFAULT_PAGE_SIZE,
  };
}

/**
 * Writes the list's state into a URL, leaving out defaults so shared links stay short, and keeping
 * the parameters that belong to others (such as the open drawer's `detail`).
 */
export function writeListParams(params: ListParams, base: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(base);
  const set = (key: string, value: string | undefined, fallback?: string) => {
    if (value === undefined || value === '' || value === fallback) next.delete(key);
    else next.set(key, value);
  };
  set('q', params.q.trim());
  set('type', params.type);
  set('attribute', params.attribute);
  set('region', params.region);
  set('readiness', readinessValue(params.readiness));
  set('sort', params.sort, DEFAULT_SORT);
  set('page', String(params.page), '1');
  set('size', String(params.size), String(DEFAULT_PAGE_SIZE));
  return next;
}

function readinessValue(states: readonly SourceReadinessState[]): string | undefined {
  return states.length > 0 ? readReadinessStates(states.join(',')).join(',') : undefined;
}

/** Changes to what is listed start again at page 1: page 7 of another result means nothing. */
export function withFilterChange(params: ListParams, change: Partial<Omit<ListParams, 'page'>>): ListParams {
  return { ...params, ...change, page: 1 };
}

export function hasFilters(params: ListParams): boolean {
  return (
    params.q.trim() !== '' ||
    params.type !== undefined ||
    params.attribute !== undefined ||
    params.region !== undefined ||
    params.readiness.length > 0
  );
}

/** The API query for these params: the one place that decides what a list request asks for. */
export function toListQuery(params: ListParams): ListDataSourcesQuery {
  return {
    q: params.q.trim() || undefined,
    type: params.type,
    attribute: params.attribute,
    region: params.region,
    readiness: readinessValue(params.readiness),
    sort: params.sort,
    page: params.page,
    size: params.size,
  };
}

/** The drawer's tabs; the details open on `overview`, a readiness badge opens `readiness`. */
export const DETAIL_TABS = ['overview', 'readiness'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export function readDetailTab(value: string | null): DetailTab {
  return isOneOf(DETAIL_TABS, value) ? value : 'overview';
}

/** The URL with this data source's drawer open on this tab, or with no drawer when `id` is undefined. */
export function withDetail(
  base: URLSearchParams,
  id: string | undefined,
  tab: DetailTab = 'overview',
): URLSearchParams {
  const next = new URLSearchParams(base);
  next.delete('detail');
  next.delete('detailTab');
  if (id === undefined) return next;
  next.set('detail', id);
  if (tab !== 'overview') next.set('detailTab', tab);
  return next;
}

/**
 * The last page that has rows, when `page` lies beyond it (the last row of the last page was just
 * deleted, or a shared link names a page that no longer exists); undefined when `page` is fine.
 */
export function lastPageIfBeyond(total: number, page: number, size: number): number | undefined {
  const last = Math.max(1, Math.ceil(total / size));
  return page > last ? last : undefined;
}
