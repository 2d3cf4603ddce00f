/**
 * The server's field rules (see DataSourceInput in the OpenAPI document), checked as the operator
 * types. Each check returns what is wrong, as a code the form turns into words, or undefined.
 * The server checks again on save; these only spare a round trip.
 */

export type FieldProblem =
  | { code: 'required' }
  | { code: 'identifierChars' }
  | { code: 'identifierLength' }
  | { code: 'hostChars' }
  | { code: 'hostLength' }
  | { code: 'port' }
  | { code: 'blank' }
  | { code: 'bytes'; max: number }
  | { code: 'maxChars'; max: number }
  | { code: 'pem' };

export const IDENTIFIER_MAX = 32;
export const HOST_MAX = 253;
/** PostgreSQL cuts names at 63 bytes (NAMEDATALEN - 1), not 63 characters. */
export const NAME_MAX_BYTES = 63;
export const REMARKS_MAX = 128;
export const PASSWORD_MAX = 1024;
export const CA_CERTIFICATE_MAX = 16384;

const encoder = new TextEncoder();

export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}

function isEmpty(value: string | null | undefined): value is '' | null | undefined {
  return value === undefined || value === null || value === '';
}

export function checkIdentifier(value: string | undefined): FieldProblem | undefined {
  if (isEmpty(value)) return { code: 'required' };
  if (!/^[A-Za-z0-9]+$/.test(value)) return { code: 'identifierChars' };
  if (value.length > IDENTIFIER_MAX) return { code: 'identifierLength' };
  return undefined;
}

/**
 * Host: no whitespace and none of the characters that could smuggle a path, parameters or
 * credentials into a connection URL. Surrounding spaces are ignored: they are trimmed on save.
 */
export function checkHost(value: string | undefined): FieldProblem | undefined {
  const host = value?.trim();
  if (isEmpty(host)) return { code: 'required' };
  if (/[\s/?#&;=@,\\'"`%]/.test(host)) return { code: 'hostChars' };
  if (host.length > HOST_MAX) return { code: 'hostLength' };
  return undefined;
}

export function checkPort(value: number | string | null | undefined): FieldProblem | undefined {
  if (value === undefined || value === null || value === '') return { code: 'required' };
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { code: 'port' };
  return undefined;
}

/** A PostgreSQL name: username, database, schema. */
export function checkName(value: string | undefined, { required }: { required: boolean }): FieldProblem | undefined {
  if (isEmpty(value)) return required ? { code: 'required' } : undefined;
  if (value.trim() === '') return { code: 'blank' };
  if (utf8Length(value) > NAME_MAX_BYTES) return { code: 'bytes', max: NAME_MAX_BYTES };
  return undefined;
}

export function checkPassword(
  value: string | undefined,
  { required }: { required: boolean },
): FieldProblem | undefined {
  if (isEmpty(value)) return required ? { code: 'required' } : undefined;
  if (value.length > PASSWORD_MAX) return { code: 'maxChars', max: PASSWORD_MAX };
  return undefined;
}

export function checkRemarks(value: string | undefined): FieldProblem | undefined {
  if (isEmpty(value)) return undefined;
  if (value.length > REMARKS_MAX) return { code: 'maxChars', max: REMARKS_MAX };
  return undefined;
}

export function checkCaCertificate(value: string | undefined): FieldProblem | undefined {
  if (isEmpty(value?.trim())) return undefined;
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(value ?? '')) return { code: 'pem' };
  if ((value ?? '').length > CA_CERTIFICATE_MAX) return { code: 'maxChars', max: CA_CERTIFICATE_MAX };
  return undefined;
}

export function checkRequired(value: unknown): FieldProblem | undefined {
  return value === undefined || value === null || value === '' ? { code: 'required' } : undefined;
}
