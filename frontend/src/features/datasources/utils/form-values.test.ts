import { describe, expect, it } from 'vitest';
import { aDataSource } from '@/testing/fake-api';
import { emptyFormValues, formValuesFrom, toDataSourceInput, type DataSourceFormValues } from './form-values';

const filled = (overrides: Partial<DataSourceFormValues> = {}): DataSourceFormValues => ({
  ...emptyFormValues(['default']),
  identifier: 'orders01',
  host: ' 10.0.12.7 ',
  username: 'migrator',
  password: 's3cret',
  databaseName: 'orders',
  ...overrides,
});

describe('a blank form', () => {
  it('starts with PostgreSQL, Primary Database and port 5432', () => {
    expect(emptyFormValues([])).toMatchObject({ type: 'POSTGRESQL', attribute: 'PRIMARY', port: 5432 });
  });

  it('picks the only region, and leaves the choice open among several', () => {
    expect(emptyFormValues(['default']).region).toBe('default');
    expect(emptyFormValues(['a', 'b']).region).toBeUndefined();
  });
});

describe('the form of a stored data source', () => {
  const stored = aDataSource({ identifier: 'orders01', remarks: 'prod' });

  it('keeps the identifier for edit and empties it for copy', () => {
    expect(formValuesFrom(stored, 'edit', []).identifier).toBe('orders01');
    expect(formValuesFrom(stored, 'copy', []).identifier).toBe('');
  });

  it('never has a password: the API does not return one', () => {
    expect(formValuesFrom(stored, 'edit', []).password).toBe('');
    expect(formValuesFrom(stored, 'copy', []).password).toBe('');
  });

  it('copies every other field', () => {
    expect(formValuesFrom(stored, 'copy', [])).toMatchObject({
      host: '10.0.12.7',
      databaseName: 'orders',
      remarks: 'prod',
    });
  });
});

describe('a password reference', () => {
  it('opens an edit or a copy of a referenced data source with the reference chosen and filled in', () => {
    const stored = aDataSource({ passwordRef: 'file:orders01.pw' });
    for (const mode of ['edit', 'copy'] as const) {
      expect(formValuesFrom(stored, mode, [])).toMatchObject({
        passwordSource: 'reference',
        passwordRef: 'file:orders01.pw',
      });
    }
  });

  it('opens a data source with a stored password with the password chosen', () => {
    expect(formValuesFrom(aDataSource(), 'edit', [])).toMatchObject({ passwordSource: 'password', passwordRef: '' });
  });

  it('is sent, trimmed, instead of the password when chosen', () => {
    const input = toDataSourceInput(
      filled({ passwordSource: 'reference', passwordRef: ' env:DSM_SOURCE_ORDERS01_PASSWORD ' }),
      { mode: 'create', multiRegion: false },
    );
    expect(input.passwordRef).toBe('env:DSM_SOURCE_ORDERS01_PASSWORD');
    expect(input.password).toBeUndefined();
  });

  it('is left out when the password is chosen, even if one was typed before switching', () => {
    const input = toDataSourceInput(filled({ passwordSource: 'password', passwordRef: 'file:old.pw' }), {
      mode: 'create',
      multiRegion: false,
    });
    expect(input.password).toBe('s3cret');
    expect(input.passwordRef).toBeUndefined();
  });

  it("is sent for the standby on its own, beside the primary's password", () => {
    const input = toDataSourceInput(
      filled({
        attribute: 'PRIMARY_STANDBY',
        standby: {
          host: '10.0.12.8',
          port: 5432,
          username: '',
          passwordSource: 'reference',
          password: 'typed before',
          passwordRef: 'file:standby.pw',
        },
      }),
      { mode: 'create', multiRegion: false },
    );
    expect(input.standby).toMatchObject({ passwordRef: 'file:standby.pw', password: undefined });
    expect(input.password).toBe('s3cret');
  });
});

describe('the request body', () => {
  const options = { mode: 'create' as const, multiRegion: false };

  it('trims the host and leaves empty optional fields out', () => {
    const input = toDataSourceInput(filled(), options);
    expect(input.host).toBe('10.0.12.7');
    expect(input).not.toHaveProperty('schemaName', '');
    expect(input.remarks).toBeUndefined();
  });

  it('leaves an empty password out on edit, so the stored one is kept', () => {
    const input = toDataSourceInput(filled({ password: '' }), { mode: 'edit', version: 3, multiRegion: false });
    expect(input.password).toBeUndefined();
    expect(input.version).toBe(3);
  });

  it('sends a standby only with Primary + Standby', () => {
    const standby = {
      host: '10.0.12.8',
      port: 5433,
      username: '',
      passwordSource: 'password' as const,
      password: '',
      passwordRef: '',
    };
    expect(toDataSourceInput(filled({ attribute: 'PRIMARY', standby }), options).standby).toBeUndefined();
    expect(toDataSourceInput(filled({ attribute: 'PRIMARY_STANDBY', standby }), options).standby).toEqual({
      host: '10.0.12.8',
      port: 5433,
      username: undefined,
      password: undefined,
    });
  });

  it('turns the heartbeat off for attributes that cannot have one', () => {
    expect(toDataSourceInput(filled({ attribute: 'STANDBY', heartbeatEnabled: true }), options).heartbeatEnabled).toBe(
      false,
    );
    expect(toDataSourceInput(filled({ attribute: 'PRIMARY', heartbeatEnabled: true }), options).heartbeatEnabled).toBe(
      true,
    );
  });

  it('sends the heartbeat schema only with the heartbeat on', () => {
    const on = filled({ heartbeatEnabled: true, heartbeatSchema: ' ops ' });
    expect(toDataSourceInput(on, options).heartbeatSchema).toBe('ops');
    expect(toDataSourceInput({ ...on, heartbeatEnabled: false }, options).heartbeatSchema).toBeUndefined();
    expect(toDataSourceInput({ ...on, heartbeatSchema: '' }, options).heartbeatSchema).toBeUndefined();
  });

  it('sends the region only when there is a choice', () => {
    expect(toDataSourceInput(filled({ region: 'a' }), options).region).toBeUndefined();
    expect(toDataSourceInput(filled({ region: 'a' }), { ...options, multiRegion: true }).region).toBe('a');
  });

  it('sends TLS as chosen, with the CA certificate only for a mode that verifies', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(toDataSourceInput(filled(), options).tls).toEqual({ mode: 'prefer', caCertificate: null });
    expect(toDataSourceInput(filled({ tls: { mode: 'verify-full', caCertificate: pem } }), options).tls).toEqual({
      mode: 'verify-full',
      caCertificate: pem,
    });
    expect(toDataSourceInput(filled({ tls: { mode: 'require', caCertificate: pem } }), options).tls).toEqual({
      mode: 'require',
      caCertificate: null,
    });
  });
});
