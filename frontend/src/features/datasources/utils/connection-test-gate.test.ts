import { describe, expect, it } from 'vitest';
import { INITIAL_GATE, canSave, gateReducer, gateStatus, type GateAction } from './connection-test-gate';
import { touchesConnection } from './form-fields';

const run = (...actions: GateAction[]) => actions.reduce(gateReducer, INITIAL_GATE);

describe('the gate in front of OK', () => {
  it('is closed before any test', () => {
    expect(gateStatus(INITIAL_GATE)).toBe('untested');
    expect(canSave(INITIAL_GATE, 'create')).toBe(false);
  });

  it('opens when a test of the current values passes', () => {
    const state = run({ kind: 'tested', revision: 0, passed: true });
    expect(canSave(state, 'create')).toBe(true);
  });

  it('stays closed when the test fails', () => {
    const state = run({ kind: 'tested', revision: 0, passed: false });
    expect(gateStatus(state)).toBe('failed');
    expect(canSave(state, 'create')).toBe(false);
  });

  it('closes again when a connection field changes after a passed test', () => {
    const state = run({ kind: 'tested', revision: 0, passed: true }, { kind: 'connectionChanged' });
    expect(gateStatus(state)).toBe('stale');
    expect(canSave(state, 'copy')).toBe(false);
  });

  it('ignores a passed test that started before the last change', () => {
    // Test started at revision 0, the operator typed meanwhile, then the answer came.
    const state = run({ kind: 'connectionChanged' }, { kind: 'tested', revision: 0, passed: true });
    expect(canSave(state, 'create')).toBe(false);
  });

  it('lets an edit that leaves the connection alone save without a test', () => {
    expect(canSave(INITIAL_GATE, 'edit')).toBe(true);
    expect(canSave(run({ kind: 'connectionChanged' }), 'edit')).toBe(false);
  });
});

describe('which changes touch the connection', () => {
  it('counts host, password and standby changes', () => {
    expect(touchesConnection({ host: 'x' })).toBe(true);
    expect(touchesConnection({ password: 'x' })).toBe(true);
    expect(
      touchesConnection({
        standby: { host: 'x', port: 1, username: '', passwordSource: 'password', password: '', passwordRef: '' },
      }),
    ).toBe(true);
  });

  it('does not count the identifier, region or remarks', () => {
    expect(touchesConnection({ identifier: 'x' })).toBe(false);
    expect(touchesConnection({ region: 'x' })).toBe(false);
    expect(touchesConnection({ remarks: 'x' })).toBe(false);
  });
});
