import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError, unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { dataSourceKeys } from './query-keys';

/** After a 409 a check is running already; its result is stored within the test timeout. */
const RUNNING_CHECK_WAIT_MS = 3_000;

function recheck(id: string) {
  return unwrap(api.POST('/api/datasources/{id}/readiness', { params: { path: { id } } }));
}

/**
 * "Re-check now": the server checks at once and answers with the new state, report and history,
 * which the drawer shows as they are; the list and details then ask for the new state. After a
 * 409 (a check was running) the drawer asks again shortly, to show that check's result.
 */
export function useRecheckReadiness(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => recheck(id),
    onSuccess: async (readiness) => {
      queryClient.setQueryData(dataSourceKeys.readiness(id), readiness);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dataSourceKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: dataSourceKeys.detail(id) }),
      ]);
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        window.setTimeout(
          () => void queryClient.invalidateQueries({ queryKey: dataSourceKeys.readiness(id) }),
          RUNNING_CHECK_WAIT_MS,
        );
      }
    },
  });
}
