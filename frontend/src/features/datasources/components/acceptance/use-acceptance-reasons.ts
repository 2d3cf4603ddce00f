import type { DataSource } from '@/lib/api/types';
import { usePermissions } from '@/lib/auth/authorization';
import { useMessages } from '@/lib/i18n/i18n-context';

/**
 * Who may accept and revoke risks on a data source: operators and administrators (the API's
 * OPERATOR role), where no provisioning file manages the source's acceptances. `why` says why not
 * for a provisioned source, to show beside a disabled control; viewers are shown no control at all.
 */
export function useAcceptanceReasons(dataSource: Pick<DataSource, 'provisionedBy'>) {
  const m = useMessages();
  const mayAccept = usePermissions().can('changeDataSources');
  const file = dataSource.provisionedBy;
  return {
    shown: mayAccept,
    why: file ? m.acceptance.managedByFile(file) : undefined,
  };
}
