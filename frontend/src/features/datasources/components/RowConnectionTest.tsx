import { Alert, Button, Popover } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useState } from 'react';
import { describeError } from '@/components/ErrorState';
import { isApiError } from '@/lib/api/api-error';
import type { DataSource } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { RowTest } from '../api/use-row-connection-tests';
import { ConnectionTestReport } from './ConnectionTestReport';

interface Props {
  dataSource: DataSource;
  test: RowTest | undefined;
  onRun: (id: string) => Promise<RowTest>;
}

/**
 * "Test Connection" in a row: tests the stored data source and opens the report right there, by
 * the button; a mark by the button keeps the verdict visible and reopens the report.
 */
export function RowConnectionTest({ dataSource, test, onRun }: Props) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const id = dataSource.id ?? '';
  const identifier = dataSource.identifier ?? '';

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

  const passed = test?.result?.success === true;
  const verdictKnown = !test?.running && (test?.result !== undefined || test?.error !== undefined);

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
        <Button type="link" size="small" loading={test?.running} onClick={run} className="row-action">
          {m.list.actions.test}
        </Button>
        {verdictKnown && (
          <Button
            type="text"
            size="small"
            className={`row-test__verdict ${passed ? 'row-test__verdict--passed' : 'row-test__verdict--failed'}`}
            aria-label={passed ? m.test.passed : m.test.failed}
            icon={passed ? <CheckCircleFilled /> : <CloseCircleFilled />}
            onClick={() => setOpen(true)}
          />
        )}
      </span>
    </Popover>
  );
}
