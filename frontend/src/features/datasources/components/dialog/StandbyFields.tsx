import { Form, Input, Typography } from 'antd';
import { useMessages } from '@/lib/i18n/i18n-context';
import { EndpointFields } from './EndpointFields';
import { PasswordSourceFields, type ReferenceChoice } from './PasswordSourceFields';
import type { FieldRules } from './use-field-rules';

interface Props {
  rules: FieldRules;
  /** Placeholder of the standby password: what an empty one means here. */
  passwordPlaceholder: string;
  passwordRequired: boolean;
  /** Why the standby's password is asked for again, or undefined. */
  passwordAgain: string | undefined;
  references: ReferenceChoice;
  referenceReadOnlyHelp: string | undefined;
}

/** The standby of a Primary + Standby data source: its own address, and optionally its own user. */
export function StandbyFields(props: Props) {
  const { rules, passwordPlaceholder, passwordRequired } = props;
  const m = useMessages();
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">{m.form.standbySection}</legend>
      <Typography.Paragraph type="secondary" className="form-section__help">
        {m.form.standbyHelp}
      </Typography.Paragraph>
      <EndpointFields
        path={['standby']}
        labels={{ host: m.form.standbyHost, port: m.form.standbyPort }}
        rules={{ host: rules.standbyHost, port: rules.standbyPort }}
        hostPlaceholder={m.form.hostPlaceholder}
      />
      <PasswordSourceFields
        path={['standby']}
        username={
          <Form.Item name={['standby', 'username']} label={m.form.standbyUsername} rules={rules.standbyUsername}>
            <Input placeholder={m.form.standbyUsernamePlaceholder} autoComplete="off" spellCheck={false} />
          </Form.Item>
        }
        labels={{
          source: m.form.standbyPasswordSource,
          // Not "(Optional)" when it must be typed.
          password: passwordRequired ? m.form.standbyPasswordRequired : m.form.standbyPassword,
          passwordRef: m.form.standbyPasswordRef,
        }}
        rules={{ password: rules.standbyPassword, passwordRef: rules.standbyPasswordRef }}
        passwordPlaceholder={passwordPlaceholder}
        passwordRequired={passwordRequired}
        passwordAgain={props.passwordAgain}
        references={props.references}
        referenceReadOnlyHelp={props.referenceReadOnlyHelp}
      />
    </fieldset>
  );
}
