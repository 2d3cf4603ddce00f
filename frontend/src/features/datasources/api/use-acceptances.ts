import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError, unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import type { AcceptanceInput } from '@/lib/api/types';
import { dataSourceKeys } from './query-keys';

/** The risks accepted on one data source, newest first, expired ones included for the record. */
export function useAcceptances(id: string) {
  return useQuery({
    queryKey: dataSourceKeys.acceptances(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/datasources/{id}/acceptances', { params: { path: { id } }, signal })),
  });
}

/**
 * An acceptance changes what counts from the next check on: the list of acceptances at once, and
 * the readiness, the row and the details once a check has run (the watch's, or a re-check).
 */
function refreshAfterChange(queryClient: QueryClient, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: dataSourceKeys.acceptances(id) }),
    queryClient.invalidateQueries({ queryKey: dataSourceKeys.readiness(id) }),
    queryClient.invalidateQueries({ queryKey: dataSourceKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: dataSourceKeys.lists() }),
  ]);
}

/** "Accept risk…": POST /api/datasources/{id}/acceptances. */
export function useAcceptRisk(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptanceInput) =>
      unwrap(api.POST('/api/datasources/{id}/acceptances', { params: { path: { id } }, body: input })),
    onSuccess: () => refreshAfterChange(queryClient, id),
  });
}

/** Revoking what someone else revoked already leaves the operator where they wanted to be. */
async function revoke(id: string, acceptanceId: string): Promise<void> {
  try {
    await unwrap(
      api.DELETE('/api/datasources/{id}/acceptances/{acceptanceId}', { params: { path: { id, acceptanceId } } }),
    );
  } catch (error) {
    if (!(isApiError(error) && error.status === 404)) throw error;
  }
}

/** "Revoke": DELETE /api/datasources/{id}/acceptances/{acceptanceId}. */
export function useRevokeAcceptance(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (acceptanceId: string) => revoke(id, acceptanceId),
    onSuccess: () => refreshAfterChange(queryClient, id),
  });
}
