import { describe, expect, it } from 'vitest';
import { formFieldFor } from './form-fields';
import { splitViolations, toNamePath } from './violation-paths';

describe('a violation path', () => {
  it('becomes a form name path', () => {
    expect(toNamePath('standby.port')).toEqual(['standby', 'port']);
    expect(toNamePath('host')).toEqual(['host']);
  });

  it('keeps array indexes as numbers and ignores a JSONPath root', () => {
    expect(toNamePath('$.checks[0].name')).toEqual(['checks', 0, 'name']);
  });
});

describe('splitting server violations', () => {
  it('puts a standby violation on the standby field', () => {
    const { fields } = splitViolations(
      [{ field: 'standby.port', message: 'must be between 1 and 65535' }],
      formFieldFor,
    );
    expect(fields).toEqual([{ name: ['standby', 'port'], errors: ['must be between 1 and 65535'] }]);
  });

  it('gathers several messages of one field together', () => {
    const { fields } = splitViolations(
      [
        { field: 'host', message: 'first' },
        { field: 'host', message: 'second' },
      ],
      formFieldFor,
    );
    expect(fields).toEqual([{ name: ['host'], errors: ['first', 'second'] }]);
  });

  it('keeps violations without a form field, so the dialog can still show them', () => {
    const { fields, other } = splitViolations([{ field: 'version', message: 'is out of date' }], formFieldFor);
    expect(fields).toEqual([]);
    expect(other).toEqual([{ field: 'version', message: 'is out of date' }]);
  });

  it('puts a violation about the whole standby on the attribute that asks for it, naming it', () => {
    const { fields } = splitViolations(
      [{ field: 'standby', message: 'is allowed only with attribute PRIMARY_STANDBY' }],
      formFieldFor,
    );
    expect(fields).toEqual([
      { name: ['attribute'], errors: ['standby is allowed only with attribute PRIMARY_STANDBY'] },
    ]);
  });
});
