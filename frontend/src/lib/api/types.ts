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
export type TlsMode = Schemas['TlsMode'];
export type TlsSettings = Schemas['TlsSettings'];

export type ListDataSourcesQuery = NonNullable<operations['listDataSources']['parameters']['query']>;
export type DataSourceSort = NonNullable<ListDataSourcesQuery['sort']>;
