import { ExclamationCircleFilled } from '@ant-design/icons';
import { Badge, Tooltip, Typography, type BadgeProps } from 'antd';
import { RelativeTime } from '@/components/RelativeTime';
import type { HeartbeatState, HeartbeatStatus } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';

const BADGE_STATUS: Record<HeartbeatState, BadgeProps['status']> = {
  DISABLED: 'default',
  PENDING: 'processing',
  ACTIVE: 'success',
  FAILING: 'error',
};

/**
 * The heartbeat's state as a badge and when it last beat; why it fails, and what keeps working
 * beats from helping (a warning), on hover and focus, and in the cell for screen readers.
 */
export function HeartbeatCell({ heartbeat }: { heartbeat: HeartbeatStatus }) {
  const m = useMessages();
  const { state, consecutiveFailures: failures, lastBeatAt } = heartbeat;
  const problem =
    state === 'FAILING'
      ? [heartbeat.lastError, failures > 0 ? m.heartbeat.failures(failures) : undefined].filter(Boolean).join(' · ')
      : '';
  const warning = heartbeat.warning ?? '';

  return (
    <div className="heartbeat-cell">
      <span className="heartbeat-cell__state">
        {problem ? (
          <Tooltip title={problem}>
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- focus shows the tooltip to keyboard users */}
            <span tabIndex={0} className="heartbeat-cell__failing">
              <Badge status={BADGE_STATUS[state]} text={m.heartbeat[state]} />
              <span className="visually-hidden">: {problem}</span>
            </span>
          </Tooltip>
        ) : (
          <Badge status={BADGE_STATUS[state]} text={m.heartbeat[state]} />
        )}
        {warning && (
          <Tooltip title={warning}>
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- focus shows the tooltip to keyboard users */}
            <span tabIndex={0} className="heartbeat-cell__warning">
              <ExclamationCircleFilled aria-hidden />
              <span className="visually-hidden">
                {m.heartbeat.warning}: {warning}
              </span>
            </span>
          </Tooltip>
        )}
      </span>
      {state !== 'DISABLED' && (
        <Typography.Text type="secondary" className="heartbeat-cell__beat">
          {lastBeatAt ? (
            <>
              {m.heartbeat.lastBeat} <RelativeTime value={lastBeatAt} narrow />
            </>
          ) : (
            m.heartbeat.never
          )}
        </Typography.Text>
      )}
    </div>
  );
}
