import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError, unwrap } from '@/lib/api/api-error';
import { dataSourceKeys } from './query-keys';

export interface DeleteRequest {
  id: string;
  /** Also drop the oms_postgres_heartbeat table from the database (when heartbeat was on). */
  dropHeartbeatTable: boolean;
}

/**
 * Whether the API can drop the heartbeat table on delete. The backend announced
 * `DELETE /api/datasources/{id}?dropHeartbeatTable=true`; until its document has the parameter
 * the console does not offer what it cannot send.
 */
export const CAN_DROP_HEARTBEAT_TABLE: boolean = false;

/** Deleting what someone else deleted already leaves the operator where they wanted to be. */
async function remove({ id }: DeleteRequest): Promise<void> {
  try {
    await unwrap(api.DELETE('/api/datasources/{id}', { params: { path: { id } } }));
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
