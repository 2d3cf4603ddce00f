import { readStored, writeStored } from '@/lib/dom/browser-storage';

/**
 * The list always shows the seed's columns (identifier, type, host and port, username, added at)
 * and the row actions. These are dsm's own, which each user may add after them, in this order.
 */
export const OPTIONAL_COLUMNS = ['database', 'region', 'attribute', 'heartbeat', 'readiness'] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

/** The optional columns that say something here: the region only where there is a choice of regions. */
export function availableColumns(multiRegion: boolean): OptionalColumn[] {
  return OPTIONAL_COLUMNS.filter((column) => column !== 'region' || multiRegion);
}

/**
 * Each column's width as the seed spaces it (roomy) and as narrow as its header and content allow
 * (dense: the row actions become icons). The seed's columns alone fit 1280 px roomy; with enough
 * of dsm's beside them the list goes dense, so that all of them still fit and no header slides
 * under the fixed actions.
 */
const WIDTHS = {
  identifier: { roomy: 130, dense: 118 },
  type: { roomy: 100, dense: 100 },
  endpoint: { roomy: 140, dense: 124 },
  username: { roomy: 96, dense: 90 },
  createdAt: { roomy: 120, dense: 120 },
  database: { roomy: 120, dense: 100 },
  region: { roomy: 100, dense: 80 },
  attribute: { roomy: 110, dense: 90 },
  heartbeat: { roomy: 96, dense: 90 },
  readiness: { roomy: 124, dense: 100 },
  actions: { roomy: 264, dense: 164 },
} as const;
export type ListColumn = keyof typeof WIDTHS;

/** What a 1280 px window leaves the table: less the page's margins and a scrollbar. */
export const TABLE_ROOM_AT_1280 = 1200;

/** Whether these columns fit 1280 px only at their dense widths. */
export function needsDense(columns: readonly ListColumn[]): boolean {
  return tableWidth(columns, false) > TABLE_ROOM_AT_1280;
}

export function columnWidth(column: ListColumn, dense: boolean): number {
  return WIDTHS[column][dense ? 'dense' : 'roomy'];
}

export function tableWidth(columns: readonly ListColumn[], dense: boolean): number {
  return columns.reduce((sum, column) => sum + columnWidth(column, dense), 0);
}

const STORAGE_KEY = 'dsm.list.columns';

/** The optional columns this browser's user chose to show; none until they choose. */
export function storedColumns(): OptionalColumn[] {
  const value = readStored(STORAGE_KEY);
  if (value === null) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    // Whatever an older or a hand-edited value holds, only known columns count, in the table's order.
    return Array.isArray(parsed) ? OPTIONAL_COLUMNS.filter((column) => parsed.includes(column)) : [];
  } catch {
    return [];
  }
}

export function storeColumns(columns: readonly OptionalColumn[]): void {
  writeStored(STORAGE_KEY, JSON.stringify(columns));
}
