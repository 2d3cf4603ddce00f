import { describe, expect, it } from 'vitest';
import { storeColumns, storedColumns } from './list-columns';

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
