import { Alert, Modal, Typography } from 'antd';
import { describeError } from '@/components/ErrorState';
import type { User } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useDeleteUser } from '../api/use-delete-user';

interface Props {
  user: User;
  onClose: () => void;
  onDeleted: (user: User) => void;
}

/** "Delete user X?": what it means for them, and the server's reason when it refuses (the last administrator). */
export function DeleteUserModal({ user, onClose, onDeleted }: Props) {
  const m = useMessages();
  const remove = useDeleteUser();
  return (
    <Modal
      open
      title={m.users.deleteTitle(user.username)}
      okText={m.users.delete}
      okButtonProps={{ danger: true }}
      cancelText={m.common.cancel}
      onOk={() => remove.mutate(user, { onSuccess: () => onDeleted(user) })}
      onCancel={onClose}
      confirmLoading={remove.isPending}
      width={460}
      destroyOnHidden
      className="delete-user-modal"
    >
      <Typography.Paragraph>{m.users.deleteBody}</Typography.Paragraph>
      {remove.isError && (
        <Alert
          type="error"
          showIcon
          title={m.users.deleteFailed(user.username)}
          description={describeError(remove.error, m.common)}
        />
      )}
    </Modal>
  );
}
