import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import type { ConnectionTestInput, ConnectionTestResult, DataSourceInput } from '@/lib/api/types';

/**
 * What to test: values typed in the dialog (create and copy), or a stored data source, as stored
 * (a row's Test Connection) or with the edit form's values.
 */
export type ConnectionTestRequest =
  { kind: 'unsaved'; input: DataSourceInput } | { kind: 'stored'; id: string; input?: DataSourceInput };

/**
 * The body of a test: the form's values, without an empty identifier. A stored data source is
 * tested with its stored password when the edit form leaves it empty, so the body may lack it.
 */
function testBody(input: DataSourceInput): ConnectionTestInput {
  return { ...input, identifier: input.identifier || undefined };
}

function testConnection(request: ConnectionTestRequest, signal?: AbortSignal): Promise<ConnectionTestResult> {
  if (request.kind === 'unsaved') {
    return unwrap(api.POST('/api/datasources/test-connection', { body: testBody(request.input), signal }));
  }
  return unwrap(
    api.POST('/api/datasources/{id}/test-connection', {
      params: { path: { id: request.id } },
      body: request.input && testBody(request.input),
      signal,
    }),
  );
}

/** A connection test. Not cached: each press tests again, and the request may carry a password. */
export function useTestConnection() {
  return useMutation({ mutationFn: (request: ConnectionTestRequest) => testConnection(request) });
}
