import { describe, expect, it } from 'vitest';
import { lastPageIfBeyond, readListParams, withFilterChange, writeListParams } from './list-params';

const read = (query: string) => readListParams(new URLSearchParams(query));

describe('the list state in the URL', () => {
  it('defaults to the newest first, page 1 of 20, no filters', () => {
    expect(read('')).toEqual({
      q: '',
      type: undefined,
      attribute: undefined,
      region: undefined,
      sort: '-createdAt',
      page: 1,
      size: 20,
    });
  });

  it('reads search, filters, sort and page', () => {
    expect(
      read('q=orders&type=POSTGRESQL&attribute=STANDBY&region=cn-hangzhou&sort=identifier&page=3&size=50'),
    ).toEqual({
      q: 'orders',
      type: 'POSTGRESQL',
      attribute: 'STANDBY',
      region: 'cn-hangzhou',
      sort: 'identifier',
      page: 3,
      size: 50,
    });
  });

  it('falls back to defaults for values a hand-edited link got wrong', () => {
    const params = read('type=MYSQL&attribute=MASTER&sort=host&page=-2&size=7');
    expect(params).toMatchObject({ type: undefined, attribute: undefined, sort: '-createdAt', page: 1, size: 20 });
  });

  it('writes only what differs from the defaults, and keeps the open drawer', () => {
    const written = writeListParams({ ...read(''), q: ' orders ', page: 2 }, new URLSearchParams('detail=abc'));
    expect(written.toString()).toBe('detail=abc&q=orders&page=2');
  });

  it('goes back to page 1 when a filter changes', () => {
    expect(withFilterChange({ ...read(''), page: 4 }, { attribute: 'PRIMARY' })).toMatchObject({
      page: 1,
      attribute: 'PRIMARY',
    });
  });

  it('survives a round trip through the URL', () => {
    const params = read('q=x&attribute=CHILD_NODE&sort=-identifier&page=5&size=100');
    expect(readListParams(writeListParams(params, new URLSearchParams()))).toEqual(params);
  });
});

describe('a page beyond the end', () => {
  it('is replaced by the last page that has rows', () => {
    expect(lastPageIfBeyond(40, 3, 20)).toBe(2);
    expect(lastPageIfBeyond(0, 2, 20)).toBe(1);
  });

  it('is left alone when it exists', () => {
    expect(lastPageIfBeyond(41, 3, 20)).toBeUndefined();
    expect(lastPageIfBeyond(0, 1, 20)).toBeUndefined();
  });
});
