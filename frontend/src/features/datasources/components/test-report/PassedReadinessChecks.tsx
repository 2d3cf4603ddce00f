import type { PassedReadinessCheck } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { STATUS_ICON } from './status-icons';

interface Props {
  passed: readonly PassedReadinessCheck[];
  showTarget: boolean;
}

/** The readiness checks that found nothing: collapsed, as they need no action, but there to see. */
export function PassedReadinessChecks({ passed, showTarget }: Props) {
  const m = useMessages();
  if (passed.length === 0) return null;
  return (
    <details className="readiness-passed">
      <summary className="readiness-passed__summary">
        {STATUS_ICON.PASSED}
        {m.readiness.passed(passed.length)}
      </summary>
      <ul className="readiness-passed__list">
        {passed.map((check, index) => (
          <li key={index} className="readiness-passed__item">
            <strong>
              {showTarget && `${m.test.target[check.target]} · `}
              {m.readiness.checks[check.check]}
            </strong>{' '}
            <span className="readiness-passed__message">{check.message}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
