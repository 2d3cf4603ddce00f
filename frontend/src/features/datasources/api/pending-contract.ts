/**
 * Shapes the backend has announced but its OpenAPI document does not describe yet (connection
 * tests, TLS). They are written here, in one place, from the announcement; when the document gains
 * them, these aliases are switched to the generated types and this file disappears.
 */

export const TLS_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type TlsMode = (typeof TLS_MODES)[number];
export const DEFAULT_TLS_MODE: TlsMode = 'prefer';
/** The modes that check the server's certificate, and so need the authority's certificate. */
export const VERIFYING_TLS_MODES: readonly TlsMode[] = ['verify-ca', 'verify-full'];

export interface TlsSettings {
  mode: TlsMode;
  caCertificate: string | null;
}

export type CheckTarget = 'PRIMARY' | 'STANDBY';
export type CheckName = 'NETWORK' | 'AUTHENTICATION' | 'DATABASE' | 'SCHEMA' | 'ROLE' | 'HEARTBEAT' | 'REPLICATION';
export type CheckStatus = 'PASSED' | 'FAILED' | 'WARNING' | 'SKIPPED';

export interface ConnectionCheck {
  target: CheckTarget;
  name: CheckName;
  status: CheckStatus;
  message: string;
  hint: string | null;
  sqlState: string | null;
}

export interface ConnectionTestResult {
  success: boolean;
  elapsedMs: number;
  serverVersion: string | null;
  checks: ConnectionCheck[];
}

/** Whether the API accepts `tls` yet; until it does, the console does not pretend to apply it. */
export const CAN_CONFIGURE_TLS: boolean = false;
