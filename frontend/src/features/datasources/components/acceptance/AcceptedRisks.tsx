import { Alert, Button, Descriptions, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useId } from 'react';
import { DisabledReason } from '@/components/DisabledReason';
import { describeError } from '@/components/ErrorState';
import { RelativeTime } from '@/components/RelativeTime';
import { useToast } from '@/components/toast';
import type { AcceptanceResponse, DataSource } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/relative-time';
import { useI18n } from '@/lib/i18n/i18n-context';
import { useAcceptances, useRevokeAcceptance } from '../../api/use-acceptances';
import { ObjectName } from '../test-report/ObjectName';
import { useAcceptanceReasons } from './use-acceptance-reasons';

interface Props {
  dataSource: Pick<DataSource, 'id' | 'provisionedBy'>;
  /** Called after a revoke, which counts from the next check on. */
  onChanged: () => void;
}

/**
 * The drawer's "Accepted risks": every acceptance of the source, newest first, expired ones kept
 * for the record; each says what it covers, why, who, when and until when, with Revoke (confirmed).
 */
export function AcceptedRisks({ dataSource, onChanged }: Props) {
  const { messages: m } = useI18n();
  const a = m.acceptance;
  const headingId = useId();
  const query = useAcceptances(dataSource.id);

  return (
    <section className="accepted-risks" aria-labelledby={headingId}>
      <h3 className="readiness-panel__heading" id={headingId}>
        {a.section}
      </h3>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : query.isError ? (
        <Alert
          type="error"
          showIcon
          title={a.loadFailed}
          description={describeError(query.error, m.common)}
          action={
            <Button size="small" onClick={() => void query.refetch()} loading={query.isFetching}>
              {m.common.retry}
            </Button>
          }
        />
      ) : query.data.length === 0 ? (
        <Typography.Text type="secondary">{a.empty}</Typography.Text>
      ) : (
        <ul className="accepted-risks__list">
          {query.data.map((acceptance) => (
            <AcceptedRisk key={acceptance.id} acceptance={acceptance} dataSource={dataSource} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AcceptedRisk({ acceptance, dataSource, onChanged }: Props & { acceptance: AcceptanceResponse }) {
  const { messages: m, language } = useI18n();
  const a = m.acceptance;
  const toast = useToast();
  const reasons = useAcceptanceReasons(dataSource);
  const revoke = useRevokeAcceptance(dataSource.id);
  const checkName = m.readiness.checks[acceptance.check];
  // A file's acceptance is revoked by editing the file, whatever manages the source.
  const managed = reasons.why ?? (acceptance.source === 'FILE' ? a.declaredInFile : undefined);
  const at = (instant: string) => (
    <>
      {formatDateTime(new Date(instant), language)} (<RelativeTime value={instant} />)
    </>
  );

  const run = () =>
    revoke.mutateAsync(acceptance.id).then(
      () => {
        void toast.success(a.revoked(checkName));
        onChanged();
      },
      (error: unknown) => void toast.error(`${a.revokeFailed}: ${describeError(error, m.common)}`),
    );

  return (
    <li className={`accepted-risk${acceptance.expired ? ' accepted-risk--expired' : ''}`}>
      <div className="accepted-risk__head">
        <Typography.Text strong>{checkName}</Typography.Text>
        <code className="accepted-risk__check">{acceptance.check}</code>
        {acceptance.expired && <Tag>{a.expired}</Tag>}
        {acceptance.source === 'FILE' && <Tag>{a.fromFile}</Tag>}
        {reasons.shown && !acceptance.expired && (
          <RevokeButton why={managed} pending={revoke.isPending} onConfirm={run} />
        )}
      </div>
      <Descriptions column={1} size="small" className="accepted-risk__details">
        <Descriptions.Item label={a.objects}>
          {acceptance.objects.length === 0 ? (
            a.allObjects
          ) : (
            <ul className="accepted-risk__objects">
              {acceptance.objects.map((name) => (
                <li key={name}>
                  <ObjectName name={name} />
                </li>
              ))}
            </ul>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={a.reason}>
          <span className="accepted-risk__reason">{acceptance.reason}</span>
        </Descriptions.Item>
        <Descriptions.Item label={a.acceptedBy}>{acceptance.acceptedBy}</Descriptions.Item>
        <Descriptions.Item label={a.acceptedAt}>{at(acceptance.acceptedAt)}</Descriptions.Item>
        <Descriptions.Item label={a.expires}>
          {acceptance.expiresAt ? at(acceptance.expiresAt) : a.untilRevoked}
        </Descriptions.Item>
      </Descriptions>
    </li>
  );
}

/** Revoke, confirmed first; disabled where a provisioning file decides, saying so. */
function RevokeButton({
  why,
  pending,
  onConfirm,
}: {
  why: string | undefined;
  pending: boolean;
  onConfirm: () => void;
}) {
  const m = useI18n().messages;
  const a = m.acceptance;
  const button = (
    <Button size="small" danger loading={pending} disabled={why !== undefined} className="accepted-risk__revoke">
      {a.revoke}
    </Button>
  );
  if (why !== undefined) return <DisabledReason reason={why}>{button}</DisabledReason>;
  return (
    <Popconfirm
      title={a.revokeTitle}
      description={a.revokeBody}
      okText={a.revoke}
      okButtonProps={{ danger: true }}
      cancelText={m.common.cancel}
      onConfirm={onConfirm}
    >
      {button}
    </Popconfirm>
  );
}
