import type { DateTime } from 'luxon';
import { type EngagementHistory, isExcused } from './engagement-history';

/**
 * A local week (Monday to Monday in the history's zone) in which every
 * touchpoint was skipped for a holiday, time off or a blackout, and none took
 * place: the relationship was paused, not neglected.
 */
export interface PausedWeek {
  start: DateTime;
  end: DateTime;
  /** The adjustment reasons, e.g. ["Diwali (IN)"], without duplicates. */
  reasons: readonly string[];
}

/**
 * The clock the health rules measure with: real time with every paused week
 * cut out. Days since contact, lateness, ask ages and the look-back window are
 * all measured on it, so a Diwali week neither widens a contact gap nor pushes
 * an ordinary week out of the window: the history reads exactly as if the week
 * had not existed.
 */
export interface EffectiveTimeline {
  readonly timeZone: string;
  readonly pausedWeeks: readonly PausedWeek[];
  /** `t` on the effective clock, in the history's zone. */
  at(t: DateTime): DateTime;
  /** `t` on the effective clock, as epoch milliseconds (memoised; the rules call this a lot). */
  millis(t: DateTime): number;
  /** The paused weeks that lie wholly or partly between `from` and `to`. */
  pausedBetween(from: DateTime, to: DateTime): readonly PausedWeek[];
}

const timelines = new WeakMap<EngagementHistory, EffectiveTimeline>();

/**
 * The effective timeline of a history. A week is paused when it holds at least
 * one excused touchpoint (placed by `originalAt`) and no touchpoint that was
 * not excused (placed by `scheduledAt`). A week with a skipped meeting but a
 * submitted report is not paused: contact was possible that week.
 *
 * Memoised per history object, which the rules treat as immutable.
 */
export function effectiveTimeline(history: EngagementHistory): EffectiveTimeline {
  const known = timelines.get(history);
  if (known) return known;
  const timeline = buildTimeline(history);
  timelines.set(history, timeline);
  return timeline;
}

interface Candidate {
  start: DateTime;
  end: DateTime;
  startMs: number;
  endMs: number;
  reasons: Set<string>;
}

function buildTimeline(history: EngagementHistory): EffectiveTimeline {
  const zone = history.timeZone;
  // Only weeks holding an excused touchpoint can pause, so zone math is done
  // for those few alone; everything else is compared as epoch milliseconds.
  const candidates = new Map<number, Candidate>();
  const active: number[] = [];
  for (const touchpoint of history.touchpoints) {
    if (!isExcused(touchpoint)) {
      active.push(touchpoint.scheduledAt.toMillis());
      continue;
    }
    const start = touchpoint.originalAt.setZone(zone).startOf('week');
    const startMs = start.toMillis();
    let week = candidates.get(startMs);
    if (!week) {
      const end = start.plus({ weeks: 1 });
      week = { start, end, startMs, endMs: end.toMillis(), reasons: new Set() };
      candidates.set(startMs, week);
    }
    if (touchpoint.adjustment) week.reasons.add(touchpoint.adjustment.reason);
  }
  const paused = [...candidates.values()]
    .filter((week) => !active.some((ms) => ms >= week.startMs && ms < week.endMs))
    .sort((a, b) => a.startMs - b.startMs)
    .map(({ reasons, ...week }) => ({ ...week, reasons: [...reasons] }));

  const at = (t: DateTime): DateTime => {
    const ms = t.toMillis();
    let before = 0;
    for (const week of paused) {
      if (week.endMs <= ms) {
        before += 1;
      } else {
        // Inside a paused week the effective clock stands still at its start.
        if (week.startMs <= ms) return before === 0 ? week.start : week.start.minus({ weeks: before });
        break;
      }
    }
    // Calendar math in the local zone, so cutting a week out across a DST
    // change removes exactly one local week, as a holiday week is.
    const local = t.setZone(zone);
    return before === 0 ? local : local.minus({ weeks: before });
  };

  const memo = new Map<number, number>();
  const millis = (t: DateTime): number => {
    const ms = t.toMillis();
    if (paused.length === 0 || ms < paused[0].startMs) return ms;
    let effective = memo.get(ms);
    if (effective === undefined) {
      effective = at(t).toMillis();
      memo.set(ms, effective);
    }
    return effective;
  };

  const pausedBetween = (from: DateTime, to: DateTime): readonly PausedWeek[] => {
    const fromMs = from.toMillis();
    const toMs = to.toMillis();
    return paused.filter((week) => week.endMs > fromMs && week.startMs < toMs);
  };

  return { timeZone: zone, pausedWeeks: paused, at, millis, pausedBetween };
}
