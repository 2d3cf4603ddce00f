import { describe, expect, it } from 'vitest';
import { readAuditParams, toAuditQuery, writeAuditParams } from './audit-params';

const read = (query: string) => readAuditParams(new URLSearchParams(query));

describe('the audit query', () => {
  it('asks for the newest page of 50 when no filter is set', () => {
    expect(toAuditQuery(read(''))).toEqual({
      actor: undefined,
      action: undefined,
      outcome: undefined,
      dataSourceId: undefined,
      from: undefined,
      to: undefined,
      page: 1,
      size: 50,
    });
  });

  it('carries actor, action, outcome, data source, page and size as the URL says', () => {
    const query = toAuditQuery(
      read(
        'actor=%20Jane.Doe%20&action=DATA_SOURCE_UPDATED&outcome=FAILURE&page=3&size=100' +
          '&dataSourceId=0A1B2C3D-0000-4000-8000-000000000001',
      ),
    );

    expect(query).toMatchObject({
      actor: 'Jane.Doe',
      action: 'DATA_SOURCE_UPDATED',
      outcome: 'FAILURE',
      dataSourceId: '0a1b2c3d-0000-4000-8000-000000000001',
      page: 3,
      size: 100,
    });
  });

  it('includes the whole last minute of a time range: the server excludes its end', () => {
    const query = toAuditQuery(read('from=2026-11-24T08:00:00.000Z&to=2026-11-24T09:30:00.000Z'));

    expect(query.from).toBe('2026-11-24T08:00:00.000Z');
    expect(query.to).toBe('2026-11-24T09:31:00.000Z');
  });

  it('leaves an open end open: "since 08:00" lists up to now', () => {
    const query = toAuditQuery(read('from=2026-11-24T08:00:00.000Z'));

    expect(query.from).toBe('2026-11-24T08:00:00.000Z');
    expect(query.to).toBeUndefined();
  });

  it('ignores what it does not understand rather than sending it to be rejected', () => {
    expect(toAuditQuery(read('action=DROP_TABLE&outcome=maybe&from=yesterday&size=7&page=-2&dataSourceId=1'))).toEqual(
      toAuditQuery(read('')),
    );
  });

  it('round-trips through the URL, leaving defaults out', () => {
    const params = read('actor=jane&outcome=SUCCESS&page=2');

    expect(writeAuditParams(params).toString()).toBe('actor=jane&outcome=SUCCESS&page=2');
    expect(writeAuditParams(read('size=50&page=1')).toString()).toBe('');
  });
});
