import { useCallback, useState } from 'react';
import type { ConnectionTestResult } from '@/lib/api/types';
import { testConnection } from './test-connection';

export interface RowTest {
  running: boolean;
  result?: ConnectionTestResult;
  error?: unknown;
}

/**
 * The connection tests run from the list, by data source id. Kept by the page rather than the
 * row, so that the result stays next to its row when the list refreshes underneath.
 */
export function useRowConnectionTests() {
  const [tests, setTests] = useState<ReadonlyMap<string, RowTest>>(() => new Map());

  const update = useCallback((id: string, test: RowTest) => {
    setTests((previous) => new Map(previous).set(id, test));
  }, []);

  const run = useCallback(
    async (id: string): Promise<RowTest> => {
      update(id, { running: true });
      let outcome: RowTest;
      try {
        outcome = { running: false, result: await testConnection({ kind: 'stored', id }) };
      } catch (error) {
        outcome = { running: false, error };
      }
      update(id, outcome);
      return outcome;
    },
    [update],
  );

  return { tests, run };
}
