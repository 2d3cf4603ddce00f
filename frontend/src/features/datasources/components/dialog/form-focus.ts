import type { FormInstance } from 'antd';
import type { NamePath } from '@/lib/forms/violations';

/** Brings a field into view and puts the cursor in it: the first one the operator must fix. */
export function focusField(form: FormInstance, name: NamePath | undefined): void {
  if (name) form.scrollToField(name, { block: 'center', focus: true });
}

function isValidationFailure(error: unknown): error is { errorFields: { name: NamePath }[] } {
  return typeof error === 'object' && error !== null && 'errorFields' in error;
}

/** Validates the given fields (all when none are given); on failure, focuses the first wrong one. */
export async function validateOrFocus(form: FormInstance, names?: readonly NamePath[]): Promise<boolean> {
  try {
    await (names ? form.validateFields([...names]) : form.validateFields());
    return true;
  } catch (error) {
    if (isValidationFailure(error)) focusField(form, error.errorFields[0]?.name);
    return false;
  }
}
