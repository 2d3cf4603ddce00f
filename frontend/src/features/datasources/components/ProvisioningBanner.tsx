import { Alert } from 'antd';
import { usePermissions } from '@/lib/auth/authorization';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useProvisioning } from '../api/use-provisioning';
import { failedFiles, type FailedFile } from '../utils/failed-files';

/**
 * Tells administrators, above the list, that a provisioning file is broken: what the list shows is
 * then not what the file says, and nothing else on the page would tell them. Others see nothing
 * (and the page does not ask): they could not fix the file.
 */
export function ProvisioningBanner() {
  const { can } = usePermissions();
  const mayAdminister = can('administerProvisioning');
  const provisioning = useProvisioning({ enabled: mayAdminister });
  if (!mayAdminister) return null;
  const failed = failedFiles(provisioning.data);
  if (failed.length === 0) return null;
  return (
    <div className="provisioning-banners">
      {failed.map((file) => (
        <FailedFileAlert key={file.file} failed={file} />
      ))}
    </div>
  );
}

function FailedFileAlert({ failed }: { failed: FailedFile }) {
  const p = useMessages().provisioning;
  const errors = failed.shown.map((error) => p.error(error.line, error.field, error.message));
  if (failed.more > 0) errors.push(p.andMore(failed.more));
  return (
    <Alert
      type="error"
      showIcon
      className="provisioning-banner"
      title={p.failedTitle(failed.file, errors.join(p.errorSeparator))}
      description={p.nothingApplied}
    />
  );
}
