import { describe, expect, it } from 'vitest';
import { PASSED_TEST } from '@/testing/fake-api';
import { PAIR_TEST, READINESS_BLOCKED_TEST } from '@/testing/readiness-fixtures';
import { bySeverity, testedStandby } from './readiness';

describe('readiness findings', () => {
  it('are ordered blockers, then warnings, then information', () => {
    const ordered = bySeverity(READINESS_BLOCKED_TEST.readiness.findings);
    expect(ordered.map((finding) => finding.severity)).toEqual(['BLOCKER', 'WARNING', 'INFO']);
  });

  it('keep the order they came in within a severity', () => {
    const [first, second] = READINESS_BLOCKED_TEST.readiness.findings;
    const warnings = [
      { ...first!, check: 'slots.inactive' as const, severity: 'WARNING' as const },
      { ...second!, check: 'server.wal_senders' as const, severity: 'WARNING' as const },
    ];
    expect(bySeverity(warnings).map((finding) => finding.check)).toEqual(['slots.inactive', 'server.wal_senders']);
  });
});

describe('a test that reached a standby', () => {
  it('is told apart from one of a primary alone', () => {
    expect(testedStandby(PASSED_TEST)).toBe(false);
    expect(testedStandby(PAIR_TEST)).toBe(true);
  });
});
