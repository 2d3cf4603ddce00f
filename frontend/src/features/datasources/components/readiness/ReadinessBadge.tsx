import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  DisconnectOutlined,
  ExclamationCircleFilled,
} from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { ReadinessSummary, SourceReadinessState } from '@/lib/api/types';
import { formatDateTime, formatRelativeTime } from '@/lib/format/relative-time';
import { useI18n } from '@/lib/i18n/i18n-context';

/* Each state has its own shape as well as its own colour, for colour-blind readers and greyscale. */
const LOOK: Record<SourceReadinessState, { color: string; icon: ReactNode }> = {
  READY: { color: 'success', icon: <CheckCircleFilled aria-hidden /> },
  WARNINGS: { color: 'gold', icon: <ExclamationCircleFilled aria-hidden /> },
  BLOCKED: { color: 'red', icon: <CloseCircleFilled aria-hidden /> },
  UNREACHABLE: { color: 'volcano', icon: <DisconnectOutlined aria-hidden /> },
  UNKNOWN: { color: 'default', icon: <ClockCircleOutlined aria-hidden /> },
};

/** Just the state, as a coloured tag: for the timeline's "from → to" and the filter's options. */
export function ReadinessStateTag({ state }: { state: SourceReadinessState }) {
  const { messages: m } = useI18n();
  return (
    <Tag color={LOOK[state].color} icon={LOOK[state].icon} className="readiness-tag">
      {m.watch.states[state]}
    </Tag>
  );
}

interface Props {
  summary: ReadinessSummary;
  /**
   * Makes the badge lead to the readiness report (the drawer's readiness tab): a real link with an
   * `href` (the list's, to open in a new tab too), a button without.
   */
  link?: { href?: string; onOpen: () => void };
}

/**
 * What the readiness watch last found, at a glance: the state, how many blockers and warnings, how
 * many findings are accepted, and when it checked (on hover and focus). In the list it links to the report behind it.
 */
export function ReadinessBadge({ summary, link }: Props) {
  const { messages: m } = useI18n();
  const state = summary.state;
  const counts = state === 'UNKNOWN' ? '' : m.readiness.counts(summary.blockers, summary.warnings);
  // Accepted findings are never hidden: the state leaves them out, the badge still says how many there are.
  const accepted = summary.accepted > 0 ? m.watch.accepted(summary.accepted) : '';
  const content = (
    <>
      <ReadinessStateTag state={state} />
      {counts && <span className="readiness-badge__counts">{counts}</span>}
      {accepted && <span className="readiness-badge__accepted">{accepted}</span>}
    </>
  );
  const className = `readiness-badge readiness-badge--${state.toLowerCase()}`;

  return (
    <Tooltip title={<CheckedWhen checkedAt={summary.checkedAt ?? null} linked={link !== undefined} />}>
      {link?.href === undefined && link ? (
        <button type="button" className={`${className} readiness-badge--link`} onClick={link.onOpen}>
          {content}
        </button>
      ) : link ? (
        <a
          className={`${className} readiness-badge--link`}
          href={link.href}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            link.onOpen();
          }}
        >
          {content}
        </a>
      ) : (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- focus shows when it was checked to keyboard users
        <span className={className} tabIndex={0}>
          {content}
        </span>
      )}
    </Tooltip>
  );
}

/** "Checked 3 minutes ago", worked out when the tooltip opens, so that it is never stale. */
function CheckedWhen({ checkedAt, linked }: { checkedAt: string | null; linked: boolean }) {
  const { messages: m, language } = useI18n();
  if (checkedAt === null) return <>{m.watch.waitingForFirstCheck}</>;
  const instant = new Date(checkedAt);
  return (
    <>
      {m.watch.checkedAgo(formatRelativeTime(instant, new Date(), language))}
      <br />
      <span className="readiness-badge__exact">{formatDateTime(instant, language)}</span>
      {linked && (
        <>
          <br />
          {m.watch.openReport}
        </>
      )}
    </>
  );
}
