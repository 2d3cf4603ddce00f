import { AuditOutlined, CopyOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Skeleton, Space, Tabs } from 'antd';
import { DisabledReason } from '@/components/DisabledReason';
import { describeError } from '@/components/ErrorState';
import { isApiError } from '@/lib/api/api-error';
import type { DataSource } from '@/lib/api/types';
import { usePermissions } from '@/lib/auth/authorization';
import { useI18n } from '@/lib/i18n/i18n-context';
import { followLink } from '@/lib/url/location';
import { PATHS } from '@/lib/url/paths';
import { useDataSource } from '../../api/use-data-source';
import type { RowTest } from '../../api/use-row-connection-tests';
import type { DetailTab } from '../../utils/list-params';
import { ManagedByTag } from '../ManagedByTag';
import { ReadinessPanel } from '../readiness/ReadinessPanel';
import { RowConnectionTest } from '../RowConnectionTest';
import { useChangeReasons } from '../use-change-reasons';
import { DataSourceOverview } from './DataSourceOverview';

interface Props {
  id: string;
  /** The tab shown: the stored fields, or what the readiness watch found. */
  tab: DetailTab;
  onTabChange: (tab: DetailTab) => void;
  test: RowTest | undefined;
  onClose: () => void;
  onTest: (id: string) => Promise<RowTest>;
  onEdit: (dataSource: DataSource) => void;
  onCopy: (dataSource: DataSource) => void;
  onDelete: (dataSource: DataSource) => void;
}

/**
 * Everything stored about one data source (never its password), opened from its identifier, and
 * what the readiness watch found, opened from its readiness badge.
 */
export default function DataSourceDrawer({
  id,
  tab,
  onTabChange,
  test,
  onClose,
  onTest,
  onEdit,
  onCopy,
  onDelete,
}: Props) {
  const { messages: m } = useI18n();
  const screens = Grid.useBreakpoint();
  const query = useDataSource(id);
  const permissions = usePermissions();
  const reasons = useChangeReasons();
  const cannotCopy = reasons.copy;
  const cannotChange = query.data ? reasons.change(query.data) : undefined;
  const auditHref = `${PATHS.audit}?${new URLSearchParams({ dataSourceId: id }).toString()}`;
  const d = m.drawer;

  return (
    <Drawer
      open
      onClose={onClose}
      // The readiness report and its history read better wider, where the screen has the room.
      size={!screens.md ? '100%' : tab === 'readiness' && screens.lg ? 720 : 560}
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
          {query.data.provisionedBy && (
            <div className="drawer-managed">
              <ManagedByTag dataSource={query.data} />
            </div>
          )}
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
            <DisabledReason reason={cannotCopy}>
              <Button
                size="small"
                icon={<CopyOutlined />}
                onClick={() => onCopy(query.data)}
                disabled={cannotCopy !== undefined}
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
          <Tabs
            activeKey={tab}
            onChange={(key) => onTabChange(key === 'readiness' ? 'readiness' : 'overview')}
            items={[
              {
                key: 'overview',
                label: m.watch.tabs.overview,
                children: (
                  <DataSourceOverview dataSource={query.data} onShowReadiness={() => onTabChange('readiness')} />
                ),
              },
              {
                key: 'readiness',
                label: m.watch.tabs.readiness,
                children: <ReadinessPanel dataSource={query.data} />,
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
