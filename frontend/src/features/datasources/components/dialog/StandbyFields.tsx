import { Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { PasswordInput } from '@/components/PasswordInput';
import { useMessages } from '@/lib/i18n/i18n-context';
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
      <Row gutter={16}>
        <Col xs={24} sm={16}>
          <Form.Item name={['standby', 'host']} label={m.form.standbyHost} rules={rules.standbyHost} required>
            <Input placeholder={m.form.hostPlaceholder} autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={['standby', 'port']} label={m.form.standbyPort} rules={rules.standbyPort} required>
            <InputNumber className="full-width" inputMode="numeric" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name={['standby', 'username']} label={m.form.standbyUsername} rules={rules.standbyUsername}>
            <Input placeholder={m.form.standbyUsernamePlaceholder} autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['standby', 'password']} label={m.form.standbyPassword} rules={rules.standbyPassword}>
            <PasswordInput placeholder={passwordPlaceholder} />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}
