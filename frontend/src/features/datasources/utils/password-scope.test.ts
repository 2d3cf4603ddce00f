import { describe, expect, it } from 'vitest';
import type { DataSource } from '@/lib/api/types';
import { aDataSource } from '@/testing/fake-api';
import { formValuesFrom, toDataSourceInput, type DataSourceFormValues } from './form-values';
import { movedEndpoints } from './password-scope';

const pair = aDataSource({
  attribute: 'PRIMARY_STANDBY',
  host: 'Orders.Example.COM',
  tls: { mode: 'verify-ca', caCertificate: '-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----' },
  standby: { host: '10.0.12.8', port: 5433, username: 'migrator', passwordSet: true, passwordRef: null },
});

const edit = (source: DataSource, change: (values: DataSourceFormValues) => DataSourceFormValues) => {
  const options = { mode: 'edit', version: source.version, multiRegion: false } as const;
  const values = formValuesFrom(source, 'edit', ['default']);
  return movedEndpoints(toDataSourceInput(values, options), toDataSourceInput(change(values), options));
};

describe('the endpoint a saved password belongs to', () => {
  it.each<[string, (values: DataSourceFormValues) => DataSourceFormValues]>([
    ['host', (values) => ({ ...values, host: 'elsewhere.example.com' })],
    ['port', (values) => ({ ...values, port: 6432 })],
    ['username', (values) => ({ ...values, username: 'someone' })],
    ['TLS mode', (values) => ({ ...values, tls: { ...values.tls, mode: 'verify-full' } })],
    ['CA certificate', (values) => ({ ...values, tls: { ...values.tls, caCertificate: 'another' } })],
  ])('moves when the %s changes', (_, change) => {
    expect(edit(pair, change).primary).toBe(true);
  });

  it('stays for the same host name in other letters, as DNS compares them', () => {
    expect(edit(pair, (values) => ({ ...values, host: 'orders.example.com' })).primary).toBe(false);
  });

  it('stays for fields that do not say where the password goes', () => {
    const moved = edit(pair, (values) => ({ ...values, databaseName: 'invoices', remarks: 'moved', schemaName: 'x' }));
    expect(moved).toEqual({ primary: false, standby: false });
  });

  it('moves the standby, and only the standby, with its host', () => {
    expect(edit(pair, (values) => ({ ...values, standby: { ...values.standby, host: '10.0.12.9' } }))).toEqual({
      primary: false,
      standby: true,
    });
  });

  it("moves the standby with the primary's username when it has none of its own", () => {
    expect(edit(pair, (values) => ({ ...values, username: 'someone' })).standby).toBe(true);
  });

  it("keeps the standby where it was when it has a username of its own and the primary's changes", () => {
    const own = aDataSource({
      attribute: 'PRIMARY_STANDBY',
      standby: { host: '10.0.12.8', port: 5433, username: 'replica', passwordSet: true, passwordRef: null },
    });
    expect(edit(own, (values) => ({ ...values, username: 'someone' })).standby).toBe(false);
  });

  it('moves both halves when their shared TLS settings change', () => {
    expect(edit(pair, (values) => ({ ...values, tls: { ...values.tls, mode: 'require' } }))).toEqual({
      primary: true,
      standby: true,
    });
  });

  it('counts a standby added by the edit as moved', () => {
    const primary = aDataSource();
    const moved = edit(primary, (values) => ({
      ...values,
      attribute: 'PRIMARY_STANDBY',
      standby: { ...values.standby, host: '10.0.12.8' },
    }));
    expect(moved).toEqual({ primary: false, standby: true });
  });
});
