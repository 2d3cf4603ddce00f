import { ReloadOutlined, WarningFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { isApiError } from '@/lib/api/api-error';
import { useMessages } from '@/lib/i18n/i18n-context';

interface Props {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}

/** A failed load, what the server said about it, and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying = false }: Props) {
  const m = useMessages();
  return (
    <div className="error-state" role="alert">
      <WarningFilled className="error-state__icon" aria-hidden />
      <h3 className="error-state__title">{title}</h3>
      <p className="error-state__detail">{describeError(error, m.common)}</p>
      <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry} loading={retrying}>
        {m.common.retry}
      </Button>
    </div>
  );
}

/** The words to show for a failure: the server's own when it sent a problem, ours otherwise. */
export function describeError(error: unknown, texts: { networkError: string; unknownError: string }): string {
  if (isApiError(error)) {
    if (error.status === 0) return texts.networkError;
    return error.problem?.detail ?? error.problem?.title ?? `HTTP ${error.status}`;
  }
  return texts.unknownError;
}
