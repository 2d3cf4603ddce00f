import { ApiOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { GateStatus } from '../../utils/connection-test-gate';

interface Props {
  status: GateStatus;
  okEnabled: boolean;
  /** Editing with the connection as stored: OK needs no test. */
  connectionUntouched: boolean;
  testing: boolean;
  saving: boolean;
  onCancel: () => void;
  onTest: () => void;
  onOk: () => void;
}

const HINT_ID = 'datasource-dialog-ok-hint';

/** Cancel, Test Connection, OK, and, beside them, why OK is not offered yet. */
export function DialogFooter({
  status,
  okEnabled,
  connectionUntouched,
  testing,
  saving,
  onCancel,
  onTest,
  onOk,
}: Props) {
  const m = useMessages();
  const hint = okEnabled
    ? connectionUntouched && status !== 'passed'
      ? m.form.connectionUnchanged
      : undefined
    : status === 'stale'
      ? m.form.okNeedsNewTest
      : status === 'failed'
        ? m.form.okNeedsPassingTest
        : m.form.okNeedsTest;

  return (
    <div className="dialog-footer">
      <Typography.Text type="secondary" id={HINT_ID} className="dialog-footer__hint">
        {hint}
      </Typography.Text>
      <div className="dialog-footer__buttons">
        <Button onClick={onCancel} disabled={saving}>
          {m.common.cancel}
        </Button>
        <Button icon={<ApiOutlined />} onClick={onTest} loading={testing} disabled={saving}>
          {status === 'untested' ? m.form.testConnection : m.form.testAgain}
        </Button>
        <Button
          type="primary"
          onClick={onOk}
          disabled={!okEnabled || testing}
          loading={saving}
          aria-describedby={hint ? HINT_ID : undefined}
        >
          {m.common.ok}
        </Button>
      </div>
    </div>
  );
}
