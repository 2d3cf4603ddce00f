import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';

/** The name the export is saved under: what DSM_PROVISIONING_DIR would hold. */
export const EXPORT_FILE_NAME = 'datasources.yaml';

/** The data sources managed through the API, as the text of a provisioning file (no passwords). */
export function fetchExport(): Promise<string> {
  return unwrap(api.GET('/api/datasources/export', { headers: { Accept: 'application/yaml' }, parseAs: 'text' }));
}
