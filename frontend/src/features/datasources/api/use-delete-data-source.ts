import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError, unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { dataSourceKeys } from './query-keys';

export interface DeleteRequest {
  id: string;
  /** Also drop the oms_postgres_heartbeat table from the database (when heartbeat was on). */
  dropHeartbeatTable: boolean;
}

/** Deleting what someone else deleted already leaves the operator where they wanted to be. */
async function remove({ id, dropHeartbeatTable }: DeleteRequest): Promise<void> {
  try {
    await unwrap(
      api.DELETE('/api/datasources/{id}', {
        params: { path: { id }, query: dropHeartbeatTable ? { dropHeartbeatTable } : undefined },
      }),
    );
  } catch (error) {
    if (!(isApiError(error) && error.status === 404)) throw error;
  }
}

export function useDeleteDataSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: remove,
    onSuccess: async (_nothing, { id }) => {
      queryClient.removeQueries({ queryKey: dataSourceKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: dataSourceKeys.lists() });
    },
  });
}
