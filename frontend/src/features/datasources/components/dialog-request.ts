import type { DataSource } from '@/lib/api/types';

/** What the data source dialog was opened for. */
export type DialogRequest =
  { mode: 'create' } | { mode: 'edit'; source: DataSource } | { mode: 'copy'; source: DataSource };

/** The dialog's code is a chunk of its own, fetched on first use (or ahead, when the browser is idle). */
export const loadDataSourceDialog = () => import('./dialog/DataSourceDialog');
export const loadDataSourceDrawer = () => import('./drawer/DataSourceDrawer');
