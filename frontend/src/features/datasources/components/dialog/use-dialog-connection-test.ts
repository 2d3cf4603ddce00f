import type { FormInstance } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api/api-error';
import type { ConnectionTestResult } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useTestConnection, type ConnectionTestRequest } from '../../api/use-test-connection';
import { CONNECTION_FIELDS } from '../../utils/form-fields';
import { validateOrFocus } from './form-focus';
import type { DialogNotices } from './use-dialog-notice';

interface Options {
  form: FormInstance;
  notices: DialogNotices;
  /** The gate's revision now: edits made while a test runs make its answer stale. */
  revision: number;
  /** What to test, from the values on screen. */
  request: () => ConnectionTestRequest;
  onTested: (revision: number, passed: boolean) => void;
}

/** Test Connection in the dialog: checks the connection fields, tests, and keeps the report. */
export function useDialogConnectionTest({ form, notices, revision, request, onTested }: Options) {
  const m = useMessages();
  const test = useTestConnection();
  const [report, setReport] = useState<ConnectionTestResult>();

  const run = async () => {
    const startedAt = revision;
    notices.clear();
    if (!(await validateOrFocus(form, CONNECTION_FIELDS))) return;
    try {
      const result = await test.mutateAsync(request());
      setReport(result);
      onTested(startedAt, result.success);
    } catch (error) {
      setReport(undefined);
      if (isApiError(error) && error.status === 429) {
        notices.show({
          kind: 'error',
          title: m.test.failed,
          description: m.test.tooMany(error.retryAfterSeconds),
          violations: [],
        });
      } else {
        notices.showError(m.test.failed, error);
      }
    }
  };

  return { report, clearReport: () => setReport(undefined), run, testing: test.isPending };
}
