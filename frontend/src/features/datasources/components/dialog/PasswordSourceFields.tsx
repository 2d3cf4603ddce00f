import { Form, Input, Radio } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { PasswordInput } from '@/components/PasswordInput';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { PasswordSource } from '../../utils/form-values';
import { FieldColumns } from './FieldColumns';

interface Props {
  /** Where the password lives in the form: [] for the primary, ['standby'] for the standby. */
  path: readonly string[];
  /** The username field, beside the choice: user and password belong together. */
  username: ReactNode;
  labels: { source: string; password: string; passwordRef: string };
  rules: { password: Rule[]; passwordRef: Rule[] };
  /** What an empty password means here (required, keep the stored one, the primary's). */
  passwordPlaceholder: string;
  passwordRequired: boolean;
}

/**
 * A password, or a reference to one: "Stored password" types it here, and the service keeps it
 * sealed; "Reference" names a file under DSM_SECRETS_DIR or a DSM_SOURCE_ variable that the
 * service reads at each use, never storing it. Only the chosen field is shown, checked and sent.
 */
export function PasswordSourceFields({ path, username, labels, rules, passwordPlaceholder, passwordRequired }: Props) {
  const f = useMessages().form;
  const source = Form.useWatch<PasswordSource | undefined>([...path, 'passwordSource']);

  return (
    <>
      <FieldColumns spans={[12, 12]}>
        {username}
        <Form.Item name={[...path, 'passwordSource']} label={labels.source}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'password', label: f.passwordSources.password },
              { value: 'reference', label: f.passwordSources.reference },
            ]}
          />
        </Form.Item>
      </FieldColumns>
      {source === 'reference' ? (
        <Form.Item
          name={[...path, 'passwordRef']}
          label={labels.passwordRef}
          rules={rules.passwordRef}
          extra={f.passwordRefHelp}
          required
        >
          <Input className="mono" placeholder={f.passwordRefPlaceholder} autoComplete="off" spellCheck={false} />
        </Form.Item>
      ) : (
        <Form.Item
          name={[...path, 'password']}
          label={labels.password}
          rules={rules.password}
          required={passwordRequired}
        >
          <PasswordInput placeholder={passwordPlaceholder} />
        </Form.Item>
      )}
    </>
  );
}
