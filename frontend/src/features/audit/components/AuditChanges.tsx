import { Typography } from 'antd';
import type { AuditChange, AuditEvent } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/relative-time';
import { useI18n } from '@/lib/i18n/i18n-context';

/** How the server marks a secret's change: the fact is recorded, never the value. */
const SECRET = '[secret]';

function isSecret(change: AuditChange): boolean {
  return change.oldValue === SECRET || change.newValue === SECRET;
}

/** An expanded row of the log: each changed field, old → new, then the event's detail. */
export function AuditChanges({ event }: { event: AuditEvent }) {
  const { messages: m, language } = useI18n();
  const value = (text: string | null) =>
    text === null ? (
      <Typography.Text type="secondary">{m.common.notSet}</Typography.Text>
    ) : (
      <Typography.Text className="mono audit-change__value">{text}</Typography.Text>
    );

  return (
    <div className="audit-details">
      {event.changes.length > 0 ? (
        <table className="audit-changes" aria-label={m.audit.changes}>
          <thead>
            <tr>
              <th scope="col">{m.audit.field}</th>
              <th scope="col">{m.audit.change}</th>
            </tr>
          </thead>
          <tbody>
            {event.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row" className="mono audit-change__field">
                  {change.field}
                </th>
                <td>
                  {isSecret(change) ? (
                    <Typography.Text type="warning">{m.audit.secretChanged}</Typography.Text>
                  ) : (
                    <span className="audit-change">
                      {value(change.oldValue)}
                      <span className="audit-change__arrow" aria-hidden>
                        →
                      </span>
                      <span className="visually-hidden">{m.audit.to}</span>
                      {value(change.newValue)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Typography.Text type="secondary">{m.audit.noChanges}</Typography.Text>
      )}
      <Typography.Text type="secondary" className="audit-details__meta">
        {m.audit.eventId(event.id)} · {formatDateTime(new Date(event.occurredAt), language)}
        {event.clientAddress ? ` · ${event.clientAddress}` : ''}
        {event.detail ? (
          <>
            {' · '}
            {/* Audit records are written in English whatever the reader's language (README, Languages). */}
            <span lang="en">{event.detail}</span>
          </>
        ) : null}
      </Typography.Text>
    </div>
  );
}
