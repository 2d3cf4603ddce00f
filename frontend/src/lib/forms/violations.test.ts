import { describe, expect, it } from 'vitest';
import { fieldsNamed, sentenceText, splitViolations, toNamePath, type NamePath } from './violations';

/** A form with a host, a standby port, and an attribute that answers for the whole standby. */
const fieldFor = (name: NamePath): NamePath | undefined => {
  const key = name.join('.');
  if (key === 'host' || key === 'standby.port') return name;
  return key === 'standby' ? ['attribute'] : undefined;
};

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
  it('puts a nested violation on its nested field', () => {
    const { fields } = splitViolations([{ field: 'standby.port', message: 'must be between 1 and 65535' }], {
      fieldFor,
    });
    expect(fields).toEqual([{ name: ['standby', 'port'], errors: ['must be between 1 and 65535'] }]);
  });

  it('gathers several messages of one field together', () => {
    const { fields } = splitViolations(
      [
        { field: 'host', message: 'first' },
        { field: 'host', message: 'second' },
      ],
      { fieldFor },
    );
    expect(fields).toEqual([{ name: ['host'], errors: ['first', 'second'] }]);
  });

  it('keeps violations without a form field, so the form can still show them', () => {
    const { fields, other } = splitViolations([{ field: 'version', message: 'is out of date' }], { fieldFor });
    expect(fields).toEqual([]);
    expect(other).toEqual([{ field: 'version', message: 'is out of date' }]);
  });

  it('names the subject of a violation shown on another field', () => {
    const { fields } = splitViolations([{ field: 'standby', message: 'is allowed only with PRIMARY_STANDBY' }], {
      fieldFor,
    });
    expect(fields).toEqual([{ name: ['attribute'], errors: ['standby is allowed only with PRIMARY_STANDBY'] }]);
  });

  it('writes messages as sentences when asked to', () => {
    const { fields, other } = splitViolations(
      [
        { field: 'username', message: 'is already taken' },
        { field: 'role', message: 'is unknown' },
      ],
      { fieldFor: fieldsNamed(['username']), text: sentenceText },
    );
    expect(fields).toEqual([{ name: ['username'], errors: ['Is already taken'] }]);
    expect(other).toEqual([{ field: 'role', message: 'is unknown' }]);
  });
});
