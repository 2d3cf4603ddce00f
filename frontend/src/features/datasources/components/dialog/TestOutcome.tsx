import { Alert, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import type { ConnectionTestResult } from '@/lib/api/types';
import { scrollIntoView } from '@/lib/dom/scroll-into-view';
import { useMessages } from '@/lib/i18n/i18n-context';
import { verdictOf } from '../../utils/test-verdict';
import { ConnectionTestReport } from '../ConnectionTestReport';

interface Props {
  testing: boolean;
  report: ConnectionTestResult | undefined;
  stale: boolean;
}

/**
 * Where the dialog shows its connection test, scrolled into view because the button that started
 * it sits at the bottom of a long form. Screen readers hear the outcome in one sentence; the report
 * itself is not a live region, or opening each finding would be read out as news.
 */
export function TestOutcome({ testing, report, stale }: Props) {
  const m = useMessages();
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (report) scrollIntoView(region.current);
  }, [report]);

  const announcement = testing
    ? m.test.running
    : report
      ? [
          m.test.verdict[verdictOf(report)],
          ...report.readiness.verdicts.map(
            (verdict) => m.readiness.scopes[verdict.scope] + m.readiness.separator + m.readiness.states[verdict.state],
          ),
        ].join('. ')
      : '';

  return (
    <div ref={region} className="test-outcome" aria-busy={testing}>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
      {testing ? (
        <Alert type="info" showIcon icon={<Spin size="small" />} title={m.test.running} />
      ) : (
        report && <ConnectionTestReport result={report} stale={stale} />
      )}
    </div>
  );
}
