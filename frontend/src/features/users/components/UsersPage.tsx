import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { DisabledReason } from '@/components/DisabledReason';
import { ErrorState } from '@/components/ErrorState';
import { PageHeader } from '@/components/PageHeader';
import { RelativeTime } from '@/components/RelativeTime';
import { TableSkeleton } from '@/components/TableSkeleton';
import { useToast } from '@/components/toast';
import type { Role, User } from '@/lib/api/types';
import { useSignedInUser } from '@/lib/auth/session';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useUsers } from '../api/use-users';
import { DeleteUserModal } from './DeleteUserModal';
import { UserDialog } from './UserDialog';
import './users.css';

const ROLE_COLORS: Record<Role, string> = { ADMIN: 'gold', OPERATOR: 'blue', VIEWER: 'default' };

type Editing = { user: User | undefined } | null;

/** Users (administrators): who may sign in, with which role; create, change, reset, delete. */
export default function UsersPage() {
  const m = useMessages();
  const u = m.users;
  const toast = useToast();
  const users = useUsers();
  const me = useSignedInUser()?.username ?? '';
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<User | null>(null);
  const isMe = (user: User) => user.username.toLowerCase() === me.toLowerCase();

  const columns: TableColumnsType<User> = [
    {
      key: 'username',
      title: u.columns.username,
      render: (_, user) => (
        <span className="user-name">
          <Typography.Text strong>{user.username}</Typography.Text>
          {isMe(user) && <Tag className="user-name__you">{u.you}</Tag>}
        </span>
      ),
    },
    {
      key: 'role',
      title: u.columns.role,
      width: 160,
      render: (_, user) => <Tag color={ROLE_COLORS[user.role]}>{m.roles[user.role]}</Tag>,
    },
    {
      key: 'createdAt',
      title: u.columns.createdAt,
      width: 170,
      render: (_, user) => <RelativeTime value={user.createdAt} />,
    },
    {
      key: 'updatedAt',
      title: u.columns.updatedAt,
      width: 170,
      render: (_, user) => <RelativeTime value={user.updatedAt} />,
    },
    {
      key: 'actions',
      title: u.columns.actions,
      width: 160,
      render: (_, user) => (
        <div className="row-actions">
          <Button
            type="link"
            size="small"
            className="row-action"
            aria-label={u.editLabel(user.username)}
            onClick={() => setEditing({ user })}
          >
            {u.edit}
          </Button>
          <DisabledReason reason={isMe(user) ? u.cannotDeleteYourself : undefined}>
            <Button
              type="link"
              size="small"
              danger
              className="row-action"
              aria-label={u.deleteLabel(user.username)}
              disabled={isMe(user)}
              onClick={() => setDeleting(user)}
            >
              {u.delete}
            </Button>
          </DisabledReason>
        </div>
      ),
    },
  ];

  return (
    <div className="page">
      <PageHeader title={u.title} subtitle={u.subtitle}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: undefined })}>
          {u.create}
        </Button>
      </PageHeader>
      {users.isPending ? (
        <TableSkeleton label={u.title} rows={4} />
      ) : users.isError ? (
        <ErrorState
          title={u.loadFailed}
          error={users.error}
          onRetry={() => void users.refetch()}
          retrying={users.isFetching}
        />
      ) : (
        <Table<User>
          className="users-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data}
          scroll={{ x: 760 }}
          pagination={false}
          footer={() => <Typography.Text type="secondary">{u.total(users.data.length)}</Typography.Text>}
        />
      )}
      {editing && (
        <UserDialog
          user={editing.user}
          currentUsername={me}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            void toast.success(created ? u.created(saved.username) : u.updated(saved.username));
          }}
        />
      )}
      {deleting && (
        <DeleteUserModal
          user={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(deleted) => {
            setDeleting(null);
            void toast.success(u.deleted(deleted.username));
          }}
        />
      )}
    </div>
  );
}
