import { FileTextOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { DataSource } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';

/** "Managed by orders.yaml" on a data source a provisioning file declares; nothing on the others. */
export function ManagedByTag({ dataSource }: { dataSource: Pick<DataSource, 'provisionedBy'> }) {
  const p = useMessages().provisioning;
  const file = dataSource.provisionedBy;
  if (!file) return null;
  return (
    <Tooltip title={p.managedReason(file)}>
      <Tag icon={<FileTextOutlined />} className="managed-tag">
        {p.managedTag(file)}
      </Tag>
    </Tooltip>
  );
}
