import { isExcused, type ReportTouchpoint, type Touchpoint } from './engagement-history';
import type { LookBack } from './look-back';

/**
 * A report still outstanding less than this many effective hours after its
 * due time is not judged yet: the follow-up grace and the vendor's evening
 * are still running, and a report due Friday 17:00 in Manila should not count
 * as late when health is computed an hour later.
 */
export const REPORT_AWAITING_HOURS = 24;

/** Lateness beyond this many hours earns no more credit than a report this late. */
const LATE_FLOOR_HOURS = 72;

/** How one report touchpoint stands as of the evaluation instant. */
export type ReportOutcome =
  | { kind: 'excused'; reason: string }
  | { kind: 'not_due' }
  | { kind: 'awaiting' }
  | { kind: 'on_time' }
  /** `outstanding`: not in yet, and `hoursLate` is how long it has been overdue so far. */
  | { kind: 'late'; hoursLate: number; outstanding: boolean }
  | { kind: 'missed' };

export type JudgedReportOutcome = Extract<ReportOutcome, { kind: 'on_time' | 'late' | 'missed' }>;

/**
 * Classifies a report touchpoint as of `lookBack.asOf`. The stored status
 * decides on time versus late (the reports module applies the grace); the
 * submission instant says by how much, on the effective clock so a holiday
 * week in between is not counted as lateness. A submission after `asOf` is
 * treated as not yet made, so history can be replayed week by week.
 */
export function reportOutcome(touchpoint: ReportTouchpoint, lookBack: LookBack): ReportOutcome {
  if (isExcused(touchpoint)) return { kind: 'excused', reason: touchpoint.adjustment?.reason ?? 'skipped' };
  const due = touchpoint.scheduledAt;
  if (!lookBack.isPast(due)) return { kind: 'not_due' };
  if (touchpoint.status === 'missed') return { kind: 'missed' };
  const submittedAt = touchpoint.submittedAt;
  if (submittedAt && lookBack.isPast(submittedAt)) {
    if (touchpoint.status === 'late') {
      return {
        kind: 'late',
        hoursLate: Math.max(0, lookBack.hoursBetween(due, submittedAt)),
        outstanding: false,
      };
    }
    return { kind: 'on_time' };
  }
  const overdue = lookBack.hoursBetween(due, lookBack.asOf);
  if (overdue < REPORT_AWAITING_HOURS) return { kind: 'awaiting' };
  return { kind: 'late', hoursLate: overdue, outstanding: true };
}

/** True for outcomes a score can be built from. */
export function isJudged(outcome: ReportOutcome): outcome is JudgedReportOutcome {
  return outcome.kind === 'on_time' || outcome.kind === 'late' || outcome.kind === 'missed';
}

/**
 * Credit for one judged report, 0–1: on time 1; late from 0.75 (just late)
 * down to 0.25 (three days or more); missed 0. A late report is still a
 * report, so it keeps some credit.
 */
export function reportPoints(outcome: JudgedReportOutcome): number {
  switch (outcome.kind) {
    case 'on_time':
      return 1;
    case 'late':
      return 0.75 - 0.5 * (Math.min(outcome.hoursLate, LATE_FLOOR_HOURS) / LATE_FLOOR_HOURS);
    case 'missed':
      return 0;
  }
}

/** Report touchpoints, oldest due first. */
export function reportTouchpoints(touchpoints: readonly Touchpoint[]): ReportTouchpoint[] {
  return touchpoints
    .filter((t): t is ReportTouchpoint => t.kind === 'status_report')
    .sort((a, b) => a.scheduledAt.toMillis() - b.scheduledAt.toMillis());
}
