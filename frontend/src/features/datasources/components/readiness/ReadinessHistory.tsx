import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Tag, Timeline, Typography, type TimelineItemProps } from 'antd';
import { useId, useState } from 'react';
import { RelativeTime } from '@/components/RelativeTime';
import type { FindingSeverity, ReadinessChange, SourceReadinessState } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/relative-time';
import { useI18n } from '@/lib/i18n/i18n-context';
import { byCheck, checkLabel, countsNow, severityIn, stateIn, type CheckChanges } from '../../utils/readiness-watch';
import { ReadinessStateTag } from './ReadinessBadge';

/** The latest checks are what an on-call engineer reads first; older ones are a click away. */
const FIRST_SHOWN = 10;
const WATCH_ACTOR = 'readiness-watch';

const STATE_COLOR: Record<SourceReadinessState, string> = {
  READY: 'green',
  WARNINGS: '#faad14',
  BLOCKED: 'red',
  UNREACHABLE: '#fa541c',
  UNKNOWN: 'gray',
};

const SEVERITY_COLOR: Record<FindingSeverity, string> = {
  BLOCKER: 'red',
  WARNING: '#faad14',
  INFO: 'blue',
};

const SEVERITY_TAG: Record<FindingSeverity, string> = {
  BLOCKER: 'error',
  WARNING: 'warning',
  INFO: 'processing',
};

/**
 * The readiness history as a timeline, newest first, one entry per check that changed something:
 * when the state moved (from what to what, and why), which findings appeared and which cleared,
 * and who caused the check (the background watch, or the user who asked for a re-check).
 */
export function ReadinessHistory({ history }: { history: readonly ReadinessChange[] }) {
  const { messages: m } = useI18n();
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const checks = byCheck(history);
  const shown = showAll ? checks : checks.slice(0, FIRST_SHOWN);
  const hidden = checks.length - shown.length;

  return (
    <section className="readiness-history" aria-labelledby={headingId}>
      <h3 className="readiness-panel__heading" id={headingId}>
        {m.watch.history}
      </h3>
      {checks.length === 0 ? (
        <Typography.Text type="secondary">{m.watch.historyEmpty}</Typography.Text>
      ) : (
        <Timeline className="readiness-history__timeline" items={shown.map(itemOf)} />
      )}
      {hidden > 0 && (
        <Button type="link" size="small" onClick={() => setShowAll(true)}>
          {m.watch.showOlder(hidden)}
        </Button>
      )}
    </section>
  );
}

function itemOf(check: CheckChanges): TimelineItemProps {
  return { key: check.key, color: colorOf(check), content: <CheckEntry check={check} /> };
}

/** The state it moved to; without a state change, the worst finding that appeared (listed first), or green. */
function colorOf({ stateChange, findings }: CheckChanges): string {
  if (stateChange) return STATE_COLOR[stateIn(stateChange.toState)];
  const [worst] = findings;
  return worst?.kind === 'FINDING_APPEARED' ? SEVERITY_COLOR[severityIn(worst.severity) ?? 'INFO'] : 'green';
}

function CheckEntry({ check }: { check: CheckChanges }) {
  const { messages: m, language } = useI18n();
  const actor = check.actor === WATCH_ACTOR || !check.actor ? m.watch.watchActor : check.actor;
  const { stateChange } = check;

  return (
    <div className="readiness-check">
      <Typography.Text type="secondary" className="readiness-check__meta">
        {check.occurredAt && (
          <>
            {formatDateTime(new Date(check.occurredAt), language)} (<RelativeTime value={check.occurredAt} />) ·{' '}
          </>
        )}
        {m.watch.checkedBy(actor)}
      </Typography.Text>
      {stateChange && (
        <div className="readiness-check__state">
          <strong>{m.watch.kinds.STATE_CHANGED}</strong> <StateMove change={stateChange} />
          {stateChange.message && <p className="readiness-check__message">{stateChange.message}</p>}
        </div>
      )}
      {check.findings.length > 0 && (
        <ul className="readiness-check__findings">
          {check.findings.map((finding, index) => (
            <FindingChange key={index} change={finding} />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A finding that appeared or counts again (with its severity), or cleared or was accepted: what it is, what it
 * said, its check id.
 */
function FindingChange({ change }: { change: ReadinessChange }) {
  const { messages: m } = useI18n();
  const appeared = countsNow(change);
  const severity = appeared ? severityIn(change.severity) : undefined;
  return (
    <li className={`finding-change finding-change--${appeared ? 'appeared' : 'cleared'}`}>
      <div className="finding-change__head">
        <span className="finding-change__kind">{m.watch.kinds[change.kind]}</span>
        {severity && (
          <Tag color={SEVERITY_TAG[severity]} variant="filled">
            {m.readiness.severity[severity]}
          </Tag>
        )}
        {change.check && <strong>{checkLabel(change.check, m)}</strong>}
        {change.target === 'STANDBY' && <Tag variant="outlined">{m.test.target.STANDBY}</Tag>}
        {change.check && <code className="finding-change__check">{change.check}</code>}
      </div>
      {change.message && <p className="finding-change__message">{change.message}</p>}
    </li>
  );
}

/** "Ready → Blocked", read out as "from Ready to Blocked". */
function StateMove({ change }: { change: ReadinessChange }) {
  const { messages: m } = useI18n();
  const before = stateIn(change.fromState);
  const after = stateIn(change.toState);
  return (
    <span className="readiness-check__move">
      <span className="visually-hidden">{m.watch.stateChange(m.watch.states[before], m.watch.states[after])}</span>
      <span className="readiness-check__tags" aria-hidden>
        <ReadinessStateTag state={before} />
        <ArrowRightOutlined className="readiness-check__arrow" />
        <ReadinessStateTag state={after} />
      </span>
    </span>
  );
}
