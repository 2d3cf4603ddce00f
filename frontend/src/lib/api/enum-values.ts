import type {
  AuditAction,
  AuditOutcome,
  DataSourceSort,
  DataSourceType,
  DatabaseAttribute,
  Role,
  SourceReadinessState,
  TlsMode,
} from './types';

/**
 * Runtime lists of the API's enum values, for menus and for validating URL parameters. Each list
 * is checked against its generated type both ways: a value the API does not know is an error, and
 * so is a value the API gained that the list lacks (regenerate the client and this fails to compile).
 */
function exhaustive<T extends string>() {
  return <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : never)): L => values;
}

export const DATA_SOURCE_TYPES = exhaustive<DataSourceType>()(['POSTGRESQL']);

export const DATABASE_ATTRIBUTES = exhaustive<DatabaseAttribute>()([
  'PRIMARY',
  'PRIMARY_STANDBY',
  'STANDBY',
  'CHILD_NODE',
]);

export const SORTS = exhaustive<DataSourceSort>()(['-createdAt', 'createdAt', 'identifier', '-identifier']);

/** Worst first: the order of the list's readiness filter and of its URL value. */
export const SOURCE_READINESS_STATES = exhaustive<SourceReadinessState>()([
  'BLOCKED',
  'UNREACHABLE',
  'WARNINGS',
  'READY',
  'UNKNOWN',
]);

export const TLS_MODES = exhaustive<TlsMode>()(['disable', 'prefer', 'require', 'verify-ca', 'verify-full']);

/** The attributes whose database is written to, so that a heartbeat table may be kept there. */
export const HEARTBEAT_ATTRIBUTES: readonly DatabaseAttribute[] = ['PRIMARY', 'PRIMARY_STANDBY'];

export function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return value != null && (values as readonly string[]).includes(value);
}

export const ROLES = exhaustive<Role>()(['VIEWER', 'OPERATOR', 'ADMIN']);

export const AUDIT_ACTIONS = exhaustive<AuditAction>()([
  'SIGN_IN',
  'SIGN_OUT',
  'DATA_SOURCE_CREATED',
  'DATA_SOURCE_UPDATED',
  'DATA_SOURCE_DELETED',
  'CONNECTION_TESTED',
  'USER_CREATED',
  'USER_UPDATED',
  'USER_DELETED',
  'PASSWORD_CHANGED',
  'SECRET_KEY_ROTATED',
  'READINESS_CHANGED',
  'READINESS_RECHECKED',
  'RISK_ACCEPTED',
  'RISK_ACCEPTANCE_REVOKED',
]);

export const AUDIT_OUTCOMES = exhaustive<AuditOutcome>()(['SUCCESS', 'FAILURE']);
