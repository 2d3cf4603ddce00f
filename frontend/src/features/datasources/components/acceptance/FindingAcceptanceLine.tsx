import { SafetyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { DisabledReason } from '@/components/DisabledReason';
import type { ReadinessFinding } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useReadinessChecks } from '../../api/use-readiness-checks';
import { useAcceptRiskScope } from './accept-risk-scope';
import { AcceptedNote } from './AcceptedNote';
import { useAcceptanceReasons } from './use-acceptance-reasons';

// Its date picker is not part of the list's first load: fetched when a user first accepts a risk.
const AcceptRiskModal = lazy(() => import('./AcceptRiskModal').then((module) => ({ default: module.AcceptRiskModal })));

/**
 * Under a finding: that it is accepted (why, by whom, until when), or "Accept risk…" where it may
 * be: on a saved data source, for those who may change it, on a check that can be accepted. On a
 * source a provisioning file manages, the action stays in view, disabled, and says why.
 */
export function FindingAcceptanceLine({ finding }: { finding: ReadinessFinding }) {
  if (finding.accepted) return <AcceptedNote acceptance={finding.accepted} />;
  return <AcceptRiskAction finding={finding} />;
}

function AcceptRiskAction({ finding }: { finding: ReadinessFinding }) {
  const m = useMessages();
  const scope = useAcceptRiskScope();
  const reasons = useAcceptanceReasons(scope?.dataSource ?? { provisionedBy: null });
  const offered = scope !== null && reasons.shown;
  const checks = useReadinessChecks({ enabled: offered });
  const [open, setOpen] = useState(false);
  const check = checks.byId.get(finding.check);
  if (!offered || !check?.acceptable) return null;

  return (
    <div className="finding__acceptance">
      <DisabledReason reason={reasons.why}>
        <Button
          size="small"
          icon={<SafetyOutlined />}
          onClick={() => setOpen(true)}
          disabled={reasons.why !== undefined}
        >
          {m.acceptance.action}
        </Button>
      </DisabledReason>
      {open && (
        <Suspense fallback={null}>
          <AcceptRiskModal
            dataSourceId={scope.dataSource.id}
            finding={finding}
            check={check}
            onClose={() => setOpen(false)}
            onAccepted={() => scope.onChanged?.()}
          />
        </Suspense>
      )}
    </div>
  );
}
