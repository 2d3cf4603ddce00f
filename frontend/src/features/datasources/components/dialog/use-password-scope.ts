import type { FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import type { DataSourceInput } from '@/lib/api/types';
import type { NamePath } from '@/lib/forms/violations';
import { NOT_MOVED, movedEndpoints, type MovedEndpoints } from '../../utils/password-scope';

export interface PasswordScope {
  /** The endpoints the edit moved: their saved passwords, or references, may not follow. */
  moved: MovedEndpoints;
  /** The passwords to type again: a moved standby may take the primary's typed with the edit. */
  again: MovedEndpoints;
}

export const UNMOVED: PasswordScope = { moved: NOT_MOVED, again: NOT_MOVED };

const PASSWORD_FIELDS: NamePath[] = [['password'], ['standby', 'password']];

interface Options {
  form: FormInstance;
  /** The data source being edited as last read; undefined on create and copy, which have no saved password. */
  saved: DataSourceInput | undefined;
  /** The request body for the values on screen. */
  edited: () => DataSourceInput;
  /** Whether the signed-in user may name password references (an administrator). */
  mayNameReferences: boolean;
}

/**
 * Which saved passwords the values on screen need again, because an edit moves the endpoint they
 * were saved with (the server refuses the edit otherwise). A moved standby may also take the
 * primary's password typed with the edit, as the server does. Call `update` after every change.
 */
export function usePasswordScope({ form, saved, edited, mayNameReferences }: Options) {
  const [scope, setScope] = useState<PasswordScope>(UNMOVED);

  const update = () => {
    if (!saved) return;
    const input = edited();
    const moved = movedEndpoints(saved, input);
    const primaryGiven = input.password !== undefined || (mayNameReferences && Boolean(input.passwordRef));
    const next = { moved, again: { primary: moved.primary, standby: moved.standby && !primaryGiven } };
    setScope((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  };

  // "Password is required" shown for a moved endpoint no longer holds once it is back where the
  // password was saved: check the fields that show an error again, under the rules of now.
  useEffect(() => {
    const shown = form.getFieldsError(PASSWORD_FIELDS).filter((field) => field.errors.length > 0);
    if (shown.length > 0) form.validateFields(shown.map((field) => field.name)).catch(() => undefined);
  }, [form, scope.again]);

  return { scope, update, reset: () => setScope(UNMOVED) };
}
