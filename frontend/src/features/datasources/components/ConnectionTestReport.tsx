import { Typography } from 'antd';
import type { ConnectionTestResult } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { testedStandby } from '../utils/readiness';
import { verdictOf } from '../utils/test-verdict';
import { ConnectionChecks } from './test-report/ConnectionChecks';
import { PassedReadinessChecks } from './test-report/PassedReadinessChecks';
import { ReadinessFindings } from './test-report/ReadinessFindings';
import { ReadinessVerdicts } from './test-report/ReadinessVerdicts';

interface Props {
  result: ConnectionTestResult;
  /** The form changed after this test: keep the report readable but say it no longer applies. */
  stale?: boolean;
  compact?: boolean;
}

/**
 * A connection test, answer first: whether the source is ready for full migration and for
 * incremental sync, then what stands in the way and how to fix it, then the connection checks
 * (which alone decide whether the test passed), then the readiness checks that found nothing.
 */
export function ConnectionTestReport({ result, stale = false, compact = false }: Props) {
  const m = useMessages();
  const verdict = verdictOf(result);
  const showTarget = testedStandby(result);
  const { verdicts, findings, passed } = result.readiness;

  return (
    <section
      className={`test-report test-report--${verdict.toLowerCase()}${stale ? ' test-report--stale' : ''}${compact ? ' test-report--compact' : ''}`}
      aria-label={m.test.verdict[verdict]}
    >
      {stale && <Typography.Text type="warning">{m.form.okNeedsNewTest}</Typography.Text>}
      <ReadinessVerdicts verdicts={verdicts} connected={result.success} />
      <ReadinessFindings findings={findings} showTarget={showTarget} />
      <ConnectionChecks result={result} verdict={verdict} showTarget={showTarget} />
      <PassedReadinessChecks passed={passed} showTarget={showTarget} />
    </section>
  );
}
