import type { CheckStatus, ConnectionTestResult } from '@/lib/api/types';

export type TestVerdict = Extract<CheckStatus, 'PASSED' | 'WARNING' | 'FAILED'>;

/** A test's overall outcome: failed if any check failed, passed with warnings if any warned. */
export function verdictOf(result: ConnectionTestResult): TestVerdict {
  if (!result.success) return 'FAILED';
  return result.checks.some((check) => check.status === 'WARNING') ? 'WARNING' : 'PASSED';
}
