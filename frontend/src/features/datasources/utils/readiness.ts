import type { ConnectionTestResult, FindingSeverity, ReadinessFinding } from '@/lib/api/types';

const SEVERITY_RANK: Record<FindingSeverity, number> = { BLOCKER: 0, WARNING: 1, INFO: 2 };

/** Most severe first; the server's order within a severity is kept. */
export function bySeverity(findings: readonly ReadinessFinding[]): ReadinessFinding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** Whether the test reached a standby: only then is it worth saying which endpoint a line is about. */
export function testedStandby(result: ConnectionTestResult): boolean {
  const { findings, passed } = result.readiness;
  return [...result.checks, ...findings, ...passed].some((item) => item.target === 'STANDBY');
}

/** Whether a finding has more to show than its one-line message. */
export function hasDetails(finding: ReadinessFinding): boolean {
  return finding.hint !== null || finding.fixSql !== null || finding.objects.length > 0 || finding.objectCount > 0;
}
