import { Alert } from 'antd';
import { describeError } from '@/components/ErrorState';
import { isApiError } from '@/lib/api/api-error';
import { useCountdown } from '@/lib/hooks/use-countdown';
import { useMessages } from '@/lib/i18n/i18n-context';

interface Props {
  error: unknown;
  /** When the server said a re-check may be asked for again (epoch ms), after a 429. */
  retryAt: number | undefined;
  onClose: () => void;
}

/**
 * Why a re-check did not run, in the server's words under ours: too soon (429, counting down the
 * Retry-After), a check already running (409, whose result the drawer picks up by itself), or else.
 */
export function RecheckOutcome({ error, retryAt, onClose }: Props) {
  const m = useMessages();
  const secondsLeft = useCountdown(retryAt);
  const detail = describeError(error, m.common);
  const status = isApiError(error) ? error.status : undefined;

  const { type, title } =
    status === 429
      ? { type: 'warning' as const, title: m.watch.recheckTooSoon(secondsLeft) }
      : status === 409
        ? { type: 'info' as const, title: m.watch.recheckRunning }
        : { type: 'error' as const, title: m.watch.recheckFailed };

  return (
    <Alert
      className="readiness-panel__alert"
      type={type}
      showIcon
      closable={{ onClose }}
      title={title}
      description={detail}
    />
  );
}
