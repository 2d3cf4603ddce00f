import { ReloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';

/** A toolbar's refresh: an icon button that spins while the data is being fetched again. */
export function RefreshButton({
  label,
  refreshing,
  onRefresh,
}: {
  label: string;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  return (
    <Tooltip title={label}>
      <Button
        className="toolbar__refresh"
        icon={<ReloadOutlined spin={refreshing} />}
        aria-label={label}
        onClick={onRefresh}
      />
    </Tooltip>
  );
}
