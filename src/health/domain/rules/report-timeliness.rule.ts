import type { DateTime } from 'luxon';
import { runStart, trailingRun } from '../condition-run';
import type { EngagementHistory } from '../engagement-history';
import { LOOKBACK_WEEKS, lookBack, toScore, weightedMean } from '../look-back';
import {
  isJudged,
  type JudgedReportOutcome,
  reportOutcome,
  reportPoints,
  reportTouchpoints,
} from '../report-outcome';
import type { SignalResult } from '../signal-result';
import { count, duration, skippedNote } from '../wording';

export interface JudgedReport {
  touchpointId: string;
  dueAt: DateTime;
  outcome: JudgedReportOutcome;
}

export interface ReportTimelinessEvidence {
  /** Judged reports due in the window, newest first. */
  recent: readonly JudgedReport[];
  /** Reports overdue by less than the awaiting grace: not judged yet. */
  awaiting: number;
  /** Reports in the window skipped for a holiday, time off or blackout. */
  excused: readonly { dueAt: DateTime; reason: string }[];
  /** Due instant of the first late or missed report of the current slip (whole history), if any. */
  slipSince: DateTime | null;
  /** On-time reports in a row up to now (whole history; excused reports do not break it). */
  onTimeStreak: number;
}

export type ReportTimelinessResult = SignalResult<'report_timeliness', ReportTimelinessEvidence>;

/** True for a report that came late or not at all. */
export function slipped(outcome: JudgedReportOutcome): boolean {
  return outcome.kind !== 'on_time';
}

/**
 * Report timeliness: were the status reports of the last 8 effective weeks on
 * time, late by how much, or missing? Recent reports weigh more. Reports
 * skipped for a holiday are left out of numerator and denominator alike.
 */
export function reportTimelinessRule(history: EngagementHistory, asOf: DateTime): ReportTimelinessResult {
  const window = lookBack(history, asOf);
  const all: JudgedReport[] = [];
  const recent: JudgedReport[] = [];
  const excused: { dueAt: DateTime; reason: string }[] = [];
  let awaiting = 0;
  for (const touchpoint of reportTouchpoints(history.touchpoints)) {
    const outcome = reportOutcome(touchpoint, window);
    if (outcome.kind === 'not_due') break;
    const inWindow = window.includes(touchpoint.scheduledAt);
    if (outcome.kind === 'excused') {
      if (inWindow) excused.push({ dueAt: touchpoint.scheduledAt, reason: outcome.reason });
    } else if (outcome.kind === 'awaiting') {
      awaiting += 1;
    } else if (isJudged(outcome)) {
      const judged = { touchpointId: touchpoint.id, dueAt: touchpoint.scheduledAt, outcome };
      all.push(judged);
      if (inWindow) recent.unshift(judged);
    }
  }

  const evidence: ReportTimelinessEvidence = {
    recent,
    awaiting,
    excused,
    slipSince: runStart(all, (r) => slipped(r.outcome))?.dueAt ?? null,
    onTimeStreak: trailingRun(all, (r) => r.outcome.kind === 'on_time'),
  };
  const mean = weightedMean(
    recent.map((r) => ({ weight: window.weight(r.dueAt), points: reportPoints(r.outcome) })),
  );
  return {
    key: 'report_timeliness',
    score: mean === null ? null : toScore(mean),
    explanation: explain(evidence),
    evidence,
  };
}

function explain(evidence: ReportTimelinessEvidence): string {
  const { recent } = evidence;
  const late = recent.flatMap((r) => (r.outcome.kind === 'late' ? [r.outcome] : []));
  const missed = recent.filter((r) => r.outcome.kind === 'missed').length;
  let text: string;
  if (recent.length === 0) {
    text = `No status report was due in the last ${LOOKBACK_WEEKS} weeks`;
  } else if (late.length === 0 && missed === 0) {
    text =
      recent.length === 1
        ? 'The one report due in the window arrived on time'
        : `All ${recent.length} reports in the last ${LOOKBACK_WEEKS} weeks arrived on time`;
  } else {
    const of = `of the last ${count(recent.length, 'report')}`;
    const lateText =
      late.length === 0
        ? ''
        : `${late.length} ${of} ${late.length === 1 ? 'was' : 'were'} late (avg ${duration(
            late.reduce((sum, l) => sum + l.hoursLate, 0) / late.length,
          )}${late.some((l) => l.outstanding) ? `, ${late.filter((l) => l.outstanding).length} still not in` : ''})`;
    if (late.length === 0) text = `${missed} ${of} ${missed === 1 ? 'was' : 'were'} missed`;
    else if (missed === 0) text = lateText;
    else text = `${lateText} and ${missed} missed`;
  }
  return `${text}${skippedNote(evidence.excused)}.`;
}
