import { useId } from 'react';
import type { ReadinessVerdict } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { Messages } from '@/lib/i18n/messages/en';
import { STATE_ICON } from './status-icons';

interface Props {
  verdicts: readonly ReadinessVerdict[];
  /** Whether every connection check passed or warned: a scope not checked was then not reached. */
  connected: boolean;
}

/** The answer first: can this source be used for full migration, and for incremental sync? */
export function ReadinessVerdicts({ verdicts, connected }: Props) {
  const m = useMessages();
  const headingId = useId();
  return (
    <div className="readiness-verdicts">
      <h3 className="test-report__heading" id={headingId}>
        {m.readiness.title}
      </h3>
      <ul className="readiness-verdicts__list" aria-labelledby={headingId}>
        {verdicts.map((verdict) => {
          const detail = detailOf(verdict, connected, m.readiness);
          return (
            <li key={verdict.scope} className={`verdict verdict--${verdict.state.toLowerCase().replace('_', '-')}`}>
              <span className="verdict__icon" aria-hidden>
                {STATE_ICON[verdict.state]}
              </span>
              <span className="verdict__body">
                <span className="verdict__scope">
                  {m.readiness.scopes[verdict.scope]}
                  <span className="visually-hidden">{m.readiness.separator}</span>
                </span>
                <strong className="verdict__state">{m.readiness.states[verdict.state]}</strong>{' '}
                {detail && <span className="verdict__detail">{detail}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What the state word alone does not say: how many problems, or why there is no answer. */
function detailOf(verdict: ReadinessVerdict, connected: boolean, m: Messages['readiness']): string | null {
  const counts = m.counts(verdict.blockers, verdict.warnings);
  switch (verdict.state) {
    case 'READY':
      return m.nothingFound;
    case 'WARNINGS':
      return counts;
    case 'BLOCKED':
      // Blocked without a blocker of its own: a connection check this scope needs failed.
      return verdict.blockers > 0 ? counts : [m.blockedByConnection, counts].filter(Boolean).join(' ');
    case 'NOT_CHECKED':
      // The server's own words name what stopped the inspection (a timeout, a refused query).
      return connected ? verdict.summary : m.notCheckedConnectionFailed;
    case 'NOT_APPLICABLE':
      return m.notApplicable[verdict.scope];
  }
}
