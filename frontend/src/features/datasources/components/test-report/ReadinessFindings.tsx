import { useId } from 'react';
import type { ReadinessFinding } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { bySeverity } from '../../utils/readiness';
import { ReadinessFindingItem } from './ReadinessFindingItem';

interface Props {
  findings: readonly ReadinessFinding[];
  showTarget: boolean;
}

/** What the readiness checks found, blockers first; each opens to what to do about it. */
export function ReadinessFindings({ findings, showTarget }: Props) {
  const m = useMessages();
  const headingId = useId();
  if (findings.length === 0) return null;
  return (
    <div className="readiness-findings">
      <h3 className="test-report__heading" id={headingId}>
        {m.readiness.findings(findings.length)}
      </h3>
      <ul className="readiness-findings__list" aria-labelledby={headingId}>
        {bySeverity(findings).map((finding, index) => (
          <ReadinessFindingItem key={index} finding={finding} showTarget={showTarget} />
        ))}
      </ul>
    </div>
  );
}
