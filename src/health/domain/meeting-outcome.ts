import { isExcused, type MeetingTouchpoint, type Touchpoint } from './engagement-history';
import type { LookBack } from './look-back';

/**
 * A meeting not marked held within this many effective hours of its start is
 * "unconfirmed" rather than awaiting: someone forgot to press "held", or it did
 * not happen; the follow-ups module finds out which.
 */
export const MEETING_AWAITING_HOURS = 24;

/** How one meeting touchpoint stands as of the evaluation instant. */
export type MeetingOutcome =
  | { kind: 'excused'; reason: string }
  | { kind: 'not_due' }
  | { kind: 'awaiting' }
  | { kind: 'held'; reschedules: number }
  | { kind: 'unconfirmed'; reschedules: number }
  | { kind: 'cancelled'; reschedules: number }
  | { kind: 'missed'; reschedules: number };

export type JudgedMeetingOutcome = Extract<MeetingOutcome, { reschedules: number }>;

/** Classifies a meeting touchpoint as of `lookBack.asOf`. */
export function meetingOutcome(touchpoint: MeetingTouchpoint, lookBack: LookBack): MeetingOutcome {
  if (isExcused(touchpoint)) return { kind: 'excused', reason: touchpoint.adjustment?.reason ?? 'skipped' };
  if (!lookBack.isPast(touchpoint.scheduledAt)) return { kind: 'not_due' };
  const reschedules = Math.max(0, touchpoint.rescheduleCount);
  switch (touchpoint.status) {
    case 'held':
      // A "held" recorded after asOf did not count yet when replaying history.
      if (touchpoint.heldAt && !lookBack.isPast(touchpoint.heldAt)) break;
      return { kind: 'held', reschedules };
    case 'missed':
      return { kind: 'missed', reschedules };
    case 'cancelled':
      return { kind: 'cancelled', reschedules };
    case 'scheduled':
    case 'skipped':
      break;
  }
  return lookBack.hoursBetween(touchpoint.scheduledAt, lookBack.asOf) < MEETING_AWAITING_HOURS
    ? { kind: 'awaiting' }
    : { kind: 'unconfirmed', reschedules };
}

/** True for outcomes a score can be built from. */
export function isJudgedMeeting(outcome: MeetingOutcome): outcome is JudgedMeetingOutcome {
  return 'reschedules' in outcome;
}

/** True when the meeting did not take place (missed or cancelled). */
export function didNotHappen(outcome: MeetingOutcome): boolean {
  return outcome.kind === 'missed' || outcome.kind === 'cancelled';
}

/**
 * Credit for one judged meeting, 0–1: held 1, unconfirmed 0.5 (probably held,
 * not recorded), cancelled 0.3 (notice was given), missed 0; each manual
 * reschedule takes 0.1 off, at most 0.3, because churn wears a regimen down
 * even when the meeting eventually happens.
 */
export function meetingPoints(outcome: JudgedMeetingOutcome): number {
  const churn = 0.1 * Math.min(outcome.reschedules, 3);
  switch (outcome.kind) {
    case 'held':
      return 1 - churn;
    case 'unconfirmed':
      return Math.max(0, 0.5 - churn);
    case 'cancelled':
      return Math.max(0, 0.3 - churn);
    case 'missed':
      return 0;
  }
}

/** Meeting touchpoints, oldest first. */
export function meetingTouchpoints(touchpoints: readonly Touchpoint[]): MeetingTouchpoint[] {
  return touchpoints
    .filter((t): t is MeetingTouchpoint => t.kind === 'meeting')
    .sort((a, b) => a.scheduledAt.toMillis() - b.scheduledAt.toMillis());
}
