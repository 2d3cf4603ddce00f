import { useEffect, useMemo, useRef } from 'react';

interface Pending<A> {
  timer: ReturnType<typeof setTimeout>;
  args: A;
}

/**
 * A stable function that calls the latest `callback` once calls have paused for `delayMs`;
 * `flush` runs a pending call now (e.g. on Enter), `cancel` drops it.
 */
export function useDebouncedCallback<A extends unknown[]>(callback: (...args: A) => void, delayMs: number) {
  const latest = useRef(callback);
  const pending = useRef<Pending<A> | undefined>(undefined);
  useEffect(() => {
    latest.current = callback;
  });

  const debounced = useMemo(() => {
    const cancel = () => {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = undefined;
    };
    const flush = () => {
      const due = pending.current;
      cancel();
      if (due) latest.current(...due.args);
    };
    const call = (...args: A) => {
      cancel();
      pending.current = { timer: setTimeout(flush, delayMs), args };
    };
    return { call, flush, cancel };
  }, [delayMs]);

  useEffect(() => debounced.cancel, [debounced]);
  return debounced;
}
