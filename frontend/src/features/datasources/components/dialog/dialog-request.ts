import type { DataSource } from '@/lib/api/types';

/** What the data source dialog was opened for. */
export type DialogRequest =
  { mode: 'create' } | { mode: 'edit'; source: DataSource } | { mode: 'copy'; source: DataSource };
