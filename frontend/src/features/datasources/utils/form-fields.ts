import type { NamePath } from '@/lib/forms/violations';
import type { DataSourceFormValues } from './form-values';

/**
 * The form fields that decide where and how the service connects, by name path (which is also
 * their JSON path in the API body). Changing any of them makes a passed test no longer about the
 * values on screen, and a test needs them valid before it is worth sending.
 */
export const CONNECTION_FIELDS: readonly NamePath[] = [
  ['type'],
  ['attribute'],
  ['heartbeatEnabled'],
  ['heartbeatSchema'],
  ['host'],
  ['port'],
  ['username'],
  ['passwordSource'],
  ['password'],
  ['passwordRef'],
  ['databaseName'],
  ['schemaName'],
  ['standby', 'host'],
  ['standby', 'port'],
  ['standby', 'username'],
  ['standby', 'passwordSource'],
  ['standby', 'password'],
  ['standby', 'passwordRef'],
  ['tls', 'mode'],
  ['tls', 'caCertificate'],
];

/** The fields that only label a data source: identifier, region and remarks. */
const LABEL_FIELDS: readonly NamePath[] = [['identifier'], ['region'], ['remarks']];

const FORM_FIELDS = new Set([...LABEL_FIELDS, ...CONNECTION_FIELDS].map((name) => name.join('.')));

/** The top-level form values a connection field lives in ("standby" for ["standby", "host"]). */
const CONNECTION_VALUES = new Set(CONNECTION_FIELDS.map(([top]) => String(top)));

/** Whether a change of form values touches a connection field. */
export function touchesConnection(changed: Partial<DataSourceFormValues>): boolean {
  return Object.keys(changed).some((key) => CONNECTION_VALUES.has(key));
}

/**
 * Violations about a whole object have no input of their own; they go to the field that decides
 * it: "standby is required with PRIMARY_STANDBY" is about the chosen attribute.
 */
const ALIASES: Record<string, NamePath> = {
  standby: ['attribute'],
  tls: ['tls', 'mode'],
};

/** The form field a server violation belongs to, or undefined when none does (e.g. `version`). */
export function formFieldFor(name: NamePath): NamePath | undefined {
  const key = name.join('.');
  if (FORM_FIELDS.has(key)) return name;
  return ALIASES[key];
}
