import type { ReactNode } from 'react';
import type { DataSourcePage, DataSourceSort } from '@/lib/api/types';
import type { RowTest } from '../api/use-row-connection-tests';
import type { OptionalColumn } from '../utils/list-columns';
import type { DetailTab, ListParams } from '../utils/list-params';
import type { RowActionHandlers } from './RowActions';

/** What the table (wide screens) and the card list (phones) both show and do. */
export interface ListViewProps extends RowActionHandlers {
  page: DataSourcePage | undefined;
  params: ListParams;
  loading: boolean;
  multiRegion: boolean;
  /** dsm's own columns the user chose to show beside the seed's (the table; cards show what fits). */
  optionalColumns: readonly OptionalColumn[];
  tests: ReadonlyMap<string, RowTest>;
  /** A row to draw attention to, e.g. the one just created. */
  highlightId: string | undefined;
  emptyText: ReactNode;
  detailHref: (id: string, tab?: DetailTab) => string;
  onOpenDetail: (id: string, tab?: DetailTab) => void;
  onPageChange: (page: number, size: number) => void;
  onSortChange: (sort: DataSourceSort) => void;
}
