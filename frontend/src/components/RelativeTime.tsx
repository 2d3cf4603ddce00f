import { Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { formatDateTime, formatRelativeTime } from '@/lib/format/relative-time';
import { useI18n } from '@/lib/i18n/i18n-context';

const TICK_MS = 5_000;

/** "12 seconds ago", kept current while shown, with the exact time on hover and for screen readers. */
export function RelativeTime({ value, narrow = false }: { value: string; narrow?: boolean }) {
  const { language } = useI18n();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  const instant = new Date(value);
  const exact = formatDateTime(instant, language);
  return (
    <Tooltip title={exact}>
      <time dateTime={value} title={exact}>
        {formatRelativeTime(instant, now, language, narrow)}
      </time>
    </Tooltip>
  );
}
