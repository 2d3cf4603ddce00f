import type { components, operations } from './schema';

/** Friendly names for the generated schema types the console uses. */
type Schemas = components['schemas'];

export type DataSource = Schemas['DataSource'];
export type DataSourceInput = Schemas['DataSourceInput'];
export type StandbyInput = Schemas['StandbyInput'];
export type DataSourcePage = Schemas['DataSourcePage'];
export type DataSourceType = Schemas['DataSourceType'];
export type DatabaseAttribute = Schemas['DatabaseAttribute'];
export type HeartbeatStatus = Schemas['HeartbeatStatus'];
export type HeartbeatState = Schemas['HeartbeatState'];
export type Problem = Schemas['Problem'];
export type Violation = Schemas['Violation'];

export type ConnectionTestInput = Schemas['ConnectionTestInput'];
export type ConnectionTestResult = Schemas['ConnectionTestResult'];
export type Check = Schemas['Check'];
export type CheckStatus = Schemas['CheckStatus'];
export type CheckTarget = Schemas['CheckTarget'];
export type TlsMode = Schemas['TlsMode'];
export type TlsSettings = Schemas['TlsSettings'];

export type ReadinessReport = Schemas['ReadinessReport'];
export type ReadinessVerdict = Schemas['ReadinessVerdict'];
export type ReadinessFinding = Schemas['ReadinessFinding'];
export type AffectedObject = Schemas['AffectedObject'];
export type PassedReadinessCheck = Schemas['PassedReadinessCheck'];
export type ReadinessCheckId = Schemas['ReadinessCheckId'];
export type ReadinessScope = Schemas['ReadinessScope'];
export type ReadinessState = Schemas['ReadinessState'];
export type FindingSeverity = Schemas['FindingSeverity'];

export type ListDataSourcesQuery = NonNullable<operations['listDataSources']['parameters']['query']>;
export type DataSourceSort = NonNullable<ListDataSourcesQuery['sort']>;

export type Role = Schemas['Role'];
/** GET and POST /api/session's answer: `signedIn` says whether the other fields are there. */
export type SessionAnswer = Schemas['SessionResponse'];
/** A signed-in user's session. */
export type Session = SessionAnswer & Required<Pick<SessionAnswer, 'username' | 'role'>>;
export type SignInInput = Schemas['SignInInput'];
export type PasswordChangeInput = Schemas['PasswordChangeInput'];

export type User = Schemas['UserResponse'];
export type UserInput = Schemas['UserInput'];

export type AuditAction = Schemas['AuditAction'];
export type AuditOutcome = Schemas['AuditOutcome'];
/** A changed field; null stands for "no value" (before a create, after a delete). */
export type AuditChange = Schemas['Change'];
export type AuditEvent = Schemas['AuditEventResponse'];
export type AuditPage = Schemas['AuditPage'];
export type ListAuditEventsQuery = NonNullable<operations['listAuditEvents']['parameters']['query']>;
