import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Typography } from 'antd';
import { DisabledReason } from '@/components/DisabledReason';
import { usePermissions } from '@/lib/auth/authorization';
import { useMessages } from '@/lib/i18n/i18n-context';

/** Shown while nothing is registered at all: what a data source is, and the way to make one. */
export function FirstRunEmptyState({ onCreate }: { onCreate: () => void }) {
  const m = useMessages();
  const cannotCreate = usePermissions().whyNot('changeDataSources');
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
      <DisabledReason reason={cannotCreate} focusable>
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined />}
          onClick={onCreate}
          disabled={cannotCreate !== undefined}
        >
          {m.list.empty.create}
        </Button>
      </DisabledReason>
    </Empty>
  );
}
