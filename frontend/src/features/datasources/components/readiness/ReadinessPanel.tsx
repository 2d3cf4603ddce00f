import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { describeError } from '@/components/ErrorState';
import { RelativeTime } from '@/components/RelativeTime';
import { useToast } from '@/components/toast';
import { isApiError } from '@/lib/api/api-error';
import type { DataSource, SourceReadiness } from '@/lib/api/types';
import { usePermissions } from '@/lib/auth/authorization';
import { formatDateTime, formatRelativeTime } from '@/lib/format/relative-time';
import { useCountdown } from '@/lib/hooks/use-countdown';
import { useI18n } from '@/lib/i18n/i18n-context';
import { useDataSourceReadiness } from '../../api/use-data-source-readiness';
import { useRecheckReadiness } from '../../api/use-recheck-readiness';
import { formatInterval, stateSince } from '../../utils/readiness-watch';
import { AcceptRiskScopeContext } from '../acceptance/accept-risk-scope';
import { AcceptedRisks } from '../acceptance/AcceptedRisks';
import { ConnectionTestReport } from '../ConnectionTestReport';
import { ReadinessBadge } from './ReadinessBadge';
import { ReadinessHistory } from './ReadinessHistory';
import { RecheckOutcome } from './RecheckOutcome';

/**
 * The drawer's readiness tab: what the background watch last found (state, when, when next), the
 * report of that check, the history of changes, and "Re-check now" for those who may test.
 */
export function ReadinessPanel({ dataSource }: { dataSource: DataSource }) {
  const { messages: m } = useI18n();
  const query = useDataSourceReadiness(dataSource.id);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={describeError(query.error, m.common)}
        action={
          <Button size="small" onClick={() => void query.refetch()} loading={query.isFetching}>
            {m.common.retry}
          </Button>
        }
      />
    );
  }
  return <ReadinessDetails dataSource={dataSource} readiness={query.data} />;
}

function ReadinessDetails({ dataSource, readiness }: { dataSource: DataSource; readiness: SourceReadiness }) {
  const { messages: m, language } = useI18n();
  const w = m.watch;
  const state = readiness.state;
  const interval = readiness.intervalSeconds ? w.every(formatInterval(readiness.intervalSeconds, language)) : null;
  const since = stateSince(readiness.history, state);
  const recheck = useRecheck(dataSource);
  const mayRecheck = usePermissions().can('testDataSources');
  // An accept or revoke counts from the next check: offer that check, rather than wait for the watch.
  const [changedSinceCheck, setChangedSinceCheck] = useState(false);
  const acceptScope = useMemo(() => ({ dataSource, onChanged: () => setChangedSinceCheck(true) }), [dataSource]);
  const runRecheck = () => {
    setChangedSinceCheck(false);
    recheck.run();
  };

  return (
    <div className="readiness-panel">
      <div className="readiness-panel__head">
        <ReadinessBadge summary={readiness} />
        {/* Hidden, not disabled, for viewers: the watch checks on its own, nothing is missing. */}
        {mayRecheck && (
          <Button
            icon={<ReloadOutlined />}
            onClick={runRecheck}
            loading={recheck.mutation.isPending}
            disabled={recheck.waiting}
          >
            {w.recheck}
          </Button>
        )}
      </div>
      {recheck.mutation.isError && (
        <RecheckOutcome
          error={recheck.mutation.error}
          retryAt={recheck.retryAt}
          onClose={() => recheck.mutation.reset()}
        />
      )}
      {changedSinceCheck && mayRecheck && (
        <Alert
          className="readiness-panel__alert"
          type="info"
          showIcon
          title={m.acceptance.recheckOffer}
          closable={{ onClose: () => setChangedSinceCheck(false) }}
          action={
            <Button size="small" type="primary" onClick={runRecheck} disabled={recheck.waiting}>
              {w.recheck}
            </Button>
          }
        />
      )}
      <Typography.Paragraph className="readiness-panel__meaning">{w.meaning[state]}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered className="drawer-descriptions">
        {since && state !== 'UNKNOWN' && (
          <Descriptions.Item label={w.since(w.states[state])}>
            {formatDateTime(new Date(since), language)} (<RelativeTime value={since} />)
          </Descriptions.Item>
        )}
        <Descriptions.Item label={w.checkedAt}>
          {readiness.checkedAt ? (
            <>
              {formatDateTime(new Date(readiness.checkedAt), language)} (<RelativeTime value={readiness.checkedAt} />)
            </>
          ) : (
            m.common.notSet
          )}
        </Descriptions.Item>
        <Descriptions.Item label={w.nextCheckAt}>
          {readiness.nextCheckAt ? (
            <>
              <NextCheck at={readiness.nextCheckAt} />
              {interval && <Typography.Text type="secondary"> ({interval})</Typography.Text>}
            </>
          ) : (
            w.nextCheckUnknown
          )}
        </Descriptions.Item>
      </Descriptions>

      <section className="readiness-panel__latest" aria-label={w.latest}>
        <h3 className="readiness-panel__heading">{w.latest}</h3>
        {readiness.latest ? (
          <AcceptRiskScopeContext value={acceptScope}>
            <ConnectionTestReport result={readiness.latest} />
          </AcceptRiskScopeContext>
        ) : (
          <Typography.Text type="secondary">{w.noReportYet}</Typography.Text>
        )}
      </section>

      <AcceptedRisks dataSource={dataSource} onChanged={acceptScope.onChanged} />

      <ReadinessHistory history={readiness.history} />
    </div>
  );
}

/** "in 4 minutes", then "due now" once it is: the watch picks a due check up within moments. */
function NextCheck({ at }: { at: string }) {
  const { messages: m, language } = useI18n();
  const instant = Date.parse(at);
  const secondsLeft = useCountdown(instant);
  return (
    <time dateTime={at} title={formatDateTime(new Date(instant), language)}>
      {secondsLeft > 0 ? formatRelativeTime(new Date(instant), new Date(), language) : m.watch.dueNow}
    </time>
  );
}

/**
 * "Re-check now" and what came of it: a toast with the new state, or the reason it did not run.
 * After a 429 the button stays disabled until the server's Retry-After has passed.
 */
function useRecheck(dataSource: DataSource) {
  const { messages: m } = useI18n();
  const toast = useToast();
  const mutation = useRecheckReadiness(dataSource.id);
  const [retryAt, setRetryAt] = useState<number>();
  const waiting = useCountdown(retryAt) > 0;

  const run = () =>
    mutation.mutate(undefined, {
      onSuccess: (readiness) =>
        void toast.success(m.watch.rechecked(dataSource.identifier, m.watch.states[readiness.state])),
      onError: (error) =>
        setRetryAt(
          isApiError(error) && error.status === 429 && error.retryAfterSeconds !== undefined
            ? Date.now() + error.retryAfterSeconds * 1000
            : undefined,
        ),
    });

  return { mutation, run, retryAt, waiting };
}
