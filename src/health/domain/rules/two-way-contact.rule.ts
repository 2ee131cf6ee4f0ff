import type { DateTime } from 'luxon';
import { type EngagementHistory, isExcused, type TwoWayContact } from '../engagement-history';
import { type LookBack, lookBack } from '../look-back';
import type { SignalResult } from '../signal-result';
import { count, days, joinAnd, localDate } from '../wording';

/** The shortest contact rhythm assumed: a weekly cadence should bring contact at least weekly. */
export const MIN_CONTACT_INTERVAL_DAYS = 7;

export interface TwoWayContactEvidence {
  lastContact: TwoWayContact | null;
  /** The last contact, or the engagement start when there has been none. */
  gapFrom: DateTime;
  /** Effective days since `gapFrom`: paused holiday weeks are not counted. */
  gapDays: number;
  /** Days between contacts the cadences lead one to expect (at least a week). */
  expectedDays: number;
  /** Paused weeks inside the gap, which `gapDays` leaves out. */
  pausedReasons: readonly string[];
  pausedDays: number;
}

export type TwoWayContactResult = SignalResult<'two_way_contact', TwoWayContactEvidence>;

/**
 * Two-way contact: effective days since both sides last communicated. Up to
 * the expected rhythm (a week, or the cadence's interval when it is longer)
 * scores 100; a further week halves it; three weeks past the rhythm is 0.
 * Paused holiday weeks are cut out of the gap explicitly, so a week with no
 * touchpoint because of Diwali does not make the gap look a week longer.
 */
export function twoWayContactRule(history: EngagementHistory, asOf: DateTime): TwoWayContactResult {
  const window = lookBack(history, asOf);
  let lastContact: TwoWayContact | null = null;
  for (const contact of history.contacts) {
    if (window.isPast(contact.at) && (!lastContact || contact.at.toMillis() > lastContact.at.toMillis()))
      lastContact = contact;
  }
  const gapFrom = lastContact?.at ?? history.startedAt;
  const gapDays = Math.max(0, window.hoursBetween(gapFrom, asOf) / 24);
  const paused = window.timeline.pausedBetween(gapFrom, asOf);
  const realDays = Math.max(0, (asOf.toMillis() - gapFrom.toMillis()) / 86_400_000);
  const expectedDays = expectedInterval(history, window);

  const score = Math.round(100 * contactCredit(gapDays, expectedDays));
  const evidence: TwoWayContactEvidence = {
    lastContact,
    gapFrom,
    gapDays,
    expectedDays,
    pausedReasons: [...new Set(paused.flatMap((week) => week.reasons))],
    pausedDays: Math.max(0, Math.round(realDays - gapDays)),
  };
  return { key: 'two_way_contact', score, explanation: explain(evidence, history.timeZone), evidence };
}

/** 1 up to the expected interval, 0.5 a week later, 0 three weeks later; linear in between. */
function contactCredit(gapDays: number, expectedDays: number): number {
  const over = gapDays - expectedDays;
  if (over <= 0) return 1;
  if (over <= 7) return 1 - 0.5 * (over / 7);
  return Math.max(0, 0.5 - 0.5 * ((over - 7) / 14));
}

/**
 * The median effective gap between consecutive touchpoints in the window, at
 * least a week: a fortnightly-only cadence should not be scored as if it were
 * weekly. Cancelled and missed touchpoints count, since they show the rhythm
 * that was planned.
 */
function expectedInterval(history: EngagementHistory, window: LookBack): number {
  const times = history.touchpoints
    .filter((t) => !isExcused(t) && window.includes(t.scheduledAt))
    .map((t) => window.timeline.millis(t.scheduledAt))
    .sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i += 1) gaps.push((times[i] - times[i - 1]) / 86_400_000);
  if (gaps.length === 0) return MIN_CONTACT_INTERVAL_DAYS;
  gaps.sort((a, b) => a - b);
  const mid = Math.floor(gaps.length / 2);
  const median = gaps.length % 2 === 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
  return Math.max(MIN_CONTACT_INTERVAL_DAYS, median);
}

function explain(evidence: TwoWayContactEvidence, zone: string): string {
  const realDays = evidence.gapDays + evidence.pausedDays;
  const text = evidence.lastContact
    ? `Last two-way contact ${days(realDays * 24)} ago (${evidence.lastContact.channel}, ${localDate(evidence.lastContact.at, zone)})`
    : `No two-way contact yet, ${days(realDays * 24)} after the engagement began`;
  const paused =
    evidence.pausedDays > 0
      ? `; ${count(evidence.pausedDays, 'day')} of ${joinAnd(evidence.pausedReasons)} not counted, leaving ${days(evidence.gapDays * 24)}`
      : '';
  return `${text}${paused}.`;
}
