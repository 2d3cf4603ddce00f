import { useCallback, useState } from 'react';
import type { ConnectionTestResult } from '@/lib/api/types';
import { useTestConnection } from './use-test-connection';

export interface RowTest {
  running: boolean;
  result?: ConnectionTestResult;
  error?: unknown;
}

/**
 * The connection tests run from the list, by data source id: the same mutation as the dialog's,
 * one call per row. Their outcomes are kept by the page rather than the row, so that a result
 * stays next to its row when the list refreshes underneath, and rows test side by side.
 */
export function useRowConnectionTests() {
  const [tests, setTests] = useState<ReadonlyMap<string, RowTest>>(() => new Map());
  const { mutateAsync } = useTestConnection();

  const update = useCallback((id: string, test: RowTest) => {
    setTests((previous) => new Map(previous).set(id, test));
  }, []);

  const run = useCallback(
    async (id: string): Promise<RowTest> => {
      update(id, { running: true });
      let outcome: RowTest;
      try {
        outcome = { running: false, result: await mutateAsync({ kind: 'stored', id }) };
      } catch (error) {
        outcome = { running: false, error };
      }
      update(id, outcome);
      return outcome;
    },
    [update, mutateAsync],
  );

  return { tests, run };
}
