import { Form, Input, Radio } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { PasswordInput } from '@/components/PasswordInput';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { PasswordSource } from '../../utils/form-values';
import { FieldColumns } from './FieldColumns';

/**
 * What the user may do with a password reference: an administrator may give any; anyone else may
 * only keep the one a data source has (shown read-only), or has no choice at all.
 */
export type ReferenceChoice = 'any' | 'keep' | 'none';

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
  /** Why the password is asked for again (the edit moved the endpoint it was saved with), or undefined. */
  passwordAgain: string | undefined;
  references: ReferenceChoice;
  /** Why the reference cannot be changed here, for one who may only keep it. */
  referenceReadOnlyHelp: string | undefined;
}

/**
 * A password, or a reference to one: "Stored password" types it here, and the service keeps it
 * sealed; "Reference" names a file under DSM_SECRETS_DIR or a DSM_SOURCE_ variable that the
 * service reads at each use, never storing it. Only the chosen field is shown, checked and sent.
 */
export function PasswordSourceFields(props: Props) {
  const { path, username, labels, rules, passwordPlaceholder, passwordRequired, passwordAgain, references } = props;
  const f = useMessages().form;
  const source = Form.useWatch<PasswordSource | undefined>([...path, 'passwordSource']);

  return (
    <>
      {references === 'none' ? (
        username
      ) : (
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
      )}
      {source === 'reference' && references !== 'none' ? (
        <Form.Item
          name={[...path, 'passwordRef']}
          label={labels.passwordRef}
          rules={rules.passwordRef}
          extra={references === 'keep' ? props.referenceReadOnlyHelp : f.passwordRefHelp}
          required
        >
          <Input
            className="mono"
            placeholder={f.passwordRefPlaceholder}
            autoComplete="off"
            spellCheck={false}
            readOnly={references === 'keep'}
          />
        </Form.Item>
      ) : (
        <Form.Item
          name={[...path, 'password']}
          label={labels.password}
          rules={rules.password}
          required={passwordRequired}
          extra={passwordAgain}
        >
          <PasswordInput placeholder={passwordAgain ? f.passwordAgain : passwordPlaceholder} />
        </Form.Item>
      )}
    </>
  );
}
