import { describe, expect, it } from 'vitest';
import { safeNext, signInHref } from './paths';

describe('where signing in leads', () => {
  it('is the page the user was at, with its query and fragment', () => {
    expect(safeNext('/audit?actor=jane&page=2#top')).toBe('/audit?actor=jane&page=2#top');
  });

  it('is the start page when nothing says otherwise', () => {
    expect(safeNext(null)).toBe('/');
    expect(safeNext('')).toBe('/');
  });

  it.each([
    ['https://evil.example/', 'an absolute address'],
    ['//evil.example/', 'a protocol-relative address'],
    ['/\\evil.example/', 'a backslash trick'],
    ['/\t/evil.example/', 'a tab browsers drop'],
    ['javascript:alert(1)', 'a script'],
    ['audit', 'a relative path'],
    ['/sign-in?next=%2Faudit', 'the sign-in page itself'],
  ])('is never %s (%s)', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it('is carried in the sign-in address, encoded, unless it is the start page', () => {
    expect(signInHref('/datasources?q=x')).toBe('/sign-in?next=%2Fdatasources%3Fq%3Dx');
    expect(signInHref('/')).toBe('/sign-in');
  });
});
