import { Tag, Typography } from 'antd';
import type { CheckStatus, ConnectionTestResult } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { TestVerdict } from '../../utils/test-verdict';
import { STATUS_ICON } from './status-icons';

const STATUS_COLOR: Record<CheckStatus, string> = {
  PASSED: 'success',
  FAILED: 'error',
  WARNING: 'warning',
  SKIPPED: 'default',
};

interface Props {
  result: ConnectionTestResult;
  verdict: TestVerdict;
  showTarget: boolean;
}

/** The connection checks: what was checked, how it went, what the server said and what to do. */
export function ConnectionChecks({ result, verdict, showTarget }: Props) {
  const m = useMessages();
  return (
    <div className="test-report__connection">
      <h3 className="test-report__verdict">
        {STATUS_ICON[verdict]}
        <Typography.Text strong>{m.test.verdict[verdict]}</Typography.Text>
        <Typography.Text type="secondary">{m.test.summary(result.elapsedMs, result.serverVersion)}</Typography.Text>
      </h3>
      <ul className="test-report__checks">
        {result.checks.map((check, index) => (
          <li key={index} className="test-report__check">
            <span className="test-report__icon" aria-hidden>
              {STATUS_ICON[check.status]}
            </span>
            <div className="test-report__body">
              <div className="test-report__title">
                <Typography.Text strong>
                  {showTarget && `${m.test.target[check.target]} · `}
                  {m.test.checks[check.name]}
                </Typography.Text>
                <Tag color={STATUS_COLOR[check.status]} variant="filled">
                  {m.test.status[check.status]}
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
        ))}
      </ul>
    </div>
  );
}
