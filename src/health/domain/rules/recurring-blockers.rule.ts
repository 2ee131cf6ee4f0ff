import type { DateTime } from 'luxon';
import { blockerThreads, openStretch, sightingIn } from '../blocker-threads';
import type { EngagementHistory } from '../engagement-history';
import { LOOKBACK_WEEKS, type LookBack, lookBack } from '../look-back';
import type { SignalResult } from '../signal-result';
import { reportsKnownAt } from '../submitted-reports';
import { count, joinAnd, quote } from '../wording';

/** Points per extra week a blocker stays open, the most one blocker can cost, and the extra cost of coming back. */
const PER_WEEK = 10;
const PER_BLOCKER_CAP = 40;
const CAME_BACK = 10;

export interface OpenBlocker {
  text: string;
  /** When the current open stretch began (the vendor's `firstSeen` when carried over). */
  since: DateTime;
  /** Effective weeks open, counting the first week as 1: "open for 4 weeks". */
  weeksOpen: number;
  /** Seen before this stretch: it was resolved (or dropped) and came back. */
  cameBack: boolean;
}

export interface ClearedBlocker {
  text: string;
  since: DateTime;
  resolvedAt: DateTime;
  weeksOpen: number;
}

export interface RecurringBlockersEvidence {
  /** Due instant of the latest report in the window; null when none came in. */
  latestReportAt: DateTime | null;
  /** Blockers open in the latest report, longest-standing first. */
  open: readonly OpenBlocker[];
  /** Blockers the latest report marks resolved after having been open. */
  cleared: readonly ClearedBlocker[];
}

export type RecurringBlockersResult = SignalResult<'recurring_blockers', RecurringBlockersEvidence>;

/**
 * Recurring blockers: blockers in the latest report that have stayed open
 * week after week, or came back after being resolved. Wording may drift
 * between reports; blockers are matched by what they are about. A blocker open
 * for one week costs nothing: reporting problems is what reports are for.
 */
export function recurringBlockersRule(history: EngagementHistory, asOf: DateTime): RecurringBlockersResult {
  const window = lookBack(history, asOf);
  const known = reportsKnownAt(history, window);
  const last = known.length - 1;
  if (last < 0 || !window.includes(known[last].dueAt)) {
    return {
      key: 'recurring_blockers',
      score: null,
      explanation: `No status report came in during the last ${LOOKBACK_WEEKS} weeks.`,
      evidence: { latestReportAt: null, open: [], cleared: [] },
    };
  }
  const latestReportAt = known[last].dueAt;
  const open: OpenBlocker[] = [];
  const cleared: ClearedBlocker[] = [];
  for (const thread of blockerThreads(known)) {
    const stretch = openStretch(thread, last);
    if (stretch) {
      open.push({
        text: thread.text,
        since: stretch.since,
        weeksOpen: weeksBetween(window, stretch.since, latestReportAt) + 1,
        cameBack: stretch.cameBack,
      });
      continue;
    }
    const before = last > 0 ? openStretch(thread, last - 1) : null;
    if (sightingIn(thread, last)?.status === 'resolved' && before) {
      cleared.push({
        text: thread.text,
        since: before.since,
        resolvedAt: latestReportAt,
        weeksOpen: weeksBetween(window, before.since, latestReportAt),
      });
    }
  }
  open.sort((a, b) => b.weeksOpen - a.weeksOpen);
  const penalty = open.reduce(
    (sum, b) => sum + Math.min(PER_BLOCKER_CAP, PER_WEEK * (b.weeksOpen - 1)) + (b.cameBack ? CAME_BACK : 0),
    0,
  );
  const evidence = { latestReportAt, open, cleared };
  return {
    key: 'recurring_blockers',
    score: Math.max(0, 100 - penalty),
    explanation: explain(evidence),
    evidence,
  };
}

/** Whole effective weeks from `from` to `to`. */
function weeksBetween(window: LookBack, from: DateTime, to: DateTime): number {
  return Math.max(0, Math.round(window.ageInWeeks(from) - window.ageInWeeks(to)));
}

function explain(evidence: RecurringBlockersEvidence): string {
  const lingering = evidence.open.filter((b) => b.weeksOpen >= 2 || b.cameBack);
  const fresh = evidence.open.length - lingering.length;
  const parts = lingering.map((b) => {
    const weeks = `open for ${count(b.weeksOpen, 'week')}`;
    return `${quote(b.text)} ${b.cameBack ? `came back and is ${weeks}` : weeks}`;
  });
  if (fresh > 0) parts.push(`${count(fresh, 'new blocker')}`);
  const text = parts.length === 0 ? 'No blocker open in the latest report' : `Blockers: ${joinAnd(parts)}`;
  const cleared = evidence.cleared.length > 0 ? `; ${evidence.cleared.length} resolved` : '';
  return `${text}${cleared}.`;
}
