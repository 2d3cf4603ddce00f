import type { FormInstance } from 'antd';
import type { Violation } from '@/lib/api/types';

export type NamePath = (string | number)[];

/**
 * A violation's JSON path as a form name path: "standby.port" → ["standby", "port"],
 * "checks[0].name" → ["checks", 0, "name"]. A leading "$." (JSONPath root) is ignored.
 */
export function toNamePath(field: string): NamePath {
  return field
    .replace(/^\$\.?/, '')
    .split(/[.[\]]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The server's messages name no subject ("must differ from…"); under a field they read as sentences. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export interface FieldErrors {
  name: NamePath;
  errors: string[];
}

/**
 * The words a field shows for a violation. `aliased` says the violation is shown on another
 * field's behalf (its path is not the field's), so the words should name what it is about.
 */
export type ViolationText = (violation: Violation, aliased: boolean) => string;

/** The server's message as it is; one shown on another field's behalf names its subject. */
export const plainText: ViolationText = (violation, aliased) =>
  aliased ? `${violation.field} ${violation.message}` : violation.message;

/** The server's message as a sentence: for forms whose fields name the subject already. */
export const sentenceText: ViolationText = (violation) => sentence(violation.message);

export interface ViolationMapping {
  /** The form field a violation's path belongs to, or undefined when none does. */
  fieldFor: (name: NamePath) => NamePath | undefined;
  text?: ViolationText;
}

/** A `fieldFor` that admits exactly the given top-level fields. */
export function fieldsNamed(names: readonly string[]): ViolationMapping['fieldFor'] {
  const known = new Set(names);
  return (name) => (name.length === 1 && known.has(String(name[0])) ? name : undefined);
}

/**
 * Sorts the server's violations into those that belong to a field of the form (grouped, one entry
 * per field, so each field shows all its messages) and those that do not, which the form shows
 * above its fields so that nothing the server said is lost.
 */
export function splitViolations(
  violations: readonly Violation[],
  { fieldFor, text = plainText }: ViolationMapping,
): { fields: FieldErrors[]; other: Violation[] } {
  const byField = new Map<string, FieldErrors>();
  const other: Violation[] = [];
  for (const violation of violations) {
    const name = violation.field ? fieldFor(toNamePath(violation.field)) : undefined;
    if (name === undefined) {
      other.push(violation);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(text(violation, name.join('.') !== toNamePath(violation.field).join('.')));
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], other };
}

/**
 * Puts the server's violations on the form's fields, the one way every form of the console does
 * it. Returns the fields it marked (first one first, to focus) and the violations that belong to
 * no field, for the form to show above its fields.
 */
export function applyViolations<Values>(
  form: FormInstance<Values>,
  violations: readonly Violation[],
  mapping: ViolationMapping,
): { fields: FieldErrors[]; other: Violation[] } {
  const split = splitViolations(violations, mapping);
  // fieldFor admits only paths of this form, which antd's typed paths cannot express.
  form.setFields(split.fields.map(({ name, errors }) => ({ name, errors })) as Parameters<typeof form.setFields>[0]);
  return split;
}
