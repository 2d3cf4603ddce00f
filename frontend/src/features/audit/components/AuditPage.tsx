import { useCallback, useEffect, useMemo } from 'react';
import { ErrorState } from '@/components/ErrorState';
import { PageHeader } from '@/components/PageHeader';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useSearchParams } from '@/lib/url/use-search-params';
import { useAuditEvents } from '../api/use-audit-events';
import { useDataSourceNames } from '../api/use-data-source-names';
import {
  readAuditParams,
  toAuditQuery,
  withAuditFilterChange,
  writeAuditParams,
  type AuditParams,
} from '../utils/audit-params';
import { AuditTable } from './AuditTable';
import { AuditToolbar } from './AuditToolbar';
import './audit.css';

const NO_IDS: readonly string[] = [];

/** The audit log (administrators): who did what, when and from where, filtered and paged by the server. */
export default function AuditPage() {
  const m = useMessages();
  const [search, navigate] = useSearchParams();
  const params = useMemo(() => readAuditParams(search), [search]);
  const events = useAuditEvents(toAuditQuery(params));
  const filteredIds = params.dataSourceId ? [params.dataSourceId] : NO_IDS;
  const filteredName = useDataSourceNames(filteredIds).get(params.dataSourceId ?? '');

  const set = useCallback(
    (next: AuditParams, replace = false) => navigate(writeAuditParams(next), { replace }),
    [navigate],
  );

  // Past the last page (fewer events than before, an old link): step back to the last one.
  const total = events.isPlaceholderData ? undefined : events.data?.total;
  useEffect(() => {
    if (total === undefined || total === 0) return;
    const last = Math.ceil(total / params.size);
    if (params.page > last) set({ ...params, page: last }, true);
  }, [total, params, set]);

  return (
    <div className="page">
      <PageHeader title={m.audit.title} subtitle={m.audit.subtitle} />
      <AuditToolbar
        params={params}
        dataSourceName={filteredName ?? undefined}
        refreshing={events.isFetching}
        onChange={(change) => set(withAuditFilterChange(params, change))}
        onClear={() =>
          set(
            withAuditFilterChange(params, {
              actor: '',
              action: undefined,
              outcome: undefined,
              dataSourceId: undefined,
              from: undefined,
              to: undefined,
            }),
          )
        }
        onRefresh={() => void events.refetch()}
      />
      {events.isPending ? (
        <TableSkeleton label={m.audit.title} />
      ) : events.isError && events.data === undefined ? (
        <ErrorState
          title={m.audit.loadFailed}
          error={events.error}
          onRetry={() => void events.refetch()}
          retrying={events.isFetching}
        />
      ) : (
        <AuditTable
          page={events.data}
          params={params}
          loading={events.isPlaceholderData}
          onPageChange={(page, size) => set({ ...params, page: size === params.size ? page : 1, size })}
        />
      )}
    </div>
  );
}
