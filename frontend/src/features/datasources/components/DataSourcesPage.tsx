import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Grid } from 'antd';
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { DisabledReason } from '@/components/DisabledReason';
import { ErrorState } from '@/components/ErrorState';
import { PageHeader } from '@/components/PageHeader';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useToast } from '@/components/toast';
import type { DataSource } from '@/lib/api/types';
import { usePermissions } from '@/lib/auth/authorization';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useDataSources } from '../api/use-data-sources';
import { useRegions } from '../api/use-regions';
import { useRowConnectionTests } from '../api/use-row-connection-tests';
import { availableColumns } from '../utils/list-columns';
import { hasFilters, lastPageIfBeyond, toListQuery } from '../utils/list-params';
import { DataSourceCards } from './DataSourceCards';
import { DataSourcesTable } from './DataSourcesTable';
import { DataSourcesToolbar } from './DataSourcesToolbar';
import type { DialogRequest } from './dialog/dialog-request';
import { ExportButton } from './ExportButton';
import { FirstRunEmptyState } from './FirstRunEmptyState';
import { loadDataSourceDialog, loadDataSourceDrawer, loadDeleteDataSourceModal } from './lazy-panels';
import { NoMatchesState } from './NoMatchesState';
import { ProvisioningBanner } from './ProvisioningBanner';
import { useListColumns } from './use-list-columns';
import { useListParams } from './use-list-params';

const DataSourceDialog = lazy(loadDataSourceDialog);
const DataSourceDrawer = lazy(loadDataSourceDrawer);
const DeleteDataSourceModal = lazy(loadDeleteDataSourceModal);

const HIGHLIGHT_MS = 4_000;

/** The "Data Source Management" page: find, inspect, test, create, change and remove data sources. */
export function DataSourcesPage() {
  const m = useMessages();
  const toast = useToast();
  const list = useListParams();
  const { params } = list;
  const dataSources = useDataSources(toListQuery(params));
  const { regions, multiRegion } = useRegions();
  const rowTests = useRowConnectionTests();
  const columns = useListColumns();
  const permissions = usePermissions();
  const cannotChange = permissions.whyNot('changeDataSources');

  const [dialog, setDialog] = useState<DialogRequest | null>(null);
  const [deleting, setDeleting] = useState<DataSource | null>(null);
  const [highlightId, setHighlightId] = useState<string>();
  const highlightTimer = useRef<number>(undefined);

  // Fetch the dialog's code while the operator reads the list, so "Create" opens at once.
  const mayChange = cannotChange === undefined;
  useEffect(() => {
    if (!dataSources.isSuccess || !mayChange) return;
    const preload = () => void loadDataSourceDialog();
    if ('requestIdleCallback' in window) window.requestIdleCallback(preload);
    else setTimeout(preload, 1500);
  }, [dataSources.isSuccess, mayChange]);
  useEffect(() => () => window.clearTimeout(highlightTimer.current), []);

  const highlight = useCallback((id: string | undefined) => {
    setHighlightId(id);
    window.clearTimeout(highlightTimer.current);
    highlightTimer.current = window.setTimeout(() => setHighlightId(undefined), HIGHLIGHT_MS);
  }, []);

  const openCreate = () => setDialog({ mode: 'create' });
  const openEdit = useCallback((source: DataSource) => setDialog({ mode: 'edit', source }), []);
  const openCopy = useCallback((source: DataSource) => setDialog({ mode: 'copy', source }), []);

  const onSaved = (saved: DataSource, mode: DialogRequest['mode']) => {
    setDialog(null);
    highlight(saved.id);
    void toast.success(mode === 'edit' ? m.toast.updated(saved.identifier) : m.toast.created(saved.identifier));
  };

  const onDeleted = (deleted: DataSource) => {
    setDeleting(null);
    if (list.detailId === deleted.id) list.setDetail(undefined);
    void toast.success(m.toast.deleted(deleted.identifier));
  };

  const page = dataSources.data;
  // A table does not fit a phone: below the md breakpoint the list becomes cards.
  const asCards = Grid.useBreakpoint().md === false;
  const ListView = asCards ? DataSourceCards : DataSourcesTable;
  const firstRun = page !== undefined && page.total === 0 && !hasFilters(params);

  // Deleting the last row of the last page, or an old link, leaves us past the end: step back.
  const total = dataSources.isPlaceholderData ? undefined : page?.total;
  const { set: setParams } = list;
  useEffect(() => {
    if (total === undefined) return;
    const last = lastPageIfBeyond(total, params.page, params.size);
    if (last !== undefined) setParams({ ...params, page: last }, true);
  }, [total, params, setParams]);

  return (
    <div className="page">
      <PageHeader title={m.list.title} subtitle={m.list.subtitle}>
        <div className="page-header__actions">
          <ExportButton />
          <DisabledReason reason={cannotChange} focusable>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={openCreate}
              onMouseEnter={() => void loadDataSourceDialog()}
              onFocus={() => void loadDataSourceDialog()}
              disabled={!mayChange}
            >
              {m.list.create}
            </Button>
          </DisabledReason>
        </div>
      </PageHeader>

      <ProvisioningBanner />

      {!mayChange && permissions.role && (
        <Alert
          className="read-only-notice"
          type="info"
          showIcon
          title={m.access.readOnlyNotice(m.roles[permissions.role])}
        />
      )}

      {dataSources.isPending ? (
        <TableSkeleton label={m.list.title} />
      ) : dataSources.isError && page === undefined ? (
        <ErrorState
          title={m.list.loadFailed}
          error={dataSources.error}
          onRetry={() => void dataSources.refetch()}
          retrying={dataSources.isFetching}
        />
      ) : firstRun ? (
        <FirstRunEmptyState onCreate={openCreate} />
      ) : (
        <>
          <DataSourcesToolbar
            params={params}
            regions={regions}
            multiRegion={multiRegion}
            refreshing={dataSources.isFetching}
            onChange={list.changeFilters}
            onClear={list.clearFilters}
            onRefresh={() => void dataSources.refetch()}
            columns={
              asCards
                ? undefined
                : {
                    available: availableColumns(multiRegion),
                    shown: columns.shown,
                    onChange: columns.choose,
                  }
            }
          />
          <ListView
            page={page}
            params={params}
            loading={dataSources.isPlaceholderData}
            multiRegion={multiRegion}
            optionalColumns={columns.shown}
            tests={rowTests.tests}
            highlightId={highlightId}
            emptyText={<NoMatchesState onClear={list.clearFilters} />}
            detailHref={list.detailHref}
            onOpenDetail={list.setDetail}
            onPageChange={list.setPage}
            onSortChange={(sort) => list.set({ ...params, sort, page: 1 })}
            onTest={rowTests.run}
            onCopy={openCopy}
            onEdit={openEdit}
            onDelete={setDeleting}
          />
        </>
      )}

      <Suspense fallback={null}>
        {dialog && (
          <DataSourceDialog
            request={dialog}
            regions={regions}
            multiRegion={multiRegion}
            onClose={() => setDialog(null)}
            onSaved={onSaved}
          />
        )}
        {list.detailId && (
          <DataSourceDrawer
            id={list.detailId}
            tab={list.detailTab}
            onTabChange={list.setDetailTab}
            onClose={() => list.setDetail(undefined)}
            onEdit={openEdit}
            onCopy={openCopy}
            onDelete={setDeleting}
            test={rowTests.tests.get(list.detailId)}
            onTest={rowTests.run}
          />
        )}
        {deleting && (
          <DeleteDataSourceModal dataSource={deleting} onClose={() => setDeleting(null)} onDeleted={onDeleted} />
        )}
      </Suspense>
    </div>
  );
}
