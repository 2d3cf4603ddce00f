import type { NamePath } from './violation-paths';

/** Every field of the data source form, by its name path (which is also its JSON path in the API body). */
const FORM_FIELDS = new Set([
  'type',
  'identifier',
  'region',
  'attribute',
  'heartbeatEnabled',
  'heartbeatSchema',
  'host',
  'port',
  'username',
  'password',
  'databaseName',
  'schemaName',
  'remarks',
  'standby.host',
  'standby.port',
  'standby.username',
  'standby.password',
  'tls.mode',
  'tls.caCertificate',
]);

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
