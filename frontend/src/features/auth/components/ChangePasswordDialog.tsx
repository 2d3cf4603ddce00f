import { Alert, Form, Modal } from 'antd';
import { describeError } from '@/components/ErrorState';
import { PasswordInput } from '@/components/PasswordInput';
import { useToast } from '@/components/toast';
import { isApiError } from '@/lib/api/api-error';
import { NEW_PASSWORD, passwordProblem } from '@/lib/auth/password-rules';
import { requiredIn } from '@/lib/forms/input-rules';
import {
  applyViolations,
  fieldsNamed,
  sentenceText,
  splitViolations,
  type ViolationMapping,
} from '@/lib/forms/violations';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useChangePassword } from '../api/use-change-password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

const fieldFor = fieldsNamed(['currentPassword', 'newPassword']);
const required = requiredIn('PasswordChangeInput');

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

  const violations: ViolationMapping = {
    fieldFor,
    // The server says why in its own words; a wrong current password reads better as ours.
    text: (violation, aliased) =>
      violation.field === 'currentPassword' ? m.password.wrongCurrent : sentenceText(violation, aliased),
  };

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
          applyViolations(form, error.violations, violations);
        },
      },
    );

  const unplaced = isApiError(change.error) ? splitViolations(change.error.violations, violations).other : [];
  const showError =
    change.isError && (!isApiError(change.error) || change.error.violations.length === 0 || unplaced.length > 0);
  // Guessing the current password is throttled like signing in: say so in the user's language, with the wait.
  const throttled = isApiError(change.error) && change.error.status === 429 ? change.error : undefined;

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
          rules={[{ required: required('currentPassword'), message: m.rules.required(m.password.current) }]}
        >
          <PasswordInput autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={m.password.new}
          extra={m.password.rules(NEW_PASSWORD.minLength, NEW_PASSWORD.maxLength)}
          dependencies={['currentPassword']}
          rules={[
            { required: required('newPassword'), message: m.rules.required(m.password.new) },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const problem =
                  passwordProblem(value, username, NEW_PASSWORD, m.password) ??
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
              : throttled
                ? m.password.tooMany(throttled.retryAfterSeconds)
                : describeError(change.error, m.common)
          }
        />
      )}
    </Modal>
  );
}
