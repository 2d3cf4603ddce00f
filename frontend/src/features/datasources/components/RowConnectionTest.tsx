import { Alert, Button, Popover } from 'antd';
import { useState } from 'react';
import { DisabledReason } from '@/components/DisabledReason';
import { describeError } from '@/components/ErrorState';
import { isApiError } from '@/lib/api/api-error';
import type { DataSource } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { RowTest } from '../api/use-row-connection-tests';
import { verdictOf, type TestVerdict } from '../utils/test-verdict';
import { ConnectionTestReport } from './ConnectionTestReport';
import { STATUS_ICON } from './test-report/status-icons';

interface Props {
  dataSource: DataSource;
  test: RowTest | undefined;
  onRun: (id: string) => Promise<RowTest>;
  /** Why the signed-in user may not test, when they may not. */
  disabledReason?: string;
  /** "Test" rather than "Test Connection" (still its accessible name), where the table is tight. */
  short?: boolean;
}

/**
 * "Test Connection" in a row: tests the stored data source and opens the report right there, by
 * the button; a mark by the button keeps the verdict visible and reopens the report. The mark has
 * its own slot, so that its arrival does not push the other actions aside.
 */
export function RowConnectionTest({ dataSource, test, onRun, disabledReason, short = false }: Props) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const id = dataSource.id;
  const identifier = dataSource.identifier;

  const run = async () => {
    setOpen(false);
    await onRun(id);
    setOpen(true);
  };

  const content = test?.result ? (
    <ConnectionTestReport result={test.result} compact />
  ) : test?.error !== undefined ? (
    <Alert
      type="error"
      showIcon
      title={m.test.failed}
      description={
        isApiError(test.error) && test.error.status === 429
          ? m.test.tooMany(test.error.retryAfterSeconds)
          : describeError(test.error, m.common)
      }
    />
  ) : null;

  const verdict: TestVerdict | undefined = test?.running
    ? undefined
    : test?.result
      ? verdictOf(test.result)
      : test?.error !== undefined
        ? 'FAILED'
        : undefined;

  return (
    <Popover
      open={open && content !== null}
      onOpenChange={(next) => !next && setOpen(false)}
      trigger="click"
      placement="bottomLeft"
      title={m.test.rowResult(identifier)}
      content={<div className="row-test-popover">{content}</div>}
    >
      <span className="row-test">
        <DisabledReason reason={disabledReason}>
          <Button
            type="link"
            size="small"
            loading={test?.running}
            onClick={run}
            className="row-action"
            disabled={disabledReason !== undefined}
            aria-label={short ? m.list.actions.test : undefined}
          >
            {short ? m.list.actions.testShort : m.list.actions.test}
          </Button>
        </DisabledReason>
        <span className="row-test__verdict-slot">
          {verdict && (
            <Button
              type="text"
              size="small"
              className="row-test__verdict"
              aria-label={m.test.verdict[verdict]}
              icon={STATUS_ICON[verdict]}
              onClick={() => setOpen(true)}
            />
          )}
        </span>
      </span>
    </Popover>
  );
}
