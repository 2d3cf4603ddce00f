import { SOURCE_READINESS_STATES, isOneOf } from '@/lib/api/enum-values';
import type {
  CheckName,
  FindingSeverity,
  ReadinessChange,
  ReadinessCheckId,
  SourceReadinessState,
} from '@/lib/api/types';
import type { Messages } from '@/lib/i18n/messages/en';

const CONNECTION_PREFIX = 'connection.';

/**
 * The name of the check a history entry is about: a readiness check by its id, a failed connection
 * check (`connection.network`) by its connection check's name; anything newer than this console
 * by its id, as the server sent it.
 */
export function checkLabel(check: string, m: Pick<Messages, 'readiness' | 'test'>): string {
  if (check.startsWith(CONNECTION_PREFIX)) {
    const name = check.slice(CONNECTION_PREFIX.length).toUpperCase();
    return Object.hasOwn(m.test.checks, name) ? m.test.checks[name as CheckName] : check;
  }
  return Object.hasOwn(m.readiness.checks, check) ? m.readiness.checks[check as ReadinessCheckId] : check;
}

/** The changes one check brought: its state change, if any, and the findings that came and went. */
export interface CheckChanges {
  key: string;
  occurredAt: string | undefined;
  actor: string | undefined;
  stateChange: ReadinessChange | undefined;
  findings: ReadinessChange[];
}

/**
 * The history by check, newest first, whatever order the server sent: the entries one check
 * stored share their instant and actor, and read best together ("Ready → Blocked: a table lost
 * its key"). Within a check, what appeared comes before what cleared, blockers first.
 */
export function byCheck(history: readonly ReadinessChange[]): CheckChanges[] {
  const groups = new Map<string, CheckChanges>();
  for (const change of history) {
    const key = `${change.occurredAt} ${change.actor}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, occurredAt: change.occurredAt, actor: change.actor, stateChange: undefined, findings: [] };
      groups.set(key, group);
    }
    if (change.kind === 'STATE_CHANGED') group.stateChange = change;
    else group.findings.push(change);
  }
  for (const group of groups.values()) group.findings.sort((a, b) => findingRank(a) - findingRank(b));
  return [...groups.values()].sort((a, b) => Date.parse(b.occurredAt ?? '') - Date.parse(a.occurredAt ?? ''));
}

const SEVERITY_RANK: Record<FindingSeverity, number> = { BLOCKER: 0, WARNING: 1, INFO: 2 };

/** Whether the change makes a finding count: it appeared, or its acceptance expired or no longer covers it. */
export function countsNow(change: ReadinessChange): boolean {
  return (
    change.kind === 'FINDING_APPEARED' || change.kind === 'ACCEPTANCE_EXPIRED' || change.kind === 'FINDING_REOPENED'
  );
}

function findingRank(change: ReadinessChange): number {
  const cleared = countsNow(change) ? 0 : 10;
  return cleared + SEVERITY_RANK[severityIn(change.severity) ?? 'INFO'];
}

/**
 * Since when the source has been in its state: the latest change into it. Undefined when the
 * history no longer reaches back that far (it is bounded), or it was never checked.
 */
export function stateSince(history: readonly ReadinessChange[], state: SourceReadinessState): string | undefined {
  return byCheck(history).find((check) => check.stateChange && stateIn(check.stateChange.toState) === state)
    ?.occurredAt;
}

const UNITS: [Intl.NumberFormatOptions['unit'], number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** The watch's interval in the largest unit it is a whole number of: "10 minutes", "5 秒". */
export function formatInterval(seconds: number, language: string): string {
  const [unit, size] = UNITS.find(([, length]) => seconds >= length && seconds % length === 0) ?? ['second', 1];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(seconds / size);
}

const SEVERITIES: readonly FindingSeverity[] = ['BLOCKER', 'WARNING', 'INFO'];

/*
 * A history entry's states and severity are typed as any string (they are nullable enums in the
 * API document): these read them as the enums they are, or as absent.
 */

export function stateIn(value: string | null | undefined): SourceReadinessState {
  return isOneOf(SOURCE_READINESS_STATES, value) ? value : 'UNKNOWN';
}

export function severityIn(value: string | null | undefined): FindingSeverity | undefined {
  return isOneOf(SEVERITIES, value) ? value : undefined;
}
