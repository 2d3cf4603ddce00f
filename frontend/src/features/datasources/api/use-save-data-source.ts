import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import type { DataSource, DataSourceInput } from '@/lib/api/types';
import { dataSourceKeys } from './query-keys';

/** What the dialog saves: a new data source, or a replacement of an existing one at a version. */
export type SaveRequest =
  { kind: 'create'; input: DataSourceInput } | { kind: 'update'; id: string; input: DataSourceInput };

function save(request: SaveRequest): Promise<DataSource> {
  if (request.kind === 'create') {
    return unwrap(api.POST('/api/datasources', { body: request.input }));
  }
  return unwrap(api.PUT('/api/datasources/{id}', { params: { path: { id: request.id } }, body: request.input }));
}

export function useSaveDataSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async (saved) => {
      queryClient.setQueryData(dataSourceKeys.detail(saved.id), saved);
      // Awaited: the mutation settles only once the visible list has the new row, so the dialog
      // closes onto a list that already shows it.
      await queryClient.invalidateQueries({ queryKey: dataSourceKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: dataSourceKeys.all, refetchType: 'none' });
    },
  });
}
