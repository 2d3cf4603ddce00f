import { CheckCircleOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { FindingAcceptance } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/relative-time';
import { useI18n } from '@/lib/i18n/i18n-context';

/** A finding someone decided to live with: never hidden, but marked, with why, who and until when. */
export function AcceptedNote({ acceptance }: { acceptance: FindingAcceptance }) {
  const { messages: m, language } = useI18n();
  const a = m.acceptance;
  const until = acceptance.expiresAt
    ? a.until(formatDateTime(new Date(acceptance.expiresAt), language))
    : a.untilRevoked;
  return (
    <div className="finding__acceptance">
      <Tag color="success" icon={<CheckCircleOutlined />} variant="filled">
        {a.tag}
      </Tag>
      <Typography.Text className="finding__acceptance-reason">{acceptance.reason}</Typography.Text>
      <Typography.Text type="secondary">{a.byUntil(acceptance.acceptedBy, until)}</Typography.Text>
    </div>
  );
}
