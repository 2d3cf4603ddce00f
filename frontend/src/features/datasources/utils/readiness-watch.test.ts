import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/messages/en';
import { aFindingChange, BLOCKED_HISTORY } from '@/testing/readiness-fixtures';
import { byCheck, checkLabel, formatInterval, stateSince } from './readiness-watch';

describe('the readiness history', () => {
  it('groups the changes each check brought, newest check first', () => {
    const checks = byCheck([...BLOCKED_HISTORY].reverse());

    expect(checks.map((check) => [check.occurredAt, check.actor])).toEqual([
      ['2026-11-24T09:05:30Z', 'readiness-watch'],
      ['2026-11-24T08:55:30Z', 'jane'],
    ]);
    expect(checks[0]?.stateChange?.toState).toBe('BLOCKED');
    expect(checks[0]?.findings.map((finding) => finding.check)).toEqual(['tables.replica_identity']);
  });

  it('lists, within a check, what appeared before what cleared, blockers first', () => {
    const at = '2026-11-24T09:05:30Z';
    const [check] = byCheck([
      aFindingChange({ occurredAt: at, kind: 'FINDING_CLEARED', check: 'tables.unlogged', severity: 'BLOCKER' }),
      aFindingChange({ occurredAt: at, kind: 'FINDING_APPEARED', check: 'slots.inactive', severity: 'WARNING' }),
      aFindingChange({
        occurredAt: at,
        kind: 'FINDING_APPEARED',
        check: 'tables.replica_identity',
        severity: 'BLOCKER',
      }),
    ]);

    expect(check?.findings.map((finding) => finding.check)).toEqual([
      'tables.replica_identity',
      'slots.inactive',
      'tables.unlogged',
    ]);
  });

  it('knows since when the source is in its state, while the history reaches back that far', () => {
    expect(stateSince(BLOCKED_HISTORY, 'BLOCKED')).toBe('2026-11-24T09:05:30Z');
    expect(stateSince(BLOCKED_HISTORY, 'WARNINGS')).toBeUndefined();
  });
});

describe('the name of a check in the history', () => {
  it('is the readiness check name, or the connection check name for a failed connection', () => {
    expect(checkLabel('slots.wal_retention', en)).toBe('WAL retained by slots');
    expect(checkLabel('connection.authentication', en)).toBe('Authentication');
  });

  it('is the id as sent for a check this console does not know', () => {
    expect(checkLabel('tables.toast', en)).toBe('tables.toast');
    expect(checkLabel('connection.constructor', en)).toBe('connection.constructor');
  });
});

describe('the interval of the watch', () => {
  it('is said in the largest whole unit', () => {
    expect(formatInterval(600, 'en')).toBe('10 minutes');
    expect(formatInterval(5, 'en')).toBe('5 seconds');
    expect(formatInterval(90, 'en')).toBe('90 seconds');
    expect(formatInterval(3600, 'zh-CN')).toBe('1小时');
  });
});
