import { Collapse, Form, Input, Select, Typography } from 'antd';
import { useMessages } from '@/lib/i18n/i18n-context';
import { CAN_CONFIGURE_TLS, TLS_MODES, VERIFYING_TLS_MODES, type TlsMode } from '../../api/pending-contract';
import type { FieldRules } from './use-field-rules';

/** TLS, folded away: most operators keep the default ("prefer"), some must pin a certificate authority. */
export function AdvancedFields({ rules }: { rules: FieldRules }) {
  const m = useMessages();
  const mode = Form.useWatch<TlsMode | undefined>(['tls', 'mode']);
  const verifying = mode !== undefined && VERIFYING_TLS_MODES.includes(mode);

  const content = CAN_CONFIGURE_TLS ? (
    <>
      <Form.Item name={['tls', 'mode']} label={m.form.tlsMode}>
        <Select<TlsMode> options={TLS_MODES.map((value) => ({ value, label: m.form.tlsModes[value] }))} />
      </Form.Item>
      {verifying && (
        <Form.Item
          name={['tls', 'caCertificate']}
          label={m.form.caCertificate}
          extra={m.form.caCertificateHelp}
          rules={rules.caCertificate(true)}
          required
        >
          <Input.TextArea
            rows={5}
            className="mono"
            placeholder={m.form.caCertificatePlaceholder}
            spellCheck={false}
          />
        </Form.Item>
      )}
    </>
  ) : (
    <Typography.Text type="secondary">{m.form.tlsUnavailable}</Typography.Text>
  );

  return (
    <Collapse
      className="advanced-section"
      ghost
      items={[{ key: 'advanced', label: m.form.advanced, children: content, forceRender: true }]}
    />
  );
}
