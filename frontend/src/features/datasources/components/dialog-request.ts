import type { DataSource } from '@/lib/api/types';

/** What the data source dialog was opened for. */
export type DialogRequest =
  { mode: 'create' } | { mode: 'edit'; source: DataSource } | { mode: 'copy'; source: DataSource };

/**
 * The dialogs and the drawer are chunks of their own, fetched on first use (the data source
 * dialog ahead, when the browser is idle): the list page does not wait for their code.
 */
export const loadDataSourceDialog = () => import('./dialog/DataSourceDialog');
export const loadDataSourceDrawer = () => import('./drawer/DataSourceDrawer');
export const loadDeleteDataSourceModal = () => import('./DeleteDataSourceModal');
