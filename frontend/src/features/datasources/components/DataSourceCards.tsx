import { Pagination, Spin, Typography } from 'antd';
import { formatShortDateTime } from '@/lib/format/relative-time';
import { useI18n } from '@/lib/i18n/i18n-context';
import { formatEndpoint } from '../utils/endpoint';
import { HeartbeatCell } from './HeartbeatCell';
import { IdentifierLink } from './IdentifierLink';
import type { ListViewProps } from './list-view';
import { ManagedByTag } from './ManagedByTag';
import { ReadinessBadge } from './readiness/ReadinessBadge';
import { RowActions } from './RowActions';

/**
 * The list on phones: a card per data source with what identifies it at a glance (name, address,
 * user and database, attribute, heartbeat, readiness), its test, and the other actions in a menu. A table of
 * nine columns cannot be read at 390 px.
 */
export function DataSourceCards(props: ListViewProps) {
  const { messages: m } = useI18n();
  const { page, params, tests } = props;
  const items = page?.items ?? [];

  return (
    <Spin spinning={props.loading}>
      {items.length === 0 ? (
        props.emptyText
      ) : (
        <ul className="datasource-cards" aria-label={m.list.title}>
          {items.map((row) => (
            <li key={row.id} className={`datasource-card${row.id === props.highlightId ? ' row--highlight' : ''}`}>
              <div className="datasource-card__head">
                <IdentifierLink dataSource={row} href={props.detailHref(row.id)} onOpen={props.onOpenDetail} />
                <RowActions layout="menu" dataSource={row} test={tests.get(row.id)} handlers={props} />
              </div>
              <ManagedByTag dataSource={row} />
              <Typography.Text className="mono">{formatEndpoint(row.host, row.port)}</Typography.Text>
              {row.standby && (
                <Typography.Text type="secondary" className="mono datasource-card__line">
                  {m.list.standbyEndpoint}: {formatEndpoint(row.standby.host, row.standby.port)}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" className="datasource-card__line">
                {row.username} · {row.databaseName} / {row.schemaName || m.list.allSchemas}
                {props.multiRegion && row.region ? ` · ${row.region}` : ''}
              </Typography.Text>
              <div className="datasource-card__foot">
                <span>{m.attribute[row.attribute]}</span>
                <HeartbeatCell heartbeat={row.heartbeat} />
                <ReadinessBadge
                  summary={row.readiness}
                  link={{
                    href: props.detailHref(row.id, 'readiness'),
                    onOpen: () => props.onOpenDetail(row.id, 'readiness'),
                  }}
                />
                <Typography.Text type="secondary">
                  <time dateTime={row.createdAt}>{formatShortDateTime(new Date(row.createdAt))}</time>
                </Typography.Text>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        className="datasource-cards__pagination"
        simple
        current={params.page}
        pageSize={params.size}
        total={page?.total ?? 0}
        onChange={props.onPageChange}
        hideOnSinglePage
      />
    </Spin>
  );
}
