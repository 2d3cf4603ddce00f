import { useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useMemo, useState } from 'react';
import type { DataSource } from '@/lib/api/types';
import { dataSourceKeys } from '../../api/query-keys';
import { fetchDataSource } from '../../api/use-data-source';
import { formValuesFrom, toDataSourceInput, type DataSourceFormValues } from '../../utils/form-values';
import type { DialogRequest } from './dialog-request';
import { useDialogConnectionTest } from './use-dialog-connection-test';
import { useDialogNotice } from './use-dialog-notice';
import { useDialogSave } from './use-dialog-save';
import { usePasswordScope } from './use-password-scope';
import { useTestGate } from './use-test-gate';

interface Options {
  request: DialogRequest;
  form: FormInstance<DataSourceFormValues>;
  regions: readonly string[];
  multiRegion: boolean;
  onSaved: (saved: DataSource, mode: DialogRequest['mode']) => void;
  /** Whether the signed-in user may name password references (an administrator). */
  mayNameReferences: boolean;
}

/**
 * The dialog's behaviour, put together from its parts: the data source as last read, the test
 * gate, testing, saving, the notices, and reloading after a version conflict.
 */
export function useDataSourceDialog({ request, form, regions, multiRegion, onSaved, mayNameReferences }: Options) {
  const queryClient = useQueryClient();
  const mode = request.mode;
  const [source, setSource] = useState<DataSource | undefined>(mode === 'create' ? undefined : request.source);
  const gate = useTestGate(mode);
  const notices = useDialogNotice(form);

  const input = () =>
    toDataSourceInput(form.getFieldsValue(true) as DataSourceFormValues, {
      mode,
      version: source?.version,
      multiRegion,
    });
  const storedId = mode === 'edit' ? source?.id : undefined;
  const saved = useMemo(
    () =>
      mode === 'edit' && source
        ? toDataSourceInput(formValuesFrom(source, 'edit', regions), { mode, version: source.version, multiRegion })
        : undefined,
    [mode, source, regions, multiRegion],
  );
  const scope = usePasswordScope({ form, saved, edited: input, mayNameReferences });

  const test = useDialogConnectionTest({
    form,
    notices,
    revision: gate.revision,
    request: () => (storedId ? { kind: 'stored', id: storedId, input: input() } : { kind: 'unsaved', input: input() }),
    onTested: gate.onTested,
  });
  const save = useDialogSave({
    form,
    notices,
    request: () => (storedId ? { kind: 'update', id: storedId, input: input() } : { kind: 'create', input: input() }),
    onSaved: (saved) => onSaved(saved, mode),
  });

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
    gate.reset();
    scope.reset();
    notices.clear();
    test.clearReport();
  };

  return {
    mode,
    source,
    status: gate.status,
    okEnabled: gate.okEnabled,
    connectionUntouched: gate.connectionUntouched,
    report: test.report,
    reportStale: gate.status === 'stale',
    notice: notices.notice,
    testing: test.testing,
    saving: save.saving,
    /** The endpoints the edit moves, and the passwords to type again for them. */
    passwordScope: scope.scope,
    onValuesChange: (changed: Partial<DataSourceFormValues>) => {
      gate.onValuesChange(changed);
      scope.update();
    },
    runTest: test.run,
    submit: save.submit,
    reload,
  };
}
