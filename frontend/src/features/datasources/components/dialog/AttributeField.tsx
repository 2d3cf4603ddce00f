import { Form, Radio } from 'antd';
import { DescribedRadio } from '@/components/DescribedRadio';
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
          <DescribedRadio
            key={attribute}
            value={attribute}
            label={m.attribute[attribute]}
            help={m.attributeHelp[attribute]}
          />
        ))}
      </Radio.Group>
    </Form.Item>
  );
}
