const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * "5 seconds ago", "3 分钟前": the largest whole unit, in the given language; `narrow` gives
 * "5s ago" for table cells.
 */
export function formatRelativeTime(instant: Date, now: Date, language: string, narrow = false): string {
  const seconds = Math.round((instant.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: narrow ? 'narrow' : 'long' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return format.format(0, 'second');
}

/** The full local date and time, for tooltips and the details drawer. */
export function formatDateTime(instant: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(instant);
}

/** A compact, sortable-looking date and time for table cells: 2026-11-24 08:15. */
export function formatShortDateTime(instant: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())} ` +
    `${pad(instant.getHours())}:${pad(instant.getMinutes())}`
  );
}
