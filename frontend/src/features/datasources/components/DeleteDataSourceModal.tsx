import { Alert, Checkbox, Modal, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '@/components/ErrorState';
import type { DataSource } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useDeleteDataSource } from '../api/use-delete-data-source';

interface Props {
  dataSource: DataSource;
  onClose: () => void;
  onDeleted: (dataSource: DataSource) => void;
}

/** "Delete data source X?": names what goes, says what stays, and offers to drop the heartbeat table. */
export default function DeleteDataSourceModal({ dataSource, onClose, onDeleted }: Props) {
  const m = useMessages();
  const remove = useDeleteDataSource();
  const [dropHeartbeatTable, setDropHeartbeatTable] = useState(false);
  const identifier = dataSource.identifier;

  const confirm = () =>
    remove.mutate({ id: dataSource.id, dropHeartbeatTable }, { onSuccess: () => onDeleted(dataSource) });

  return (
    <Modal
      open
      title={m.delete.title(identifier)}
      okText={m.delete.confirm}
      okButtonProps={{ danger: true }}
      cancelText={m.common.cancel}
      onOk={confirm}
      onCancel={onClose}
      confirmLoading={remove.isPending}
      width={480}
      destroyOnHidden
    >
      <Typography.Paragraph>{m.delete.body}</Typography.Paragraph>
      {dataSource.heartbeatEnabled && (
        <div className="delete-heartbeat">
          <Checkbox checked={dropHeartbeatTable} onChange={(event) => setDropHeartbeatTable(event.target.checked)}>
            {m.delete.dropHeartbeat(dataSource.heartbeatSchema || 'public')}
          </Checkbox>
          <Typography.Text type="secondary" className="delete-heartbeat__help">
            {m.delete.dropHeartbeatHelp}
          </Typography.Text>
        </div>
      )}
      {remove.isError && (
        <Alert
          type="error"
          showIcon
          title={m.toast.deleteFailed(identifier)}
          description={describeError(remove.error, m.common)}
        />
      )}
    </Modal>
  );
}
