import type { ListAuditEventsQuery } from '@/lib/api/types';

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: ListAuditEventsQuery) => [...auditKeys.lists(), query] as const,
  /** Whether a data source named in the log still exists (for a link to it). */
  dataSource: (id: string) => [...auditKeys.all, 'datasource', id] as const,
  actors: () => [...auditKeys.all, 'actors'] as const,
};
