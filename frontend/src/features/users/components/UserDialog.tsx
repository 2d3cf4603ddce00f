import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { DescribedRadio } from '@/components/DescribedRadio';
import { describeError } from '@/components/ErrorState';
import { PasswordInput } from '@/components/PasswordInput';
import { isApiError } from '@/lib/api/api-error';
import { ROLES } from '@/lib/api/enum-values';
import { inputRules } from '@/lib/api/input-rules';
import type { Role, User } from '@/lib/api/types';
import { USER_PASSWORD, passwordProblem } from '@/lib/auth/password-rules';
import { requiredIn } from '@/lib/forms/input-rules';
import { applyViolations, fieldsNamed, sentenceText, splitViolations } from '@/lib/forms/violations';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useSaveUser } from '../api/use-save-user';
import './users.css';

interface Values {
  username: string;
  role: Role;
  password: string;
}

const VIOLATIONS = { fieldFor: fieldsNamed(['username', 'role', 'password']), text: sentenceText };
const USERNAME = new RegExp(inputRules.UserInput.properties.username.pattern);
/** The API states this limit only inside the username pattern; the input stops typing there. */
const USERNAME_MAX = 64;
const required = requiredIn('UserInput');

interface Props {
  /** The user to change; none to create one. */
  user: User | undefined;
  /** The signed-in administrator, to warn before they change their own role. */
  currentUsername: string;
  onClose: () => void;
  onSaved: (user: User, created: boolean) => void;
}

/** Create a user, or change one's role and (optionally) set a new password. */
export function UserDialog({ user, currentUsername, onClose, onSaved }: Props) {
  const m = useMessages();
  const u = m.users;
  const [form] = Form.useForm<Values>();
  const save = useSaveUser();
  const [stale, setStale] = useState(false);
  const creating = user === undefined;
  // Undefined until the form has mounted.
  const role = Form.useWatch((values: Partial<Values>) => values.role, form);
  const passwordRules = u.passwordRules(USER_PASSWORD.minLength, USER_PASSWORD.maxLength);
  const self = user !== undefined && user.username.toLowerCase() === currentUsername.toLowerCase();

  const submit = (values: Values) => {
    const password = values.password || undefined;
    save.mutate(
      creating
        ? { kind: 'create', username: values.username.trim(), role: values.role, password: values.password }
        : { kind: 'update', user, role: values.role, password },
      {
        onSuccess: (saved) => onSaved(saved, creating),
        onError: (error) => {
          if (!isApiError(error)) return;
          if (error.violations.some((violation) => violation.field === 'version')) {
            setStale(true);
            return;
          }
          applyViolations(form, error.violations, VIOLATIONS);
        },
      },
    );
  };

  const error = save.isError ? save.error : undefined;
  const placedAll =
    isApiError(error) &&
    error.violations.length > 0 &&
    splitViolations(error.violations, VIOLATIONS).other.length === 0;

  return (
    <Modal
      open
      title={creating ? u.createTitle : u.editTitle(user.username)}
      okText={m.common.ok}
      cancelText={m.common.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: stale }}
      width={520}
      destroyOnHidden
      className="user-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ username: user?.username ?? '', role: user?.role ?? 'VIEWER', password: '' }}
        className="user-form"
      >
        {creating ? (
          <Form.Item
            name="username"
            label={u.username}
            extra={u.usernameHelp}
            rules={[
              { required: true, whitespace: true, message: m.rules.required(u.username) },
              { pattern: USERNAME, message: u.usernameChars },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus maxLength={USERNAME_MAX} />
          </Form.Item>
        ) : (
          <input type="text" name="username" value={user.username} autoComplete="username" readOnly hidden />
        )}
        <Form.Item
          name="role"
          label={u.role}
          rules={[{ required: required('role'), message: m.rules.required(u.role) }]}
        >
          <Radio.Group className="role-options">
            {[...ROLES].reverse().map((value) => (
              <DescribedRadio key={value} value={value} label={m.roles[value]} help={m.roleHelp[value]} />
            ))}
          </Radio.Group>
        </Form.Item>
        {self && role !== undefined && role !== 'ADMIN' && (
          <Alert className="user-dialog__notice" type="warning" showIcon title={u.ownRoleWarning} />
        )}
        <Form.Item
          name="password"
          label={creating ? u.password : u.newPassword}
          extra={creating ? passwordRules : `${passwordRules} ${u.resetPasswordNote}`}
          dependencies={['username']}
          rules={[
            { required: creating, message: m.rules.required(u.password) },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const username = creating ? String(getFieldValue('username') ?? '') : user.username;
                const problem = passwordProblem(value, username.trim(), USER_PASSWORD, {
                  tooShort: m.password.tooShort,
                  tooLong: m.password.tooLong,
                  containsUsername: u.passwordContainsUsername,
                });
                return problem === undefined ? Promise.resolve() : Promise.reject(new Error(problem));
              },
            }),
          ]}
        >
          <PasswordInput placeholder={creating ? undefined : u.newPasswordPlaceholder} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
      {stale ? (
        <Alert type="warning" showIcon title={u.staleTitle} description={u.staleBody} />
      ) : (
        error !== undefined &&
        !placedAll && <Alert type="error" showIcon title={u.saveFailed} description={describeError(error, m.common)} />
      )}
    </Modal>
  );
}
