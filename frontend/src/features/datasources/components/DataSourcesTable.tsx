import { Table, Tooltip, Typography } from 'antd';
import type { ColumnType, SorterResult } from 'antd/es/table/interface';
import { serverPagination } from '@/components/server-pagination';
import type { DataSource, DataSourceSort } from '@/lib/api/types';
import { formatDateTime, formatShortDateTime } from '@/lib/format/relative-time';
import { useI18n } from '@/lib/i18n/i18n-context';
import { formatEndpoint } from '../utils/endpoint';
import {
  OPTIONAL_COLUMNS,
  availableColumns,
  columnWidth,
  needsDense,
  tableWidth,
  type ListColumn,
} from '../utils/list-columns';
import { PAGE_SIZES } from '../utils/list-params';
import { HeartbeatCell } from './HeartbeatCell';
import { IdentifierLink } from './IdentifierLink';
import type { ListViewProps } from './list-view';
import { ManagedByTag } from './ManagedByTag';
import { ReadinessBadge } from './readiness/ReadinessBadge';
import { RowActions } from './RowActions';

type SortableColumn = 'createdAt' | 'identifier';

function sortOrderOf(sort: DataSourceSort, column: SortableColumn): 'ascend' | 'descend' | null {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

function sortFrom(sorter: SorterResult<DataSource>): DataSourceSort {
  const column = sorter.columnKey === 'identifier' ? 'identifier' : 'createdAt';
  if (!sorter.order) return '-createdAt';
  return sorter.order === 'ascend' ? column : `-${column}`;
}

type Column = ColumnType<DataSource> & { key: ListColumn };

const EVERY_COLUMN: readonly ListColumn[] = [
  'identifier',
  'type',
  'endpoint',
  'username',
  'createdAt',
  ...OPTIONAL_COLUMNS,
  'actions',
];

/** The seed's columns always, dsm's own as chosen and where they apply. */
function shownColumns(props: ListViewProps): ListColumn[] {
  const optional: readonly ListColumn[] = OPTIONAL_COLUMNS;
  const chosen: readonly ListColumn[] = availableColumns(props.multiRegion).filter((column) =>
    props.optionalColumns.includes(column),
  );
  return EVERY_COLUMN.filter((key) => !optional.includes(key) || chosen.includes(key));
}

/** The list on wide screens: one row per data source, sortable, paged by the server. */
export function DataSourcesTable(props: ListViewProps) {
  const { messages: m, language } = useI18n();
  const { params, page, tests } = props;
  // Columns have set widths and text wraps inside them. Whatever is chosen fits 1280 px, dense
  // when it must; narrower windows scroll sideways between the fixed identifier and actions.
  const shown = shownColumns(props);
  const dense = needsDense(shown);

  const all: Column[] = [
    {
      key: 'identifier',
      title: m.list.columns.identifier,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'identifier'),
      sortDirections: ['ascend', 'descend'],
      render: (_, row) => (
        <div className="identifier-cell">
          <IdentifierLink dataSource={row} href={props.detailHref(row.id)} onOpen={props.onOpenDetail} />
          <ManagedByTag dataSource={row} />
        </div>
      ),
    },
    {
      key: 'type',
      title: m.list.columns.type,
      render: (_, row) => m.type[row.type],
    },
    {
      key: 'endpoint',
      title: m.list.columns.endpoint,
      render: (_, row) => (
        <div className="endpoint-cell">
          <Typography.Text className="mono">{formatEndpoint(row.host, row.port)}</Typography.Text>
          {row.standby && (
            <Typography.Text type="secondary" className="mono endpoint-cell__standby">
              {m.list.standbyEndpoint}: {formatEndpoint(row.standby.host, row.standby.port)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'username',
      title: m.list.columns.username,
      render: (_, row) => row.username,
    },
    {
      key: 'createdAt',
      title: m.list.columns.createdAt,
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'createdAt'),
      sortDirections: ['descend', 'ascend'],
      render: (_, row) => (
        <Tooltip title={formatDateTime(new Date(row.createdAt), language)}>
          <time dateTime={row.createdAt} className="nowrap">
            {formatShortDateTime(new Date(row.createdAt))}
          </time>
        </Tooltip>
      ),
    },
    {
      key: 'database',
      title: m.list.columns.database,
      render: (_, row) => (
        <>
          {row.databaseName}
          <Typography.Text type="secondary"> / {row.schemaName || m.list.allSchemas}</Typography.Text>
        </>
      ),
    },
    { key: 'region', title: m.list.columns.region, render: (_, row) => row.region },
    {
      key: 'attribute',
      title: m.list.columns.attribute,
      render: (_, row) => m.attribute[row.attribute],
    },
    {
      key: 'heartbeat',
      title: m.list.columns.heartbeat,
      render: (_, row) => <HeartbeatCell heartbeat={row.heartbeat} />,
    },
    {
      key: 'readiness',
      title: m.list.columns.readiness,
      render: (_, row) => (
        <ReadinessBadge
          summary={row.readiness}
          link={{
            href: props.detailHref(row.id, 'readiness'),
            onOpen: () => props.onOpenDetail(row.id, 'readiness'),
          }}
        />
      ),
    },
    {
      key: 'actions',
      title: m.list.columns.actions,
      fixed: 'right',
      render: (_, row) => (
        <RowActions layout={dense ? 'icons' : 'links'} dataSource={row} test={tests.get(row.id)} handlers={props} />
      ),
    },
  ];
  const columns = all
    .filter(({ key }) => shown.includes(key))
    .map((column) => ({ ...column, width: columnWidth(column.key, dense) }));
  const scrollWidth = tableWidth(shown, dense);

  return (
    <Table<DataSource>
      className="datasource-table"
      size="middle"
      tableLayout="fixed"
      rowKey="id"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={props.loading}
      scroll={{ x: scrollWidth }}
      rowClassName={(row) => (row.id === props.highlightId ? 'row--highlight' : '')}
      locale={{ emptyText: props.emptyText }}
      showSorterTooltip={false}
      pagination={{
        ...serverPagination({
          page: params.page,
          size: params.size,
          total: page?.total,
          sizes: PAGE_SIZES,
          totalText: m.list.total,
        }),
        responsive: true,
        hideOnSinglePage: false,
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort' && !Array.isArray(sorter)) {
          props.onSortChange(sortFrom(sorter));
        } else if (extra.action === 'paginate') {
          props.onPageChange(pagination.current ?? 1, pagination.pageSize ?? params.size);
        }
      }}
    />
  );
}
