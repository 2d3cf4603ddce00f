import { describe, expect, it } from 'vitest';
import { formatRelativeTime, formatShortDateTime } from './relative-time';

const now = new Date('2026-11-24T08:00:00Z');
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('relative time', () => {
  it('uses the largest whole unit', () => {
    expect(formatRelativeTime(before(5), now, 'en')).toBe('5 seconds ago');
    expect(formatRelativeTime(before(180), now, 'en')).toBe('3 minutes ago');
    expect(formatRelativeTime(before(7200), now, 'en')).toBe('2 hours ago');
  });

  it('speaks Chinese and fits table cells when narrow', () => {
    expect(formatRelativeTime(before(5), now, 'zh-CN')).toBe('5秒钟前');
    expect(formatRelativeTime(before(5), now, 'en', true)).toBe('5s ago');
  });
});

describe('a short date and time', () => {
  it('reads like 2026-11-24 08:15 in local time', () => {
    expect(formatShortDateTime(new Date(2026, 10, 24, 8, 5))).toBe('2026-11-24 08:05');
  });
});
