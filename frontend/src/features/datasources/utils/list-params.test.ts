import { describe, expect, it } from 'vitest';
import {
  hasFilters,
  lastPageIfBeyond,
  readListParams,
  toListQuery,
  withDetail,
  withFilterChange,
  writeListParams,
} from './list-params';

const read = (query: string) => readListParams(new URLSearchParams(query));

describe('the list state in the URL', () => {
  it('defaults to the newest first, page 1 of 20, no filters', () => {
    expect(read('')).toEqual({
      q: '',
      type: undefined,
      attribute: undefined,
      region: undefined,
      readiness: [],
      sort: '-createdAt',
      page: 1,
      size: 20,
    });
  });

  it('reads search, filters, sort and page', () => {
    expect(
      read(
        'q=orders&type=POSTGRESQL&attribute=STANDBY&region=cn-hangzhou&readiness=BLOCKED&sort=identifier&page=3&size=50',
      ),
    ).toEqual({
      q: 'orders',
      type: 'POSTGRESQL',
      attribute: 'STANDBY',
      region: 'cn-hangzhou',
      readiness: ['BLOCKED'],
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

  it('reads readiness states once each, worst first, without the ones it does not know', () => {
    expect(read('readiness=READY,UNKNOWN,BLOCKED,READY,LOST').readiness).toEqual(['BLOCKED', 'READY', 'UNKNOWN']);
    expect(toListQuery(read('readiness=UNREACHABLE,BLOCKED')).readiness).toBe('BLOCKED,UNREACHABLE');
    expect(toListQuery(read('readiness=')).readiness).toBeUndefined();
  });

  it('counts a readiness filter as a filter, which Clear filters removes', () => {
    expect(hasFilters(read('readiness=BLOCKED'))).toBe(true);
    expect(hasFilters(read(''))).toBe(false);
  });

  it('survives a round trip through the URL', () => {
    const params = read('q=x&attribute=CHILD_NODE&readiness=WARNINGS,BLOCKED&sort=-identifier&page=5&size=100');
    expect(readListParams(writeListParams(params, new URLSearchParams()))).toEqual(params);
  });

  it('keeps a search for an identifier with hyphens and underscores readable in the link', () => {
    const written = writeListParams({ ...read(''), q: 'pg-hz_01' }, new URLSearchParams());
    expect(written.toString()).toBe('q=pg-hz_01');
    expect(readListParams(written).q).toBe('pg-hz_01');
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

describe('the open drawer in the URL', () => {
  it('names the readiness tab, and leaves the default tab out', () => {
    const base = new URLSearchParams('q=orders&detailTab=readiness');
    expect(withDetail(base, 'abc', 'readiness').toString()).toBe('q=orders&detail=abc&detailTab=readiness');
    expect(withDetail(base, 'abc').toString()).toBe('q=orders&detail=abc');
  });

  it('closes with its tab', () => {
    expect(withDetail(new URLSearchParams('detail=abc&detailTab=readiness'), undefined).toString()).toBe('');
  });
});
