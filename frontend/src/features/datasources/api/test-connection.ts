import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import type { DataSourceInput } from '@/lib/api/types';
import type { ConnectionTestResult } from './pending-contract';

/**
 * What to test: values typed in the dialog (create and copy), or a stored data source, optionally
 * with edited values (edit; an absent password means the stored one).
 */
export type ConnectionTestRequest =
  | { kind: 'unsaved'; input: Omit<DataSourceInput, 'identifier'> & { identifier?: string } }
  | { kind: 'stored'; id: string; input?: DataSourceInput };

/**
 * POST without the generated client: the backend announced these endpoints, its OpenAPI document
 * does not have them yet. Replace with `api.POST(...)` when it does.
 */
async function postJson(path: string, body: unknown) {
  const response = await globalThis.fetch(new URL(path, globalThis.location.origin), {
    method: 'POST',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return response.ok
    ? { data: parsed as ConnectionTestResult, response }
    : { error: parsed ?? text, response };
}

export function testConnection(request: ConnectionTestRequest): Promise<ConnectionTestResult> {
  if (request.kind === 'unsaved') {
    return unwrap(postJson('/api/datasources/test-connection', request.input));
  }
  return unwrap(postJson(`/api/datasources/${encodeURIComponent(request.id)}/test-connection`, request.input));
}

/** A connection test. Not cached: each press tests again, and the request may carry a password. */
export function useTestConnection() {
  return useMutation({ mutationFn: testConnection });
}
