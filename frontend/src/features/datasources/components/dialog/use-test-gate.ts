import { useCallback, useReducer } from 'react';
import { INITIAL_GATE, canSave, gateReducer, gateStatus } from '../../utils/connection-test-gate';
import { touchesConnection } from '../../utils/form-fields';
import type { DataSourceFormValues } from '../../utils/form-values';
import type { DialogRequest } from './dialog-request';

/** The test gate in front of OK, raised by every connection edit and opened by a passed test. */
export function useTestGate(mode: DialogRequest['mode']) {
  const [gate, dispatch] = useReducer(gateReducer, INITIAL_GATE);

  const onValuesChange = useCallback((changed: Partial<DataSourceFormValues>) => {
    if (touchesConnection(changed)) dispatch({ kind: 'connectionChanged' });
  }, []);
  const onTested = useCallback(
    (revision: number, passed: boolean) => dispatch({ kind: 'tested', revision, passed }),
    [],
  );
  const reset = useCallback(() => dispatch({ kind: 'reset' }), []);

  return {
    revision: gate.revision,
    status: gateStatus(gate),
    okEnabled: canSave(gate, mode),
    connectionUntouched: gate.revision === 0,
    onValuesChange,
    onTested,
    reset,
  };
}
