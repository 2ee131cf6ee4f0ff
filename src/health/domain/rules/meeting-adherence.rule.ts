import type { DateTime } from 'luxon';
import { runStart, trailingRun } from '../condition-run';
import type { EngagementHistory } from '../engagement-history';
import { LOOKBACK_WEEKS, lookBack, toScore, weightedMean } from '../look-back';
import {
  didNotHappen,
  isJudgedMeeting,
  type JudgedMeetingOutcome,
  meetingOutcome,
  meetingPoints,
  meetingTouchpoints,
} from '../meeting-outcome';
import type { SignalResult } from '../signal-result';
import { count, joinAnd, skippedNote } from '../wording';

export interface JudgedMeeting {
  touchpointId: string;
  scheduledAt: DateTime;
  outcome: JudgedMeetingOutcome;
}

export interface MeetingAdherenceEvidence {
  /** Judged meetings scheduled in the window, newest first. */
  recent: readonly JudgedMeeting[];
  awaiting: number;
  /** Meetings in the window skipped for a holiday, time off or blackout. */
  excused: readonly { scheduledAt: DateTime; reason: string }[];
  /** Start of the first missed or cancelled meeting of the current run (whole history), if any. */
  missSince: DateTime | null;
  /** Meetings held in a row up to now (whole history; excused meetings do not break it). */
  heldStreak: number;
}

export type MeetingAdherenceResult = SignalResult<'meeting_adherence', MeetingAdherenceEvidence>;

/**
 * Meeting adherence: held versus scheduled over the last 8 effective weeks,
 * with cancellations and manual reschedules (churn) costing credit. Meetings
 * skipped for a holiday are left out entirely.
 */
export function meetingAdherenceRule(history: EngagementHistory, asOf: DateTime): MeetingAdherenceResult {
  const window = lookBack(history, asOf);
  const all: JudgedMeeting[] = [];
  const recent: JudgedMeeting[] = [];
  const excused: { scheduledAt: DateTime; reason: string }[] = [];
  let awaiting = 0;
  for (const touchpoint of meetingTouchpoints(history.touchpoints)) {
    const outcome = meetingOutcome(touchpoint, window);
    if (outcome.kind === 'not_due') break;
    const inWindow = window.includes(touchpoint.scheduledAt);
    if (outcome.kind === 'excused') {
      if (inWindow) excused.push({ scheduledAt: touchpoint.scheduledAt, reason: outcome.reason });
    } else if (outcome.kind === 'awaiting') {
      awaiting += 1;
    } else if (isJudgedMeeting(outcome)) {
      const judged = { touchpointId: touchpoint.id, scheduledAt: touchpoint.scheduledAt, outcome };
      all.push(judged);
      if (inWindow) recent.unshift(judged);
    }
  }
  const evidence: MeetingAdherenceEvidence = {
    recent,
    awaiting,
    excused,
    missSince: runStart(all, (m) => didNotHappen(m.outcome))?.scheduledAt ?? null,
    heldStreak: trailingRun(all, (m) => m.outcome.kind === 'held'),
  };
  const mean = weightedMean(
    recent.map((m) => ({ weight: window.weight(m.scheduledAt), points: meetingPoints(m.outcome) })),
  );
  return {
    key: 'meeting_adherence',
    score: mean === null ? null : toScore(mean),
    explanation: explain(evidence),
    evidence,
  };
}

function explain(evidence: MeetingAdherenceEvidence): string {
  const { recent } = evidence;
  const tally = (kind: JudgedMeetingOutcome['kind']): number =>
    recent.filter((m) => m.outcome.kind === kind).length;
  const held = tally('held');
  const reschedules = recent.reduce((sum, m) => sum + m.outcome.reschedules, 0);
  let text: string;
  if (recent.length === 0) {
    text = `No meeting was scheduled in the last ${LOOKBACK_WEEKS} weeks`;
  } else if (held === recent.length) {
    text =
      recent.length === 1 ? 'The one meeting in the window was held' : `All ${recent.length} meetings held`;
  } else {
    const others = [
      tally('missed') > 0 ? `${tally('missed')} missed` : '',
      tally('cancelled') > 0 ? `${tally('cancelled')} cancelled` : '',
      tally('unconfirmed') > 0 ? `${tally('unconfirmed')} not marked held` : '',
    ].filter((part) => part !== '');
    text = `${held} of the last ${count(recent.length, 'meeting')} held; ${joinAnd(others)}`;
  }
  if (reschedules > 0) text += `; ${count(reschedules, 'manual reschedule')}`;
  return `${text}${skippedNote(evidence.excused)}.`;
}
