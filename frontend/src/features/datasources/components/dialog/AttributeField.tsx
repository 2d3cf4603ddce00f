import { Form, Radio, Typography } from 'antd';
import { DATABASE_ATTRIBUTES } from '@/lib/api/enum-values';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { FieldRules } from './use-field-rules';

/** The four database attributes, each with the one line that tells them apart. */
export function AttributeField({ rules }: { rules: FieldRules }) {
  const m = useMessages();
  return (
    <Form.Item name="attribute" label={m.form.attribute} rules={rules.attribute} required>
      <Radio.Group className="attribute-options">
        {DATABASE_ATTRIBUTES.map((attribute) => (
          <Radio key={attribute} value={attribute} className="attribute-option">
            <span className="attribute-option__label">{m.attribute[attribute]}</span>
            <Typography.Text type="secondary" className="attribute-option__help">
              {m.attributeHelp[attribute]}
            </Typography.Text>
          </Radio>
        ))}
      </Radio.Group>
    </Form.Item>
  );
}
