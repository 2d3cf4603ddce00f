import { describe, expect, it } from 'vitest';
import {
  OPTIONAL_COLUMNS,
  TABLE_ROOM_AT_1280,
  needsDense,
  storeColumns,
  storedColumns,
  tableWidth,
  type ListColumn,
} from './list-columns';

const SEED_COLUMNS: ListColumn[] = ['identifier', 'type', 'endpoint', 'username', 'createdAt', 'actions'];

describe("the list's optional columns", () => {
  it('are none until the user chooses some', () => {
    expect(storedColumns()).toEqual([]);
  });

  it('are remembered as chosen, in the order of the table', () => {
    storeColumns(['readiness', 'database']);
    expect(storedColumns()).toEqual(['database', 'readiness']);
  });

  it('ignore what is no optional column', () => {
    window.localStorage.setItem('dsm.list.columns', JSON.stringify(['heartbeat', 'password', 42]));
    expect(storedColumns()).toEqual(['heartbeat']);
  });

  it('are none when the remembered value is not a list', () => {
    window.localStorage.setItem('dsm.list.columns', '{not json');
    expect(storedColumns()).toEqual([]);
    window.localStorage.setItem('dsm.list.columns', '"readiness"');
    expect(storedColumns()).toEqual([]);
  });
});

describe("the list's column widths", () => {
  it('keep the seed spacing while the chosen columns fit 1280 px', () => {
    expect(needsDense(SEED_COLUMNS)).toBe(false);
    expect(needsDense([...SEED_COLUMNS, 'database', 'readiness'])).toBe(false);
  });

  it('go dense when every column is chosen, and then fit 1280 px', () => {
    const every: ListColumn[] = [...SEED_COLUMNS, ...OPTIONAL_COLUMNS];
    expect(needsDense(every)).toBe(true);
    expect(tableWidth(every, true)).toBeLessThanOrEqual(TABLE_ROOM_AT_1280);
  });
});
