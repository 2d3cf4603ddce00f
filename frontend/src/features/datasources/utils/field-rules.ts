import { inputRules } from '@/lib/api/input-rules';

/**
 * The server's field rules, read from its OpenAPI document (DataSourceInput, through the generated
 * input-rules.ts), checked as the operator types. Each check returns what is wrong, as a code the
 * form turns into words, or undefined. The server checks again on save; these only spare a round
 * trip.
 */

export type FieldProblem =
  | { code: 'required' }
  | { code: 'identifierChars' }
  | { code: 'hostChars' }
  | { code: 'port'; min: number; max: number }
  | { code: 'blank' }
  | { code: 'bytes'; max: number }
  | { code: 'maxChars'; max: number }
  | { code: 'pem' }
  | { code: 'passwordRef' };

const input = inputRules.DataSourceInput.properties;

export const IDENTIFIER_MAX = input.identifier.maxLength;
const IDENTIFIER_PATTERN = new RegExp(input.identifier.pattern);
export const HOST_MAX = input.host.maxLength;
const HOST_PATTERN = new RegExp(input.host.pattern);
const PORT = input.port;
/** PostgreSQL cuts names at 63 bytes (NAMEDATALEN - 1), not 63 characters: the limit counts bytes. */
export const NAME_MAX_BYTES = input.username.maxLength;
/** A required name must not be blank: the API's pattern for them asks for a non-space character. */
const NOT_BLANK = new RegExp(input.username.pattern);
export const REMARKS_MAX = input.remarks.maxLength;
export const PASSWORD_MAX = input.password.maxLength;
/** A password reference's rules: the primary's and the standby's, each as the API states it. */
const PASSWORD_REF = {
  primary: inputRules.DataSourceInput.properties.passwordRef,
  standby: inputRules.StandbyInput.properties.passwordRef,
};
export const CA_CERTIFICATE_MAX = inputRules.TlsSettings.properties.caCertificate.maxLength;

const encoder = new TextEncoder();

export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}

function isEmpty(value: string | null | undefined): value is '' | null | undefined {
  return value === undefined || value === null || value === '';
}

export function checkIdentifier(value: string | undefined): FieldProblem | undefined {
  if (isEmpty(value)) return { code: 'required' };
  // The pattern also bounds the length; tested a character at a time it tells a wrong character
  // from too many of them.
  if (!Array.from(value).every((character) => IDENTIFIER_PATTERN.test(character))) return { code: 'identifierChars' };
  if (value.length > IDENTIFIER_MAX) return { code: 'maxChars', max: IDENTIFIER_MAX };
  return undefined;
}

/**
 * Host: no whitespace and none of the characters that could smuggle a path, parameters or
 * credentials into a connection URL. Surrounding spaces are ignored: they are trimmed on save.
 */
export function checkHost(value: string | undefined): FieldProblem | undefined {
  const host = value?.trim();
  if (isEmpty(host)) return { code: 'required' };
  if (!HOST_PATTERN.test(host)) return { code: 'hostChars' };
  if (host.length > HOST_MAX) return { code: 'maxChars', max: HOST_MAX };
  return undefined;
}

export function checkPort(value: number | string | null | undefined): FieldProblem | undefined {
  if (value === undefined || value === null || value === '') return { code: 'required' };
  const port = Number(value);
  if (!Number.isInteger(port) || port < PORT.minimum || port > PORT.maximum)
    return { code: 'port', min: PORT.minimum, max: PORT.maximum };
  return undefined;
}

/** A PostgreSQL name: username, database, schema. */
export function checkName(value: string | undefined, { required }: { required: boolean }): FieldProblem | undefined {
  if (isEmpty(value)) return required ? { code: 'required' } : undefined;
  if (!NOT_BLANK.test(value)) return { code: 'blank' };
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

/**
 * A password reference: file:NAME or env:DSM_SOURCE_NAME. Required once the operator chose a
 * reference. Surrounding spaces are ignored: they are trimmed on save. Whether the file or the
 * variable exists only the server can tell, when it is saved or tested.
 */
export function checkPasswordRef(
  value: string | undefined,
  { of }: { of: keyof typeof PASSWORD_REF },
): FieldProblem | undefined {
  const reference = value?.trim();
  if (isEmpty(reference)) return { code: 'required' };
  const rules = PASSWORD_REF[of];
  if (reference.length > rules.maxLength) return { code: 'maxChars', max: rules.maxLength };
  if (!new RegExp(rules.pattern).test(reference)) return { code: 'passwordRef' };
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
