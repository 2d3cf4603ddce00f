import { Alert, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { scrollIntoView } from '@/lib/dom/scroll-into-view';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { ConnectionTestResult } from '@/lib/api/types';
import { ConnectionTestReport } from '../ConnectionTestReport';

interface Props {
  testing: boolean;
  report: ConnectionTestResult | undefined;
  stale: boolean;
}

/**
 * Where the dialog shows its connection test: announced to screen readers as it changes, and
 * scrolled into view, because the button that started it sits at the bottom of a long form.
 */
export function TestOutcome({ testing, report, stale }: Props) {
  const m = useMessages();
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (report) scrollIntoView(region.current);
  }, [report]);

  return (
    <div ref={region} className="test-outcome" aria-live="polite" aria-busy={testing}>
      {testing ? (
        <Alert type="info" showIcon icon={<Spin size="small" />} title={m.test.running} />
      ) : (
        report && <ConnectionTestReport result={report} stale={stale} />
      )}
    </div>
  );
}
