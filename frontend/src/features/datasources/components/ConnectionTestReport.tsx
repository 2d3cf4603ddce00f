import { Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useMessages } from '@/lib/i18n/i18n-context';
import { verdictOf } from '../utils/test-verdict';
import type { CheckStatus, ConnectionTestResult } from '@/lib/api/types';

export const STATUS_ICON: Record<CheckStatus, ReactNode> = {
  PASSED: <CheckCircleFilled className="check-icon check-icon--passed" />,
  FAILED: <CloseCircleFilled className="check-icon check-icon--failed" />,
  WARNING: <ExclamationCircleFilled className="check-icon check-icon--warning" />,
  SKIPPED: <MinusCircleOutlined className="check-icon check-icon--skipped" />,
};

const STATUS_COLOR: Record<CheckStatus, string> = {
  PASSED: 'success',
  FAILED: 'error',
  WARNING: 'warning',
  SKIPPED: 'default',
};

interface Props {
  result: ConnectionTestResult;
  /** The form changed after this test: keep the report readable but say it no longer applies. */
  stale?: boolean;
  compact?: boolean;
}

/** Every check of a connection test: what was checked, how it went, what the server said and what to do. */
export function ConnectionTestReport({ result, stale = false, compact = false }: Props) {
  const m = useMessages();
  const checks = result.checks;
  const verdictStatus = verdictOf(result);
  const verdict = m.test.verdict[verdictStatus];
  const showTarget = checks.some((check) => check.target === 'STANDBY');

  return (
    <section
      className={`test-report test-report--${verdictStatus.toLowerCase()}${stale ? ' test-report--stale' : ''}${compact ? ' test-report--compact' : ''}`}
      aria-label={verdict}
    >
      <header className="test-report__verdict">
        {STATUS_ICON[verdictStatus]}
        <Typography.Text strong>{verdict}</Typography.Text>
        <Typography.Text type="secondary">{m.test.summary(result.elapsedMs, result.serverVersion)}</Typography.Text>
      </header>
      {stale && <Typography.Text type="warning">{m.form.okNeedsNewTest}</Typography.Text>}
      <ul className="test-report__checks">
        {checks.map((check, index) => {
          const status = check.status;
          return (
            <li key={index} className="test-report__check">
              <span className="test-report__icon" aria-hidden>
                {STATUS_ICON[status]}
              </span>
              <div className="test-report__body">
                <div className="test-report__title">
                  <Typography.Text strong>
                    {showTarget && `${m.test.target[check.target]} · `}
                    {m.test.checks[check.name]}
                  </Typography.Text>
                  <Tag color={STATUS_COLOR[status]} variant="filled">
                    {m.test.status[status]}
                  </Tag>
                  {check.sqlState && (
                    <Typography.Text type="secondary" code className="test-report__sqlstate">
                      {m.test.sqlState(check.sqlState)}
                    </Typography.Text>
                  )}
                </div>
                <Typography.Text className="test-report__message">{check.message}</Typography.Text>
                {check.hint && (
                  <Typography.Text type="secondary" className="test-report__hint">
                    {m.test.hint}: {check.hint}
                  </Typography.Text>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
