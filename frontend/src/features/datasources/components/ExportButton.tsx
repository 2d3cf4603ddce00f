import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Tooltip } from 'antd';
import { describeError } from '@/components/ErrorState';
import { useToast } from '@/components/toast';
import { usePermissions } from '@/lib/auth/authorization';
import { saveFile } from '@/lib/dom/save-file';
import { useMessages } from '@/lib/i18n/i18n-context';
import { EXPORT_FILE_NAME, fetchExport } from '../api/export-data-sources';

/**
 * "Export as code": the data sources managed here as a provisioning file, the first step from the
 * console to files under version control. Administrators only; nobody else is shown the button.
 */
export function ExportButton() {
  const m = useMessages();
  const toast = useToast();
  const { can } = usePermissions();
  const exporting = useMutation({
    mutationFn: fetchExport,
    onSuccess: (yaml) => {
      saveFile(yaml, EXPORT_FILE_NAME, 'application/yaml');
      void toast.success(m.provisioning.exported);
    },
    onError: (error) => void toast.error(`${m.provisioning.exportFailed}: ${describeError(error, m.common)}`),
  });
  if (!can('administerProvisioning')) return null;
  return (
    // Below the button: above it, the tip would cover the header's language and account menus.
    <Tooltip title={m.provisioning.exportHelp} placement="bottom">
      <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()}>
        {m.provisioning.export}
      </Button>
    </Tooltip>
  );
}
