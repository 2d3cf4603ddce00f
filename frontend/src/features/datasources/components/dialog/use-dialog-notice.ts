import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { describeError } from '@/components/ErrorState';
import { isApiError } from '@/lib/api/api-error';
import type { Violation } from '@/lib/api/types';
import { applyViolations } from '@/lib/forms/violations';
import { useMessages } from '@/lib/i18n/i18n-context';
import { formFieldFor } from '../../utils/form-fields';
import { focusField } from './form-focus';

/** Something the dialog must tell the operator above its fields. */
export type DialogNotice =
  { kind: 'error'; title: string; description: string; violations: Violation[] } | { kind: 'stale' };

/**
 * Turns a failed test or save into something on screen: a version conflict becomes the stale
 * notice, violations go onto their fields, and whatever has no field is told above the fields.
 */
export function useDialogNotice(form: FormInstance) {
  const m = useMessages();
  const [notice, setNotice] = useState<DialogNotice>();

  const showError = useCallback(
    (title: string, error: unknown) => {
      if (!isApiError(error)) {
        setNotice({ kind: 'error', title, description: describeError(error, m.common), violations: [] });
        return;
      }
      if (error.violations.some((violation) => violation.field === 'version')) {
        setNotice({ kind: 'stale' });
        return;
      }
      const { fields, other } = applyViolations(form, error.violations, { fieldFor: formFieldFor });
      focusField(form, fields[0]?.name);
      const description = fields.length > 0 ? m.form.fieldsRejected : describeError(error, m.common);
      setNotice({ kind: 'error', title, description, violations: other });
    },
    [form, m],
  );

  const clear = useCallback(() => setNotice(undefined), []);

  return { notice, show: setNotice, showError, clear };
}

export type DialogNotices = ReturnType<typeof useDialogNotice>;
