import type { ListDataSourcesQuery } from '@/lib/api/types';

/**
 * Query keys of the data source feature, broadest first, so that invalidating `all` refreshes
 * every list, detail and availability answer after a change. Keys never carry a password.
 */
export const dataSourceKeys = {
  all: ['datasources'] as const,
  lists: () => [...dataSourceKeys.all, 'list'] as const,
  list: (query: ListDataSourcesQuery) => [...dataSourceKeys.lists(), query] as const,
  details: () => [...dataSourceKeys.all, 'detail'] as const,
  detail: (id: string) => [...dataSourceKeys.details(), id] as const,
  /** What the readiness watch knows about one data source: state, latest report, history. */
  readiness: (id: string) => [...dataSourceKeys.all, 'readiness', id] as const,
  /** The risks accepted on one data source (GET /api/datasources/{id}/acceptances). */
  acceptances: (id: string) => [...dataSourceKeys.all, 'acceptances', id] as const,
  identifierAvailability: (identifier: string, excludeId: string | undefined) =>
    // The API compares ignoring case, so "OrderDB" and "orderdb" share one answer.
    [...dataSourceKeys.all, 'identifier-availability', identifier.toLowerCase(), excludeId ?? null] as const,
};

export const regionKeys = {
  all: ['regions'] as const,
};

/** The readiness catalogue: which checks may be accepted, whether they name objects, how bad they get. */
export const readinessCheckKeys = {
  all: ['readiness-checks'] as const,
};

/** The last apply of each provisioning file (GET /api/provisioning). */
export const provisioningKeys = {
  status: ['provisioning'] as const,
};
