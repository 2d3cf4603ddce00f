import { Alert, Form, Modal } from 'antd';
import { describeError } from '@/components/ErrorState';
import { PasswordInput } from '@/components/PasswordInput';
import { useToast } from '@/components/toast';
import { isApiError } from '@/lib/api/api-error';
import { passwordProblem } from '@/lib/auth/password-rules';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useChangePassword } from '../api/use-change-password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

const FIELDS = new Set<string>(['currentPassword', 'newPassword']);

/** The server's messages name no subject ("must differ from…"); under a field they read as sentences. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

interface Props {
  username: string;
  onClose: () => void;
}

/**
 * "Change your password": the current one as proof, the new one twice. The rules are checked as
 * the user types; what the server still rejects (a wrong current password) lands on its field.
 */
export default function ChangePasswordDialog({ username, onClose }: Props) {
  const m = useMessages();
  const toast = useToast();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void toast.success(m.password.changed);
          onClose();
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          form.setFields(
            error.violations
              .filter((violation) => FIELDS.has(violation.field))
              .map((violation) => ({
                name: violation.field as keyof Values,
                errors: [violation.field === 'currentPassword' ? m.password.wrongCurrent : sentence(violation.message)],
              })),
          );
        },
      },
    );

  const unplaced = isApiError(change.error) ? change.error.violations.filter((v) => !FIELDS.has(v.field)) : [];
  const showError =
    change.isError && (!isApiError(change.error) || change.error.violations.length === 0 || unplaced.length > 0);

  return (
    <Modal
      open
      title={m.password.title}
      okText={m.password.submit}
      cancelText={m.common.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={change.isPending}
      width={440}
      destroyOnHidden
      className="password-dialog"
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit} className="password-form">
        {/* Lets password managers tell whose password changes. */}
        <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={m.password.current}
          rules={[{ required: true, message: m.rules.required(m.password.current) }]}
        >
          <PasswordInput autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={m.password.new}
          extra={m.password.rules}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: m.rules.required(m.password.new) },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const problem =
                  passwordProblem(value, username, m.password) ??
                  (value === getFieldValue('currentPassword') ? m.password.sameAsCurrent : undefined);
                return problem === undefined ? Promise.resolve() : Promise.reject(new Error(problem));
              },
            }),
          ]}
        >
          <PasswordInput />
        </Form.Item>
        <Form.Item
          name="confirmation"
          label={m.password.confirm}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: m.rules.required(m.password.confirm) },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(m.password.mismatch)),
            }),
          ]}
        >
          <PasswordInput />
        </Form.Item>
        {/* Enter in a field submits. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
      {showError && (
        <Alert
          type="error"
          showIcon
          title={m.password.failed}
          description={
            unplaced.length > 0
              ? unplaced.map((violation) => `${violation.field} ${violation.message}`).join('; ')
              : describeError(change.error, m.common)
          }
        />
      )}
    </Modal>
  );
}
