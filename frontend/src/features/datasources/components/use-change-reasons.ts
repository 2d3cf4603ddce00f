import type { DataSource } from '@/lib/api/types';
import { usePermissions } from '@/lib/auth/authorization';
import { useMessages } from '@/lib/i18n/i18n-context';

/**
 * Why a data source's actions are off, in words for their tooltips; undefined where they are on.
 * The role can rule out every change. A provisioning file rules out Edit and Delete of what it
 * declares (the API would answer 409): changes go through the file. Copy stays: it makes a new
 * data source managed here. Test Connection changes nothing and stays too.
 */
export function useChangeReasons() {
  const m = useMessages();
  const cannotChange = usePermissions().whyNot('changeDataSources');
  return {
    copy: cannotChange,
    change: (dataSource: Pick<DataSource, 'provisionedBy'>): string | undefined =>
      cannotChange ?? (dataSource.provisionedBy ? m.provisioning.managedReason(dataSource.provisionedBy) : undefined),
  };
}
