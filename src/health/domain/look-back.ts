import type { DateTime } from 'luxon';
import { type EffectiveTimeline, effectiveTimeline } from './effective-timeline';
import type { EngagementHistory } from './engagement-history';

/**
 * How far back the rules look: 8 effective weeks (paused holiday weeks do not
 * count). Eight weekly reports is enough that one late report is 1 in 8, not a
 * pattern, and short enough that a three-week slide moves the score clearly.
 */
export const LOOKBACK_WEEKS = 8;

/**
 * Each week of age multiplies an item's weight by this, so the latest week
 * counts about three times as much as the oldest one in the window. Recent
 * evidence dominates (an early warning needs that), yet one bad week cannot
 * swing a signal on its own.
 */
export const RECENCY_DECAY = 0.85;

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/** The look-back window of one evaluation: what is recent, how recent, and how long things took. */
export interface LookBack {
  readonly asOf: DateTime;
  readonly timeline: EffectiveTimeline;
  /** True when `t` is at or before `asOf` and within the last LOOKBACK_WEEKS effective weeks. */
  includes(t: DateTime): boolean;
  /** True when `t` is at or before `asOf` (whatever its age). */
  isPast(t: DateTime): boolean;
  /** Effective weeks from `t` to `asOf`, fractional. */
  ageInWeeks(t: DateTime): number;
  /** The recency weight of something that happened at `t`. */
  weight(t: DateTime): number;
  /** Effective hours from `from` to `to` (paused weeks cut out); negative when `to` is earlier. */
  hoursBetween(from: DateTime, to: DateTime): number;
}

const lookBacks = new WeakMap<EngagementHistory, Map<string, LookBack>>();

/**
 * The look-back window of `history` as of `asOf`, measured on the effective
 * clock so paused weeks neither count towards the window nor age evidence.
 * Memoised per history and instant: every rule of one assessment shares it.
 */
export function lookBack(history: EngagementHistory, asOf: DateTime, weeks = LOOKBACK_WEEKS): LookBack {
  let byInstant = lookBacks.get(history);
  if (!byInstant) {
    byInstant = new Map();
    lookBacks.set(history, byInstant);
  }
  const key = `${asOf.toMillis()}/${weeks}`;
  let window = byInstant.get(key);
  if (!window) {
    window = buildLookBack(history, asOf, weeks);
    byInstant.set(key, window);
  }
  return window;
}

function buildLookBack(history: EngagementHistory, asOf: DateTime, weeks: number): LookBack {
  const timeline = effectiveTimeline(history);
  const asOfMs = asOf.toMillis();
  const effectiveNow = timeline.at(asOf);
  const nowMs = effectiveNow.toMillis();
  const startMs = effectiveNow.minus({ weeks }).toMillis();
  const ageInWeeks = (t: DateTime): number => (nowMs - timeline.millis(t)) / WEEK_MS;
  return {
    asOf,
    timeline,
    includes: (t) => t.toMillis() <= asOfMs && timeline.millis(t) > startMs,
    isPast: (t) => t.toMillis() <= asOfMs,
    ageInWeeks,
    weight: (t) => RECENCY_DECAY ** Math.max(0, ageInWeeks(t)),
    hoursBetween: (from, to) => (timeline.millis(to) - timeline.millis(from)) / HOUR_MS,
  };
}

/** Σ weight × points / Σ weight, or null when there is nothing to weigh. */
export function weightedMean(items: readonly { weight: number; points: number }[]): number | null {
  let total = 0;
  let sum = 0;
  for (const item of items) {
    total += item.weight;
    sum += item.weight * item.points;
  }
  return total > 0 ? sum / total : null;
}

/** A 0–1 fraction as a whole 0–100 score. */
export function toScore(fraction: number): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}
