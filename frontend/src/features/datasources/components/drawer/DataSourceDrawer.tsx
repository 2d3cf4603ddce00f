import { AuditOutlined, CopyOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Grid, Skeleton, Space, Tag, Typography } from 'antd';
import { DisabledReason } from '@/components/DisabledReason';
import { describeError } from '@/components/ErrorState';
import { RelativeTime } from '@/components/RelativeTime';
import { isApiError } from '@/lib/api/api-error';
import type { DataSource } from '@/lib/api/types';
import { usePermissions } from '@/lib/auth/authorization';
import { formatDateTime } from '@/lib/format/relative-time';
import { useI18n } from '@/lib/i18n/i18n-context';
import { followLink } from '@/lib/url/location';
import { PATHS } from '@/lib/url/paths';
import { useDataSource } from '../../api/use-data-source';
import type { RowTest } from '../../api/use-row-connection-tests';
import { formatEndpoint } from '../../utils/endpoint';
import { HeartbeatCell } from '../HeartbeatCell';
import { RowConnectionTest } from '../RowConnectionTest';

interface Props {
  id: string;
  test: RowTest | undefined;
  onClose: () => void;
  onTest: (id: string) => Promise<RowTest>;
  onEdit: (dataSource: DataSource) => void;
  onCopy: (dataSource: DataSource) => void;
  onDelete: (dataSource: DataSource) => void;
}

/** Everything stored about one data source (never its password), opened from its identifier. */
export default function DataSourceDrawer({ id, test, onClose, onTest, onEdit, onCopy, onDelete }: Props) {
  const { messages: m, language } = useI18n();
  const screens = Grid.useBreakpoint();
  const query = useDataSource(id);
  const permissions = usePermissions();
  const cannotChange = permissions.whyNot('changeDataSources');
  const auditHref = `${PATHS.audit}?${new URLSearchParams({ dataSourceId: id }).toString()}`;
  const d = m.drawer;
  const f = m.form;
  const dateTime = (value: string) => (
    <>
      {formatDateTime(new Date(value), language)} (<RelativeTime value={value} />)
    </>
  );

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      title={query.data ? d.title(query.data.identifier) : d.loading}
      className="datasource-drawer"
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : query.isError ? (
        <Alert
          type={isApiError(query.error) && query.error.status === 404 ? 'warning' : 'error'}
          showIcon
          title={
            isApiError(query.error) && query.error.status === 404 ? d.notFound : describeError(query.error, m.common)
          }
        />
      ) : (
        <>
          {/* Actions in the body, not the header: a phone has no room beside a long identifier. */}
          <Space wrap className="drawer-actions">
            <RowConnectionTest
              dataSource={query.data}
              test={test}
              onRun={onTest}
              disabledReason={permissions.whyNot('testDataSources')}
            />
            <DisabledReason reason={cannotChange}>
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => onEdit(query.data)}
                disabled={cannotChange !== undefined}
              >
                {m.list.actions.edit}
              </Button>
            </DisabledReason>
            <DisabledReason reason={cannotChange}>
              <Button
                size="small"
                icon={<CopyOutlined />}
                onClick={() => onCopy(query.data)}
                disabled={cannotChange !== undefined}
              >
                {m.list.actions.copy}
              </Button>
            </DisabledReason>
            <DisabledReason reason={cannotChange}>
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onDelete(query.data)}
                disabled={cannotChange !== undefined}
              >
                {m.list.actions.delete}
              </Button>
            </DisabledReason>
            {permissions.can('readAudit') && (
              <Button
                size="small"
                type="link"
                icon={<AuditOutlined />}
                href={auditHref}
                onClick={(event) => followLink(event, auditHref)}
              >
                {m.audit.history}
              </Button>
            )}
          </Space>
          <Descriptions column={1} size="small" bordered className="drawer-descriptions">
            <Descriptions.Item label={f.identifier}>
              <Typography.Text strong copyable>
                {query.data.identifier}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={f.type}>{m.type[query.data.type]}</Descriptions.Item>
            <Descriptions.Item label={f.region}>{query.data.region}</Descriptions.Item>
            <Descriptions.Item label={f.attribute}>
              <Tag variant="filled">{m.attribute[query.data.attribute]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={m.list.columns.endpoint}>
              <Typography.Text className="mono" copyable>
                {formatEndpoint(query.data.host, query.data.port)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={f.username}>{query.data.username}</Descriptions.Item>
            <Descriptions.Item label={d.password}>
              {query.data.passwordSet ? d.passwordStored : d.passwordMissing}
            </Descriptions.Item>
            <Descriptions.Item label={f.databaseName}>{query.data.databaseName}</Descriptions.Item>
            <Descriptions.Item label={d.schemaName}>{query.data.schemaName || m.list.allSchemas}</Descriptions.Item>
            {query.data.standby && (
              <Descriptions.Item label={d.standby}>
                <Typography.Text className="mono">
                  {formatEndpoint(query.data.standby.host, query.data.standby.port)}
                </Typography.Text>
                <br />
                {f.username}: {query.data.standby.username} · {d.password}:{' '}
                {query.data.standby.passwordSet ? d.passwordStored : d.passwordMissing}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={d.tls}>
              {query.data.tls.mode}
              {query.data.tls.caCertificate ? ` · ${m.form.caCertificate}` : ''}
            </Descriptions.Item>
            {query.data.heartbeatEnabled && (
              <Descriptions.Item label={d.heartbeatSchema}>
                <Typography.Text className="mono">
                  {query.data.heartbeatSchema || 'public'}.oms_postgres_heartbeat
                </Typography.Text>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={d.heartbeatTable}>
              <HeartbeatCell heartbeat={query.data.heartbeat} />
              {/* The drawer spells out what the list keeps in tooltips. */}
              {query.data.heartbeat.lastError && (
                <Typography.Paragraph type="danger" className="drawer-error">
                  {d.lastError}: {query.data.heartbeat.lastError}
                </Typography.Paragraph>
              )}
              {query.data.heartbeat.warning && (
                <Typography.Paragraph type="warning" className="drawer-error">
                  {m.heartbeat.warning}: {query.data.heartbeat.warning}
                </Typography.Paragraph>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={d.remarks}>{query.data.remarks || m.common.notSet}</Descriptions.Item>
            <Descriptions.Item label={m.list.columns.createdAt}>{dateTime(query.data.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={d.updatedAt}>{dateTime(query.data.updatedAt)}</Descriptions.Item>
            <Descriptions.Item label={d.id}>
              <Typography.Text className="mono" type="secondary" copyable>
                {query.data.id}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Drawer>
  );
}
