import { CopyOutlined, DeleteOutlined, EditOutlined, MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { DisabledReason } from '@/components/DisabledReason';
import type { DataSource } from '@/lib/api/types';
import { usePermissions } from '@/lib/auth/authorization';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { RowTest } from '../api/use-row-connection-tests';
import { RowConnectionTest } from './RowConnectionTest';
import { useChangeReasons } from './use-change-reasons';

export interface RowActionHandlers {
  onCopy: (dataSource: DataSource) => void;
  onEdit: (dataSource: DataSource) => void;
  onDelete: (dataSource: DataSource) => void;
  onTest: (id: string) => Promise<RowTest>;
}

interface Props {
  dataSource: DataSource;
  handlers: RowActionHandlers;
  test: RowTest | undefined;
  /** Copy, Edit and Delete in a menu, for the narrow cards on phones. */
  compact: boolean;
}

/** Test Connection, Copy, Edit, Delete: inline links in the table, a menu beside the test on phones. */
export function RowActions({ dataSource, test, compact, handlers }: Props) {
  const { onTest, onCopy, onEdit, onDelete } = handlers;
  const m = useMessages();
  const { whyNot } = usePermissions();
  const reasons = useChangeReasons();
  const cannotCopy = reasons.copy;
  const cannotChange = reasons.change(dataSource);
  const identifier = dataSource.identifier;
  const testButton = (
    <RowConnectionTest dataSource={dataSource} test={test} onRun={onTest} disabledReason={whyNot('testDataSources')} />
  );

  if (compact) {
    return (
      <div className="row-actions">
        {testButton}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              // Disabled items stay in the menu, where the user looks for them, and say why.
              {
                key: 'copy',
                icon: <CopyOutlined />,
                label: m.list.actions.copy,
                disabled: cannotCopy !== undefined,
                title: cannotCopy,
                onClick: () => onCopy(dataSource),
              },
              {
                key: 'edit',
                icon: <EditOutlined />,
                label: m.list.actions.edit,
                disabled: cannotChange !== undefined,
                title: cannotChange,
                onClick: () => onEdit(dataSource),
              },
              {
                key: 'delete',
                icon: <DeleteOutlined />,
                label: m.list.actions.delete,
                danger: true,
                disabled: cannotChange !== undefined,
                title: cannotChange,
                onClick: () => onDelete(dataSource),
              },
            ],
          }}
        >
          <Button
            type="text"
            size="small"
            icon={<MoreOutlined />}
            aria-label={`${m.list.actions.more}: ${identifier}`}
          />
        </Dropdown>
      </div>
    );
  }

  return (
    <div className="row-actions">
      {testButton}
      <RowAction
        label={m.list.actions.copy}
        identifier={identifier}
        reason={cannotCopy}
        onClick={() => onCopy(dataSource)}
      />
      <RowAction
        label={m.list.actions.edit}
        identifier={identifier}
        reason={cannotChange}
        onClick={() => onEdit(dataSource)}
      />
      <RowAction
        label={m.list.actions.delete}
        identifier={identifier}
        reason={cannotChange}
        danger
        onClick={() => onDelete(dataSource)}
      />
    </div>
  );
}

/** A row's link-styled action, disabled with the reason when the user's role may not use it. */
function RowAction({
  label,
  identifier,
  reason,
  danger = false,
  onClick,
}: {
  label: string;
  identifier: string;
  reason: string | undefined;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <DisabledReason reason={reason}>
      <Button
        type="link"
        size="small"
        danger={danger}
        className="row-action"
        disabled={reason !== undefined}
        aria-label={`${label} ${identifier}`}
        onClick={onClick}
      >
        {label}
      </Button>
    </DisabledReason>
  );
}
