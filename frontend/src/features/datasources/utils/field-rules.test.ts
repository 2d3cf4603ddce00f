import { describe, expect, it } from 'vitest';
import {
  checkCaCertificate,
  checkHost,
  checkIdentifier,
  checkName,
  checkPassword,
  checkPort,
  checkRemarks,
} from './field-rules';

describe('the identifier rule', () => {
  it('accepts up to 32 letters, digits, underscores and hyphens', () => {
    for (const value of ['orderDB01', 'orders_prod', 'pg-hz-01', 'a'.repeat(32)]) {
      expect(checkIdentifier(value)).toBeUndefined();
    }
  });

  it('requires a value', () => {
    expect(checkIdentifier('')).toEqual({ code: 'required' });
  });

  it('rejects spaces, other punctuation and non-ASCII letters', () => {
    for (const value of ['order db', 'pg.hz.01', 'naïve', '数据库']) {
      expect(checkIdentifier(value)).toEqual({ code: 'identifierChars' });
    }
  });

  it('rejects a 33rd character, counting underscores and hyphens', () => {
    expect(checkIdentifier('pg-hz_' + 'a'.repeat(27))).toEqual({ code: 'maxChars', max: 32 });
  });
});

describe('the host rule', () => {
  it('accepts IPv4, IPv6 literals and DNS names', () => {
    for (const value of ['10.0.12.7', 'fd00::7', 'db-1.example.com']) {
      expect(checkHost(value)).toBeUndefined();
    }
  });

  it('ignores surrounding spaces, which are trimmed on save', () => {
    expect(checkHost('  10.0.12.7 ')).toBeUndefined();
  });

  it('rejects every character that could smuggle URL parts into a connection', () => {
    for (const character of [' ', '/', '?', '#', '&', ';', '=', '@', ',', '\\', '%', "'", '"', '`']) {
      expect(checkHost(`db${character}x`)).toEqual({ code: 'hostChars' });
    }
  });
});

describe('the port rule', () => {
  it('accepts whole numbers from 1 to 65535', () => {
    expect(checkPort(1)).toBeUndefined();
    expect(checkPort(65535)).toBeUndefined();
  });

  it('rejects 0, 65536 and fractions', () => {
    expect(checkPort(0)).toEqual({ code: 'port', min: 1, max: 65535 });
    expect(checkPort(65536)).toEqual({ code: 'port', min: 1, max: 65535 });
    expect(checkPort(5432.5)).toEqual({ code: 'port', min: 1, max: 65535 });
  });

  it('requires a value', () => {
    expect(checkPort(null)).toEqual({ code: 'required' });
  });
});

describe('the PostgreSQL name rule', () => {
  it('counts bytes, not characters: 21 Chinese characters fit, 22 do not', () => {
    expect(checkName('数'.repeat(21), { required: true })).toBeUndefined();
    expect(checkName('数'.repeat(22), { required: true })).toEqual({ code: 'bytes', max: 63 });
  });

  it('rejects a name of spaces only', () => {
    expect(checkName('   ', { required: true })).toEqual({ code: 'blank' });
  });

  it('lets an optional name stay empty', () => {
    expect(checkName('', { required: false })).toBeUndefined();
  });
});

describe('the password rule', () => {
  it('requires a password on create and not on edit', () => {
    expect(checkPassword('', { required: true })).toEqual({ code: 'required' });
    expect(checkPassword('', { required: false })).toBeUndefined();
  });
});

describe('the remarks rule', () => {
  it('allows 128 characters and not 129', () => {
    expect(checkRemarks('x'.repeat(128))).toBeUndefined();
    expect(checkRemarks('x'.repeat(129))).toEqual({ code: 'maxChars', max: 128 });
  });
});

describe('the CA certificate rule', () => {
  it('wants a PEM certificate', () => {
    expect(checkCaCertificate('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----')).toBeUndefined();
    expect(checkCaCertificate('not a certificate')).toEqual({ code: 'pem' });
  });

  it('may stay empty: the trusted authorities of the service are used then', () => {
    expect(checkCaCertificate('')).toBeUndefined();
  });
});
