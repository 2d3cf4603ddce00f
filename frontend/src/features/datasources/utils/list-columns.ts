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
