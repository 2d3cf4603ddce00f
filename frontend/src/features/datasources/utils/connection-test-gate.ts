/**
 * The gate in front of OK. Every connection edit raises `revision`; a test result counts only for
 * the revision it was started at, so a test that passed for yesterday's host, or that was still
 * running while the operator typed, never enables OK.
 */
export interface GateState {
  revision: number;
  lastTest: { revision: number; passed: boolean } | null;
}

export type GateStatus =
  | 'untested' // no test yet
  | 'passed' // the last test passed, for exactly the values on screen
  | 'failed' // the last test failed, for exactly the values on screen
  | 'stale'; // the values changed after the last test

export const INITIAL_GATE: GateState = { revision: 0, lastTest: null };

export type GateAction =
  { kind: 'connectionChanged' } | { kind: 'tested'; revision: number; passed: boolean } | { kind: 'reset' };

export function gateReducer(state: GateState, action: GateAction): GateState {
  switch (action.kind) {
    case 'connectionChanged':
      return { ...state, revision: state.revision + 1 };
    case 'tested':
      return { ...state, lastTest: { revision: action.revision, passed: action.passed } };
    case 'reset':
      return INITIAL_GATE;
  }
}

export function gateStatus(state: GateState): GateStatus {
  if (state.lastTest === null) return 'untested';
  if (state.lastTest.revision !== state.revision) return 'stale';
  return state.lastTest.passed ? 'passed' : 'failed';
}

/**
 * Whether OK may be pressed. On edit, a form whose connection fields were never touched saves
 * without a new test: nothing about the connection changes, and a remark should not need the
 * database to be up.
 */
export function canSave(state: GateState, mode: 'create' | 'edit' | 'copy'): boolean {
  if (mode === 'edit' && state.revision === 0) return true;
  return gateStatus(state) === 'passed';
}
