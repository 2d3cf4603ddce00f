import { Alert, Checkbox, Form, Input } from 'antd';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { FieldRules } from './use-field-rules';

/**
 * The heartbeat option of the primary attributes, with what it creates and the privileges it
 * needs, and, once chosen, the schema that holds the table.
 */
export function HeartbeatField({ rules }: { rules: FieldRules }) {
  const m = useMessages();
  const enabled = Form.useWatch<boolean | undefined>('heartbeatEnabled');
  return (
    <div className="heartbeat-field">
      <Form.Item name="heartbeatEnabled" valuePropName="checked" noStyle>
        <Checkbox>{m.form.heartbeat}</Checkbox>
      </Form.Item>
      <Alert
        className="heartbeat-field__notice"
        type="info"
        showIcon
        title={
          <>
            <strong>{m.form.heartbeatNoticeTitle}: </strong>
            {m.form.heartbeatNotice}
          </>
        }
      />
      {enabled && (
        <Form.Item
          name="heartbeatSchema"
          label={m.form.heartbeatSchema}
          rules={rules.heartbeatSchema}
          className="heartbeat-field__schema"
        >
          <Input placeholder="public" autoComplete="off" spellCheck={false} />
        </Form.Item>
      )}
    </div>
  );
}
