import type { FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useReducer, useState } from 'react';
import { describeError } from '@/components/ErrorState';
import { isApiError } from '@/lib/api/api-error';
import type { DataSource, Violation } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { ConnectionTestResult } from '@/lib/api/types';
import { fetchDataSource } from '../../api/use-data-source';
import { dataSourceKeys } from '../../api/query-keys';
import { useSaveDataSource } from '../../api/use-save-data-source';
import { useTestConnection, type ConnectionTestRequest } from '../../api/test-connection';
import { INITIAL_GATE, canSave, gateReducer, gateStatus, touchesConnection } from '../../utils/connection-test-gate';
import { formFieldFor } from '../../utils/form-fields';
import { formValuesFrom, toDataSourceInput, type DataSourceFormValues } from '../../utils/form-values';
import { splitViolations, type NamePath } from '../../utils/violation-paths';
import type { DialogRequest } from '../dialog-request';

/** Something the dialog must tell the operator above its fields. */
export type DialogNotice =
  { kind: 'error'; title: string; description: string; violations: Violation[] } | { kind: 'stale' };

/** The fields a connection test needs valid before it is worth sending. */
const CONNECTION_NAMES: NamePath[] = [
  ['type'],
  ['attribute'],
  ['heartbeatSchema'],
  ['host'],
  ['port'],
  ['username'],
  ['password'],
  ['databaseName'],
  ['schemaName'],
  ['standby', 'host'],
  ['standby', 'port'],
  ['standby', 'username'],
  ['standby', 'password'],
  ['tls', 'mode'],
  ['tls', 'caCertificate'],
];

interface Options {
  request: DialogRequest;
  form: FormInstance<DataSourceFormValues>;
  regions: readonly string[];
  multiRegion: boolean;
  onSaved: (saved: DataSource, mode: DialogRequest['mode']) => void;
}

function isValidationFailure(error: unknown): error is { errorFields: { name: NamePath }[] } {
  return typeof error === 'object' && error !== null && 'errorFields' in error;
}

/**
 * The dialog's behaviour: the test gate in front of OK, testing, saving, and turning every
 * answer of the server into something on screen (a field error, a notice, a report).
 */
export function useDataSourceDialog({ request, form, regions, multiRegion, onSaved }: Options) {
  const m = useMessages();
  const queryClient = useQueryClient();
  const mode = request.mode;
  const [source, setSource] = useState<DataSource | undefined>(mode === 'create' ? undefined : request.source);
  const [gate, dispatch] = useReducer(gateReducer, INITIAL_GATE);
  const [report, setReport] = useState<ConnectionTestResult>();
  const [notice, setNotice] = useState<DialogNotice>();
  const test = useTestConnection();
  const save = useSaveDataSource();

  const onValuesChange = useCallback((changed: Partial<DataSourceFormValues>) => {
    if (touchesConnection(changed)) dispatch({ kind: 'connectionChanged' });
  }, []);

  const focusFirstError = useCallback(
    (name: NamePath | undefined) => name && form.scrollToField(name, { block: 'center', focus: true }),
    [form],
  );

  /** Puts the server's violations on their fields; returns those that belong to no field. */
  const applyViolations = useCallback(
    (violations: Violation[]): Violation[] => {
      const { fields, other } = splitViolations(violations, formFieldFor);
      // formFieldFor admits only paths of this form, which antd's typed paths cannot express.
      form.setFields(fields.map(({ name, errors }) => ({ name, errors })) as Parameters<typeof form.setFields>[0]);
      focusFirstError(fields[0]?.name);
      return other;
    },
    [form, focusFirstError],
  );

  const showError = useCallback(
    (title: string, error: unknown) => {
      if (isApiError(error) && error.violations.some((violation) => violation.field === 'version')) {
        setNotice({ kind: 'stale' });
        return;
      }
      const other = isApiError(error) ? applyViolations(error.violations) : [];
      const fieldsRejected = isApiError(error) && error.violations.length > other.length;
      setNotice({
        kind: 'error',
        title,
        description: fieldsRejected ? m.form.fieldsRejected : describeError(error, m.common),
        violations: other,
      });
    },
    [applyViolations, m],
  );

  const values = () => form.getFieldsValue(true) as DataSourceFormValues;
  const input = () => toDataSourceInput(values(), { mode, version: source?.version, multiRegion });

  const runTest = async () => {
    // The revision this test is about: edits made while it runs make its answer stale.
    const startedAt = gate.revision;
    setNotice(undefined);
    try {
      await form.validateFields(CONNECTION_NAMES);
    } catch (error) {
      if (isValidationFailure(error)) focusFirstError(error.errorFields[0]?.name);
      return;
    }
    const body = input();
    const testRequest: ConnectionTestRequest =
      mode === 'edit' && source?.id ? { kind: 'stored', id: source.id, input: body } : { kind: 'unsaved', input: body };
    try {
      const result = await test.mutateAsync(testRequest);
      setReport(result);
      dispatch({ kind: 'tested', revision: startedAt, passed: result.success });
    } catch (error) {
      setReport(undefined);
      if (isApiError(error) && error.status === 429) {
        setNotice({
          kind: 'error',
          title: m.test.failed,
          description: m.test.tooMany(error.retryAfterSeconds),
          violations: [],
        });
      } else {
        showError(m.test.failed, error);
      }
    }
  };

  const submit = async () => {
    setNotice(undefined);
    try {
      await form.validateFields();
    } catch (error) {
      if (isValidationFailure(error)) focusFirstError(error.errorFields[0]?.name);
      return;
    }
    const body = input();
    save.mutate(
      mode === 'edit' && source?.id ? { kind: 'update', id: source.id, input: body } : { kind: 'create', input: body },
      {
        onSuccess: (saved) => onSaved(saved, mode),
        onError: (error) => showError(m.form.saveFailed, error),
      },
    );
  };

  /** After a version conflict: show what is stored now. The operator's edits are discarded, knowingly. */
  const reload = async () => {
    if (!source?.id) return;
    const latest = await queryClient.query({
      queryKey: dataSourceKeys.detail(source.id),
      queryFn: ({ signal }) => fetchDataSource(source.id, signal),
      staleTime: 0,
    });
    setSource(latest);
    form.resetFields();
    form.setFieldsValue(formValuesFrom(latest, 'edit', regions));
    dispatch({ kind: 'reset' });
    setNotice(undefined);
    setReport(undefined);
  };

  const status = gateStatus(gate);
  return {
    mode,
    source,
    gate,
    status,
    okEnabled: canSave(gate, mode),
    connectionUntouched: gate.revision === 0,
    report,
    reportStale: status === 'stale',
    notice,
    testing: test.isPending,
    saving: save.isPending,
    onValuesChange,
    runTest,
    submit,
    reload,
  };
}
