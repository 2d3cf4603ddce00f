import { AUDIT_ACTIONS, AUDIT_OUTCOMES, isOneOf } from '@/lib/api/enum-values';
import { queryRules } from '@/lib/api/input-rules';
import type { AuditAction, AuditOutcome, ListAuditEventsQuery } from '@/lib/api/types';
import { positiveInteger } from '@/lib/url/query-values';

/** What the audit page shows, as kept in the URL's query string. */
export interface AuditParams {
  /** A username, matched exactly (ignoring case) by the server. */
  actor: string;
  action: AuditAction | undefined;
  outcome: AuditOutcome | undefined;
  dataSourceId: string | undefined;
  /** The first minute shown (ISO instant), or undefined for no lower bound. */
  from: string | undefined;
  /** The last minute shown, included (ISO instant), or undefined for "until now". */
  to: string | undefined;
  page: number;
  size: number;
}

const query = queryRules.listAuditEvents;

/** The page sizes offered, up to the largest the API allows. */
export const AUDIT_PAGE_SIZES = [20, 50, 100, 200].filter((size) => size <= query.size.maximum);
export const DEFAULT_AUDIT_PAGE_SIZE: number = query.size.default;
const MINUTE_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function instant(value: string | null): string | undefined {
  if (value === null || value === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Reads the page's state from a URL; anything missing or malformed falls back to the default. */
export function readAuditParams(search: URLSearchParams): AuditParams {
  const action = search.get('action');
  const outcome = search.get('outcome');
  const dataSourceId = search.get('dataSourceId');
  const size = positiveInteger(search.get('size'));
  return {
    actor: (search.get('actor') ?? '').trim().slice(0, 64),
    action: isOneOf(AUDIT_ACTIONS, action) ? action : undefined,
    outcome: isOneOf(AUDIT_OUTCOMES, outcome) ? outcome : undefined,
    dataSourceId: dataSourceId !== null && UUID.test(dataSourceId) ? dataSourceId.toLowerCase() : undefined,
    from: instant(search.get('from')),
    to: instant(search.get('to')),
    page: positiveInteger(search.get('page')) ?? 1,
    size: AUDIT_PAGE_SIZES.find((allowed) => allowed === size) ?? DEFAULT_AUDIT_PAGE_SIZE,
  };
}

/** Writes the page's state into a URL, leaving out what is unset or the default. */
export function writeAuditParams(params: AuditParams): URLSearchParams {
  const next = new URLSearchParams();
  const set = (key: string, value: string | undefined, fallback?: string) => {
    if (value !== undefined && value !== '' && value !== fallback) next.set(key, value);
  };
  set('actor', params.actor.trim());
  set('action', params.action);
  set('outcome', params.outcome);
  set('dataSourceId', params.dataSourceId);
  set('from', params.from);
  set('to', params.to);
  set('page', String(params.page), '1');
  set('size', String(params.size), String(DEFAULT_AUDIT_PAGE_SIZE));
  return next;
}

export function hasAuditFilters(params: AuditParams): boolean {
  return (
    params.actor !== '' ||
    params.action !== undefined ||
    params.outcome !== undefined ||
    params.dataSourceId !== undefined ||
    params.from !== undefined ||
    params.to !== undefined
  );
}

/** A filter change starts again at page 1. */
export function withAuditFilterChange(params: AuditParams, change: Partial<Omit<AuditParams, 'page'>>): AuditParams {
  return { ...params, ...change, page: 1 };
}

/**
 * The API query for these params. Times are picked to the minute and both ends are included:
 * `from` is the start of its minute, and the server's `to` (exclusive) is the minute after the
 * last one picked.
 */
export function toAuditQuery(params: AuditParams): ListAuditEventsQuery {
  const minute = (iso: string) => Math.floor(Date.parse(iso) / MINUTE_MS) * MINUTE_MS;
  return {
    actor: params.actor.trim() || undefined,
    action: params.action,
    outcome: params.outcome,
    dataSourceId: params.dataSourceId,
    from: params.from === undefined ? undefined : new Date(minute(params.from)).toISOString(),
    to: params.to === undefined ? undefined : new Date(minute(params.to) + MINUTE_MS).toISOString(),
    page: params.page,
    size: params.size,
  };
}
