import { Descriptions, Tag, Typography } from 'antd';
import { RelativeTime } from '@/components/RelativeTime';
import type { DataSource } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/relative-time';
import { useI18n } from '@/lib/i18n/i18n-context';
import { formatEndpoint } from '../../utils/endpoint';
import { HeartbeatCell } from '../HeartbeatCell';
import { ReadinessBadge } from '../readiness/ReadinessBadge';

interface Props {
  dataSource: DataSource;
  /** Opens the readiness tab, from the readiness badge. */
  onShowReadiness: () => void;
}

/** The drawer's first tab: every stored field (never the password), heartbeat and readiness. */
export function DataSourceOverview({ dataSource, onShowReadiness }: Props) {
  const { messages: m, language } = useI18n();
  const d = m.drawer;
  const f = m.form;
  const dateTime = (value: string) => (
    <>
      {formatDateTime(new Date(value), language)} (<RelativeTime value={value} />)
    </>
  );

  return (
    <Descriptions column={1} size="small" bordered className="drawer-descriptions">
      <Descriptions.Item label={f.identifier}>
        <Typography.Text strong copyable>
          {dataSource.identifier}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={f.type}>{m.type[dataSource.type]}</Descriptions.Item>
      <Descriptions.Item label={f.region}>{dataSource.region}</Descriptions.Item>
      <Descriptions.Item label={f.attribute}>
        <Tag variant="filled">{m.attribute[dataSource.attribute]}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={m.list.columns.endpoint}>
        <Typography.Text className="mono" copyable>
          {formatEndpoint(dataSource.host, dataSource.port)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={f.username}>{dataSource.username}</Descriptions.Item>
      <Descriptions.Item label={d.password}>
        <PasswordState passwordSet={dataSource.passwordSet} passwordRef={dataSource.passwordRef} />
      </Descriptions.Item>
      <Descriptions.Item label={f.databaseName}>{dataSource.databaseName}</Descriptions.Item>
      <Descriptions.Item label={d.schemaName}>{dataSource.schemaName || m.list.allSchemas}</Descriptions.Item>
      {dataSource.standby && (
        <Descriptions.Item label={d.standby}>
          <Typography.Text className="mono">
            {formatEndpoint(dataSource.standby.host, dataSource.standby.port)}
          </Typography.Text>
          <br />
          {f.username}: {dataSource.standby.username} · {d.password}:{' '}
          <PasswordState passwordSet={dataSource.standby.passwordSet} passwordRef={dataSource.standby.passwordRef} />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={d.tls}>
        {dataSource.tls.mode}
        {dataSource.tls.caCertificate ? ` · ${m.form.caCertificate}` : ''}
      </Descriptions.Item>
      {dataSource.heartbeatEnabled && (
        <Descriptions.Item label={d.heartbeatSchema}>
          <Typography.Text className="mono">
            {dataSource.heartbeatSchema || 'public'}.oms_postgres_heartbeat
          </Typography.Text>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={d.heartbeatTable}>
        <HeartbeatCell heartbeat={dataSource.heartbeat} />
        {/* The drawer spells out what the list keeps in tooltips. */}
        {dataSource.heartbeat.lastError && (
          <Typography.Paragraph type="danger" className="drawer-error">
            {d.lastError}: {dataSource.heartbeat.lastError}
          </Typography.Paragraph>
        )}
        {dataSource.heartbeat.warning && (
          <Typography.Paragraph type="warning" className="drawer-error">
            {m.heartbeat.warning}: {dataSource.heartbeat.warning}
          </Typography.Paragraph>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={m.list.columns.readiness}>
        <ReadinessBadge summary={dataSource.readiness} link={{ onOpen: onShowReadiness }} />
      </Descriptions.Item>
      <Descriptions.Item label={d.remarks}>{dataSource.remarks || m.common.notSet}</Descriptions.Item>
      <Descriptions.Item label={m.list.columns.createdAt}>{dateTime(dataSource.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={d.updatedAt}>{dateTime(dataSource.updatedAt)}</Descriptions.Item>
      <Descriptions.Item label={d.id}>
        <Typography.Text className="mono" type="secondary" copyable>
          {dataSource.id}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * Whether a password is stored, never the password. A reference is no secret (it names a file or a
 * variable of the server), so it is shown, with the reminder that it is read at each use.
 */
function PasswordState({ passwordSet, passwordRef }: { passwordSet: boolean; passwordRef: string | null }) {
  const d = useI18n().messages.drawer;
  if (!passwordRef) return <>{passwordSet ? d.passwordStored : d.passwordMissing}</>;
  return (
    <>
      <Typography.Text className="mono" copyable>
        {passwordRef}
      </Typography.Text>{' '}
      <Typography.Text type="secondary">{d.passwordReferenced}</Typography.Text>
    </>
  );
}
