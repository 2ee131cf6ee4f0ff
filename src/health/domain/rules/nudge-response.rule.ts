import type { DateTime } from 'luxon';
import type { EngagementHistory, RecipientRole } from '../engagement-history';
import { LOOKBACK_WEEKS, lookBack, toScore, weightedMean } from '../look-back';
import type { SignalResult } from '../signal-result';
import { count, duration } from '../wording';

/** A nudge unanswered for less than this is still in flight, not ignored. */
export const NUDGE_AWAITING_HOURS = 24;

export interface NudgeStanding {
  sentAt: DateTime;
  recipientRole: RecipientRole;
  /** Effective hours to the response, or waited so far when there is none. */
  hours: number;
  answered: boolean;
  /** The touchpoint it chases, when known. */
  touchpointId: string | null;
}

export interface NudgeResponseEvidence {
  /** Nudges sent in the window and old enough to judge, newest first. */
  judged: readonly NudgeStanding[];
  /** Nudges still inside their first day. */
  awaiting: number;
}

export type NudgeResponseResult = SignalResult<'nudge_response', NudgeResponseEvidence>;

/**
 * Nudge response: how quickly people act on follow-ups, whichever side they
 * are on. Within a day earns full credit, three days 0.4, a week or an
 * ignored nudge nothing. No nudges in the window scores 100: nothing slipped
 * that needed chasing, which is itself good news.
 */
export function nudgeResponseRule(history: EngagementHistory, asOf: DateTime): NudgeResponseResult {
  const window = lookBack(history, asOf);
  const judged: NudgeStanding[] = [];
  let awaiting = 0;
  for (const nudge of history.nudges) {
    if (!window.includes(nudge.sentAt)) continue;
    const respondedAt = nudge.respondedAt && window.isPast(nudge.respondedAt) ? nudge.respondedAt : null;
    const answered = respondedAt !== null;
    const hours = Math.max(0, window.hoursBetween(nudge.sentAt, respondedAt ?? asOf));
    if (!answered && hours < NUDGE_AWAITING_HOURS) {
      awaiting += 1;
      continue;
    }
    judged.push({
      sentAt: nudge.sentAt,
      recipientRole: nudge.recipientRole,
      hours,
      answered,
      touchpointId: nudge.touchpointId ?? null,
    });
  }
  judged.sort((a, b) => b.sentAt.toMillis() - a.sentAt.toMillis());
  const mean = weightedMean(
    judged.map((n) => ({ weight: window.weight(n.sentAt), points: responseCredit(n.hours) })),
  );
  const evidence = { judged, awaiting };
  return {
    key: 'nudge_response',
    score: mean === null ? 100 : toScore(mean),
    explanation: explain(evidence),
    evidence,
  };
}

/** 1 within a day, 0.4 at three days, 0 at a week; linear in between. */
function responseCredit(hours: number): number {
  if (hours <= 24) return 1;
  if (hours <= 72) return 1 - 0.6 * ((hours - 24) / 48);
  return Math.max(0, 0.4 - 0.4 * ((hours - 72) / 96));
}

function explain(evidence: NudgeResponseEvidence): string {
  const { judged } = evidence;
  if (judged.length === 0) {
    return evidence.awaiting > 0
      ? `${count(evidence.awaiting, 'follow-up')} sent in the last day, not yet due an answer.`
      : `No follow-up was needed in the last ${LOOKBACK_WEEKS} weeks.`;
  }
  const answered = judged.filter((n) => n.answered);
  const ignored = judged.length - answered.length;
  const parts: string[] = [];
  if (answered.length > 0) {
    const average = answered.reduce((sum, n) => sum + n.hours, 0) / answered.length;
    parts.push(
      `${answered.length} of ${count(judged.length, 'follow-up')} answered, in ${duration(average)} on average`,
    );
  }
  if (ignored > 0) parts.push(`${ignored} unanswered`);
  return `${parts.join('; ')}.`;
}
