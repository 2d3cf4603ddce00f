import { Form, Input, InputNumber } from 'antd';
import type { Rule } from 'antd/es/form';
import { FieldColumns } from './FieldColumns';

interface Props {
  /** Where host and port live in the form: [] for the primary, ['standby'] for the standby. */
  path: readonly string[];
  labels: { host: string; port: string };
  rules: { host: Rule[]; port: Rule[] };
  hostPlaceholder: string;
}

/** Where a server is: its host and port, side by side. */
export function EndpointFields({ path, labels, rules, hostPlaceholder }: Props) {
  return (
    <FieldColumns spans={[16, 8]}>
      <Form.Item name={[...path, 'host']} label={labels.host} rules={rules.host} required>
        <Input placeholder={hostPlaceholder} autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item name={[...path, 'port']} label={labels.port} rules={rules.port} required>
        <InputNumber className="full-width" inputMode="numeric" />
      </Form.Item>
    </FieldColumns>
  );
}
