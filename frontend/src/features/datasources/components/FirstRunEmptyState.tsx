import { Button, Empty, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMessages } from '@/lib/i18n/i18n-context';

/** Shown while nothing is registered at all: what a data source is, and the way to make one. */
export function FirstRunEmptyState({ onCreate }: { onCreate: () => void }) {
  const m = useMessages();
  return (
    <Empty
      className="first-run"
      image={Empty.PRESENTED_IMAGE_DEFAULT}
      description={
        <>
          <Typography.Title level={4}>{m.list.empty.title}</Typography.Title>
          <Typography.Paragraph type="secondary" className="first-run__body">
            {m.list.empty.body}
          </Typography.Paragraph>
        </>
      }
    >
      <Button type="primary" size="large" icon={<PlusOutlined />} onClick={onCreate}>
        {m.list.empty.create}
      </Button>
    </Empty>
  );
}
