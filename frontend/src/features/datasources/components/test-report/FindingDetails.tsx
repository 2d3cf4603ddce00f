import { Typography } from 'antd';
import { CodeBlock } from '@/components/CodeBlock';
import type { ReadinessFinding } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { AffectedObjects } from './AffectedObjects';

/** What to do about a finding: how to fix it, on which objects, and the SQL that does it. */
export function FindingDetails({ finding }: { finding: ReadinessFinding }) {
  const m = useMessages();
  return (
    <>
      {finding.hint && (
        <div className="finding__section">
          <Typography.Text strong className="finding__label">
            {m.readiness.hint}
          </Typography.Text>
          <p className="finding__text">{finding.hint}</p>
        </div>
      )}
      {finding.objects.length > 0 && <AffectedObjects objects={finding.objects} total={finding.objectCount} />}
      {finding.fixSql && (
        <div className="finding__section">
          <CodeBlock code={finding.fixSql} label={m.readiness.fixSql} />
          <Typography.Text type="secondary" className="finding__note">
            {m.readiness.fixSqlNote}
          </Typography.Text>
        </div>
      )}
      <Typography.Text type="secondary" className="finding__check-id">
        {m.readiness.checkId} <code>{finding.check}</code>
      </Typography.Text>
    </>
  );
}
