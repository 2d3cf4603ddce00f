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

export interface FieldErrors {
  name: NamePath;
  errors: string[];
}

/**
 * Sorts the server's violations into those that belong to a field of the form (grouped, one entry
 * per field, so each field shows all its messages) and those that do not, which the form shows
 * above its fields so that nothing the server said is lost. `fieldFor` names the form field a
 * violation's path belongs to, or undefined.
 */
export function splitViolations(
  violations: readonly Violation[],
  fieldFor: (name: NamePath) => NamePath | undefined,
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
    // Messages name no subject ("must be between 1 and 65535"); one shown on another field's
    // behalf says which value it is about.
    const aliased = name.join('.') !== toNamePath(violation.field).join('.');
    entry.errors.push(aliased ? `${violation.field} ${violation.message}` : violation.message);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], other };
}
