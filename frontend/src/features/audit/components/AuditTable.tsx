import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { RelativeTime } from '@/components/RelativeTime';
import { serverPagination } from '@/components/server-pagination';
import type { AuditAction, AuditEvent, AuditPage } from '@/lib/api/types';
import { formatShortDateTime } from '@/lib/format/relative-time';
import { useMessages } from '@/lib/i18n/i18n-context';
import { followLink } from '@/lib/url/location';
import { PATHS } from '@/lib/url/paths';
import { useDataSourceNames } from '../api/use-data-source-names';
import { AUDIT_PAGE_SIZES, type AuditParams } from '../utils/audit-params';
import { AuditChanges } from './AuditChanges';

interface Props {
  page: AuditPage | undefined;
  params: AuditParams;
  loading: boolean;
  onPageChange: (page: number, size: number) => void;
}

const READINESS_ACTIONS: readonly AuditAction[] = ['READINESS_CHANGED', 'READINESS_RECHECKED'];

/** The data source's details; for a readiness event, straight on their readiness tab. */
function dataSourceHref(id: string, action: AuditAction): string {
  const query = new URLSearchParams({ detail: id });
  if (READINESS_ACTIONS.includes(action)) query.set('detailTab', 'readiness');
  return `${PATHS.dataSources}?${query.toString()}`;
}

/** "UTC+8": the time zone the table's times are in, for its column title. */
function timeZoneOffset(): string {
  const part = new Intl.DateTimeFormat('en', { timeZoneName: 'shortOffset' })
    .formatToParts(new Date())
    .find((candidate) => candidate.type === 'timeZoneName');
  return part?.value ?? '';
}

/** The log, newest first, a page at a time; a row opens to show what changed. */
export function AuditTable({ page, params, loading, onPageChange }: Props) {
  const m = useMessages();
  const items = useMemo(() => page?.items ?? [], [page]);
  const ids = useMemo(
    () => [...new Set(items.flatMap((event) => (event.dataSourceId ? [event.dataSourceId] : [])))],
    [items],
  );
  const names = useDataSourceNames(ids);
  const zone = useMemo(() => timeZoneOffset(), []);

  const columns: TableColumnsType<AuditEvent> = [
    {
      key: 'occurredAt',
      title: zone ? `${m.audit.columns.occurredAt} (${zone})` : m.audit.columns.occurredAt,
      width: 170,
      render: (_, event) => (
        <span className="audit-time">
          <span className="nowrap">{formatShortDateTime(new Date(event.occurredAt))}</span>
          <Typography.Text type="secondary" className="audit-time__relative">
            <RelativeTime value={event.occurredAt} narrow />
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'actor',
      title: m.audit.columns.actor,
      width: 140,
      render: (_, event) => event.actor ?? <Typography.Text type="secondary">{m.common.notSet}</Typography.Text>,
    },
    {
      key: 'action',
      title: m.audit.columns.action,
      width: 190,
      render: (_, event) => m.audit.actions[event.action],
    },
    {
      key: 'outcome',
      title: m.audit.columns.outcome,
      width: 110,
      render: (_, event) =>
        event.outcome === 'SUCCESS' ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {m.audit.outcomes.SUCCESS}
          </Tag>
        ) : (
          <Tag color="error" icon={<CloseCircleFilled />}>
            {m.audit.outcomes.FAILURE}
          </Tag>
        ),
    },
    {
      key: 'dataSource',
      title: m.audit.columns.dataSource,
      width: 180,
      render: (_, event) => (
        <DataSourceCell event={event} current={event.dataSourceId ? names.get(event.dataSourceId) : undefined} />
      ),
    },
    {
      key: 'clientAddress',
      title: m.audit.columns.clientAddress,
      width: 140,
      render: (_, event) =>
        event.clientAddress ? (
          <span className="mono">{event.clientAddress}</span>
        ) : (
          <Typography.Text type="secondary">{m.common.notSet}</Typography.Text>
        ),
    },
    {
      key: 'detail',
      title: m.audit.columns.detail,
      ellipsis: { showTitle: false },
      render: (_, event) =>
        event.detail ? (
          <Tooltip title={event.detail} placement="topLeft">
            {/* Audit records are written in English whatever the reader's language (README, Languages). */}
            <span lang="en">{event.detail}</span>
          </Tooltip>
        ) : null,
    },
  ];

  return (
    <Table<AuditEvent>
      className="audit-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1100 }}
      locale={{ emptyText: m.audit.empty }}
      rowClassName={(event) => (event.outcome === 'FAILURE' ? 'audit-row--failure' : '')}
      expandable={{
        expandedRowRender: (event) => <AuditChanges event={event} />,
        rowExpandable: (event) => event.changes.length > 0 || event.detail !== null,
        expandRowByClick: false,
      }}
      pagination={{
        ...serverPagination({
          page: params.page,
          size: params.size,
          total: page?.total,
          sizes: AUDIT_PAGE_SIZES,
          totalText: m.audit.total,
        }),
        onChange: onPageChange,
      }}
    />
  );
}

/**
 * The data source an event is about: a link to it while it exists (opening its details), its
 * identifier as recorded, marked deleted, once it is gone.
 */
function DataSourceCell({ event, current }: { event: AuditEvent; current: string | null | undefined }) {
  const m = useMessages();
  const recorded = event.dataSourceIdentifier;
  if (!event.dataSourceId) {
    return recorded ?? <Typography.Text type="secondary">{m.common.notSet}</Typography.Text>;
  }
  const name = current ?? recorded ?? event.dataSourceId;
  if (current === null) {
    return (
      <span className="audit-datasource">
        <span className="audit-datasource__gone">{recorded ?? event.dataSourceId}</span>
        <Tag className="audit-datasource__tag">{m.audit.deleted}</Tag>
      </span>
    );
  }
  if (current === undefined) return <span>{name}</span>;
  const href = dataSourceHref(event.dataSourceId, event.action);
  return (
    <a href={href} onClick={(click) => followLink(click, href)} aria-label={m.audit.openDataSource(name)}>
      {name}
    </a>
  );
}
