import dayjs, { type Dayjs } from 'dayjs';
import type { ReadinessFinding } from '@/lib/api/types';

/** How far ahead the expiry of an acceptance that needs one starts: a month, to be looked at again. */
export const DEFAULT_EXPIRY_DAYS = 30;

/**
 * Whether an acceptance of this finding needs an expiry: the console accepts the severity the finding
 * has, and the server asks for an expiry where that is a blocker. A warning accepted until revoked
 * counts again should it become a blocker.
 */
export function needsExpiry(finding: Pick<ReadinessFinding, 'severity'>): boolean {
  return finding.severity === 'BLOCKER';
}

/** The day an expiry starts on; none where it is optional (accepted until revoked). */
export function defaultExpiry(required: boolean, today: Dayjs = dayjs()): Dayjs | undefined {
  return required ? today.startOf('day').add(DEFAULT_EXPIRY_DAYS, 'day') : undefined;
}

/**
 * An acceptance expires as the chosen day begins, in the operator's time zone: "until 6 January"
 * then never runs past the server's limit of days ahead, whatever the hour it was chosen at.
 */
export function expiryInstant(day: Dayjs | null | undefined): string | null {
  return day ? day.startOf('day').toISOString() : null;
}

/** Days up to today cannot be chosen: the acceptance would have expired already. */
export function isPastDay(day: Dayjs, today: Dayjs = dayjs()): boolean {
  return !day.isAfter(today, 'day');
}
