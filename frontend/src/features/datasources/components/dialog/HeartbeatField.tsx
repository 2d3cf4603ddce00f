import { Alert, Checkbox, Form } from 'antd';
import { useMessages } from '@/lib/i18n/i18n-context';

/** The heartbeat option of the primary attributes, with what it creates and the privileges it needs. */
export function HeartbeatField() {
  const m = useMessages();
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
    </div>
  );
}
