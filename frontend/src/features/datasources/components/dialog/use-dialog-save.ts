import type { FormInstance } from 'antd';
import type { DataSource } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useSaveDataSource, type SaveRequest } from '../../api/use-save-data-source';
import { validateOrFocus } from './form-focus';
import type { DialogNotices } from './use-dialog-notice';

interface Options {
  form: FormInstance;
  notices: DialogNotices;
  /** What to save, from the values on screen. */
  request: () => SaveRequest;
  onSaved: (saved: DataSource) => void;
}

/** OK in the dialog: checks every field, saves, and shows what the server refused. */
export function useDialogSave({ form, notices, request, onSaved }: Options) {
  const m = useMessages();
  const save = useSaveDataSource();

  const submit = async () => {
    notices.clear();
    if (!(await validateOrFocus(form))) return;
    save.mutate(request(), {
      onSuccess: onSaved,
      onError: (error) => notices.showError(m.form.saveFailed, error),
    });
  };

  return { submit, saving: save.isPending };
}
