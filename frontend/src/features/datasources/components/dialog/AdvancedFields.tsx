import { Collapse, Form, Input, Select } from 'antd';
import { TLS_MODES } from '@/lib/api/enum-values';
import type { TlsMode } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { VERIFYING_TLS_MODES } from '../../utils/form-values';
import type { FieldRules } from './use-field-rules';

/** TLS, folded away: most operators keep the default ("prefer"), some must pin a certificate authority. */
export function AdvancedFields({ rules }: { rules: FieldRules }) {
  const m = useMessages();
  const mode = Form.useWatch<TlsMode | undefined>(['tls', 'mode']);
  const verifying = mode !== undefined && VERIFYING_TLS_MODES.includes(mode);

  return (
    <Collapse
      className="advanced-section"
      ghost
      items={[
        {
          key: 'advanced',
          label: m.form.advanced,
          forceRender: true,
          children: (
            <>
              <Form.Item name={['tls', 'mode']} label={m.form.tlsMode}>
                <Select<TlsMode> options={TLS_MODES.map((value) => ({ value, label: m.form.tlsModes[value] }))} />
              </Form.Item>
              {verifying && (
                <Form.Item
                  name={['tls', 'caCertificate']}
                  label={m.form.caCertificate}
                  extra={m.form.caCertificateHelp}
                  rules={rules.caCertificate}
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
          ),
        },
      ]}
    />
  );
}
