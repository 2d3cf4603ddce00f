import { HEARTBEAT_ATTRIBUTES } from '@/lib/api/enum-values';
import type {
  DataSource,
  DataSourceInput,
  DataSourceType,
  DatabaseAttribute,
  StandbyInput,
  TlsMode,
  TlsSettings,
} from '@/lib/api/types';

/**
 * What the Create / Edit / Copy dialog edits. Passwords live here only while the dialog is open:
 * the form is destroyed when it closes, and they are never copied into queries, URLs or logs.
 */
export interface DataSourceFormValues extends ServerFormValues {
  type: DataSourceType;
  identifier: string;
  region: string | undefined;
  attribute: DatabaseAttribute;
  heartbeatEnabled: boolean;
  heartbeatSchema: string;
  databaseName: string;
  schemaName: string;
  remarks: string;
  standby: StandbyFormValues;
  tls: { mode: TlsMode; caCertificate: string };
}

/** Where and as whom the service signs in: the source's own server, and its standby the same way. */
interface ServerFormValues {
  host: string;
  port: number | null;
  username: string;
  passwordSource: PasswordSource;
  password: string;
  passwordRef: string;
}

export type StandbyFormValues = ServerFormValues;

/**
 * Where a password comes from: typed here and stored (sealed) by the service, or a reference the
 * service reads at each use (file:NAME, env:DSM_SOURCE_…). The form keeps both values, so that
 * switching back and forth loses nothing; only the chosen one is sent.
 */
export type PasswordSource = 'password' | 'reference';

/** The choice a stored reference opens the form with, and the reference itself. */
function passwordSourceOf(
  passwordRef: string | null | undefined,
): Pick<StandbyFormValues, 'passwordSource' | 'passwordRef'> {
  return passwordRef ? { passwordSource: 'reference', passwordRef } : { passwordSource: 'password', passwordRef: '' };
}

export type DialogMode = 'create' | 'edit' | 'copy';

export const DEFAULT_PORT = 5432;
/** The API's default: encrypt when the server offers it, as libpq does. */
export const DEFAULT_TLS_MODE: TlsMode = 'prefer';
/** The modes that check the server's certificate, for which a CA certificate can be given. */
export const VERIFYING_TLS_MODES: readonly TlsMode[] = ['verify-ca', 'verify-full'];

export function supportsHeartbeat(attribute: DatabaseAttribute | undefined): boolean {
  return attribute !== undefined && HEARTBEAT_ATTRIBUTES.includes(attribute);
}

export function hasStandby(attribute: DatabaseAttribute | undefined): boolean {
  return attribute === 'PRIMARY_STANDBY';
}

/** A blank form. With a single region it is chosen already; with several the operator must choose. */
export function emptyFormValues(regions: readonly string[]): DataSourceFormValues {
  return {
    type: 'POSTGRESQL',
    identifier: '',
    region: regions.length === 1 ? regions[0] : undefined,
    attribute: 'PRIMARY',
    heartbeatEnabled: false,
    heartbeatSchema: '',
    host: '',
    port: DEFAULT_PORT,
    username: '',
    passwordSource: 'password',
    password: '',
    passwordRef: '',
    databaseName: '',
    schemaName: '',
    remarks: '',
    standby: { host: '', port: DEFAULT_PORT, username: '', passwordSource: 'password', password: '', passwordRef: '' },
    tls: { mode: DEFAULT_TLS_MODE, caCertificate: '' },
  };
}

/**
 * The form for editing or copying a stored data source. Passwords start empty in both: the API
 * never returns them. On edit, empty means "keep the stored one"; a copy needs them typed again,
 * and its identifier too, since identifiers are unique. A password reference is no secret: both
 * open with it chosen and filled in (a copy of a file's data source may well use the same one).
 */
export function formValuesFrom(
  source: DataSource,
  mode: 'edit' | 'copy',
  regions: readonly string[],
): DataSourceFormValues {
  const blank = emptyFormValues(regions);
  return {
    type: source.type,
    identifier: mode === 'edit' ? source.identifier : '',
    region: source.region,
    attribute: source.attribute,
    heartbeatEnabled: source.heartbeatEnabled,
    heartbeatSchema: source.heartbeatSchema ?? '',
    host: source.host,
    port: source.port,
    username: source.username,
    password: '',
    ...passwordSourceOf(source.passwordRef),
    databaseName: source.databaseName,
    schemaName: source.schemaName ?? '',
    remarks: source.remarks ?? '',
    standby: source.standby
      ? {
          host: source.standby.host,
          port: source.standby.port,
          // The API fills an absent standby username with the primary's; show it empty again
          // when it is the same, so that changing the primary's username changes both.
          username:
            source.standby.username && source.standby.username !== source.username ? source.standby.username : '',
          password: '',
          ...passwordSourceOf(source.standby.passwordRef),
        }
      : blank.standby,
    tls: { mode: source.tls.mode, caCertificate: source.tls.caCertificate ?? '' },
  };
}

/** The values with both passwords to be typed: no reference chosen (for one who may not give references). */
export function withTypedPasswordsOnly(values: DataSourceFormValues): DataSourceFormValues {
  const typed = { passwordSource: 'password', passwordRef: '' } as const;
  return { ...values, ...typed, standby: { ...values.standby, ...typed } };
}

function optional(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** The certificate is sent only with a mode that uses it, so switching to "require" drops it. */
function tlsInput(tls: DataSourceFormValues['tls']): TlsSettings {
  const certificate = tls.caCertificate.trim();
  return { mode: tls.mode, caCertificate: VERIFYING_TLS_MODES.includes(tls.mode) && certificate ? certificate : null };
}

/** The password, or the reference to it, whichever is chosen: never both (the API refuses that). */
function passwordInput(
  values: Pick<StandbyFormValues, 'passwordSource' | 'password' | 'passwordRef'>,
  emptyPassword: (password: string) => string | undefined,
): { password?: string; passwordRef?: string } {
  return values.passwordSource === 'reference'
    ? { password: undefined, passwordRef: values.passwordRef.trim() }
    : { password: emptyPassword(values.password), passwordRef: undefined };
}

function standbyInput(standby: StandbyFormValues): StandbyInput {
  return {
    host: standby.host.trim(),
    port: standby.port ?? DEFAULT_PORT,
    username: optional(standby.username),
    ...passwordInput(standby, optional),
  };
}

export interface InputOptions {
  mode: DialogMode;
  /** The version read, for an update. */
  version?: number;
  /** Whether the region is asked for; with one region the server picks it. */
  multiRegion: boolean;
}

/**
 * The request body for the form's values. Fields hidden by the chosen attribute are left out
 * (a standby only with Primary + Standby, heartbeat only for the primary attributes), so that
 * what was typed before switching attribute is not sent; likewise a CA certificate with a TLS mode
 * that does not use it. On edit an empty password is left out:
 * the server then keeps the stored one.
 */
export function toDataSourceInput(values: DataSourceFormValues, options: InputOptions): DataSourceInput {
  const heartbeatEnabled = supportsHeartbeat(values.attribute) && values.heartbeatEnabled;
  return {
    identifier: values.identifier,
    type: values.type,
    region: options.multiRegion ? values.region : undefined,
    attribute: values.attribute,
    heartbeatEnabled,
    heartbeatSchema: heartbeatEnabled ? optional(values.heartbeatSchema.trim()) : undefined,
    host: values.host.trim(),
    port: values.port ?? DEFAULT_PORT,
    username: values.username,
    ...passwordInput(values, (password) => (options.mode === 'edit' ? optional(password) : password)),
    databaseName: values.databaseName,
    schemaName: optional(values.schemaName),
    remarks: optional(values.remarks),
    standby: hasStandby(values.attribute) ? standbyInput(values.standby) : undefined,
    tls: tlsInput(values.tls),
    version: options.mode === 'edit' ? options.version : undefined,
  };
}
