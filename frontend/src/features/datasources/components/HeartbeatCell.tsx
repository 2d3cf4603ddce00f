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

/** The heartbeat's state as a badge, when it last beat, and why it fails (on hover and to screen readers). */
export function HeartbeatCell({ heartbeat }: { heartbeat: HeartbeatStatus | undefined }) {
  const m = useMessages();
  const state = heartbeat?.state ?? 'DISABLED';
  const badge = <Badge status={BADGE_STATUS[state]} text={m.heartbeat[state]} />;
  const lastBeatAt = heartbeat?.lastBeatAt;
  return (
    <div className="heartbeat-cell">
      {state === 'FAILING' && heartbeat?.lastError ? (
        <Tooltip title={heartbeat.lastError}>
          <span tabIndex={0} className="heartbeat-cell__failing">
            {badge}
            <span className="visually-hidden">: {heartbeat.lastError}</span>
          </span>
        </Tooltip>
      ) : (
        badge
      )}
      {state !== 'DISABLED' && (
        <Typography.Text type="secondary" className="heartbeat-cell__beat">
          {lastBeatAt ? (
            <>
              {m.heartbeat.lastBeat} <RelativeTime value={lastBeatAt} />
            </>
          ) : (
            m.heartbeat.never
          )}
        </Typography.Text>
      )}
    </div>
  );
}
