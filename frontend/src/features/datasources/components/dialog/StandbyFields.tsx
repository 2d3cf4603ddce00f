import { Form, Input, Typography } from 'antd';
import { PasswordInput } from '@/components/PasswordInput';
import { useMessages } from '@/lib/i18n/i18n-context';
import { EndpointFields } from './EndpointFields';
import { FieldColumns } from './FieldColumns';
import type { FieldRules } from './use-field-rules';

interface Props {
  rules: FieldRules;
  /** Placeholder of the standby password: what an empty one means here. */
  passwordPlaceholder: string;
}

/** The standby of a Primary + Standby data source: its own address, and optionally its own user. */
export function StandbyFields({ rules, passwordPlaceholder }: Props) {
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
      <FieldColumns spans={[12, 12]}>
        <Form.Item name={['standby', 'username']} label={m.form.standbyUsername} rules={rules.standbyUsername}>
          <Input placeholder={m.form.standbyUsernamePlaceholder} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name={['standby', 'password']} label={m.form.standbyPassword} rules={rules.standbyPassword}>
          <PasswordInput placeholder={passwordPlaceholder} />
        </Form.Item>
      </FieldColumns>
    </fieldset>
  );
}
