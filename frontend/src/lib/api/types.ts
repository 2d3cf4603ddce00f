import type { operations } from './schema';
import type { AuditEventResponse, Change, SessionResponse, UserResponse } from './schema-names';

/** Every schema of the API under its own name (generated). */
export type * from './schema-names';

/** Shorter names where the schema's name says more than the console needs. */
/** GET and POST /api/session's answer: `signedIn` says whether the other fields are there. */
export type SessionAnswer = SessionResponse;
/** A signed-in user's session. */
export type Session = SessionAnswer & Required<Pick<SessionAnswer, 'username' | 'role'>>;
export type User = UserResponse;
export type AuditEvent = AuditEventResponse;
/** A changed field; null stands for "no value" (before a create, after a delete). */
export type AuditChange = Change;

export type ListDataSourcesQuery = NonNullable<operations['listDataSources']['parameters']['query']>;
export type DataSourceSort = NonNullable<ListDataSourcesQuery['sort']>;
export type ListAuditEventsQuery = NonNullable<operations['listAuditEvents']['parameters']['query']>;
