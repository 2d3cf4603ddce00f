import { CopyOutlined, DeleteOutlined, EditOutlined, MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tooltip } from 'antd';
import type { ReactNode } from 'react';
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
  /**
   * `links`: every action spelled out, as the seed has them. `icons`: a short test link and Copy,
   * Edit and Delete as icons named by tooltips, for a table that shows all of dsm's columns and
   * must still fit 1280 px. `menu`: Copy, Edit and Delete in a menu, for the narrow cards on phones.
   */
  layout: 'links' | 'icons' | 'menu';
}

const ICONS = { copy: <CopyOutlined />, edit: <EditOutlined />, delete: <DeleteOutlined /> };

/** Test Connection, Copy, Edit, Delete: inline in the table, a menu beside the test on phones. */
export function RowActions({ dataSource, test, layout, handlers }: Props) {
  const { onTest, onCopy, onEdit, onDelete } = handlers;
  const m = useMessages();
  const { whyNot } = usePermissions();
  const reasons = useChangeReasons();
  const cannotCopy = reasons.copy;
  const cannotChange = reasons.change(dataSource);
  const identifier = dataSource.identifier;
  const testButton = (
    <RowConnectionTest
      dataSource={dataSource}
      test={test}
      onRun={onTest}
      disabledReason={whyNot('testDataSources')}
      short={layout === 'icons'}
    />
  );

  if (layout === 'menu') {
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
                icon: ICONS.copy,
                label: m.list.actions.copy,
                disabled: cannotCopy !== undefined,
                title: cannotCopy,
                onClick: () => onCopy(dataSource),
              },
              {
                key: 'edit',
                icon: ICONS.edit,
                label: m.list.actions.edit,
                disabled: cannotChange !== undefined,
                title: cannotChange,
                onClick: () => onEdit(dataSource),
              },
              {
                key: 'delete',
                icon: ICONS.delete,
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
      {(
        [
          { key: 'copy', reason: cannotCopy, onClick: onCopy },
          { key: 'edit', reason: cannotChange, onClick: onEdit },
          { key: 'delete', reason: cannotChange, onClick: onDelete, danger: true },
        ] as const
      ).map((action) => (
        <RowAction
          key={action.key}
          label={m.list.actions[action.key]}
          icon={layout === 'icons' ? ICONS[action.key] : undefined}
          identifier={identifier}
          reason={action.reason}
          danger={'danger' in action}
          onClick={() => action.onClick(dataSource)}
        />
      ))}
    </div>
  );
}

/**
 * A row's link-styled action, disabled with the reason when the user's role may not use it. As an
 * icon, a tooltip names it (the reason does, when disabled).
 */
function RowAction({
  label,
  icon,
  identifier,
  reason,
  danger = false,
  onClick,
}: {
  label: string;
  icon?: ReactNode;
  identifier: string;
  reason: string | undefined;
  danger?: boolean;
  onClick: () => void;
}) {
  const button = (
    <Button
      type="link"
      size="small"
      danger={danger}
      className={icon ? 'row-action row-action--icon' : 'row-action'}
      disabled={reason !== undefined}
      aria-label={`${label} ${identifier}`}
      icon={icon}
      onClick={onClick}
    >
      {icon ? undefined : label}
    </Button>
  );
  if (reason !== undefined) return <DisabledReason reason={reason}>{button}</DisabledReason>;
  return icon ? <Tooltip title={label}>{button}</Tooltip> : button;
}
