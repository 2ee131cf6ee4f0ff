import type { DateTime } from 'luxon';
import { isoWeekMonday } from '../../cadences/domain/civil-date';
import { localDayAt } from '../../cadences/domain/zone-offset';
import { effectiveTimeline } from './effective-timeline';
import { type EngagementHistory, isExcused } from './engagement-history';
import type { HealthBand } from './health-band';

/** A stored weekly assessment (what `/health/history` lists). */
export interface HealthSnapshot {
  at: DateTime;
  score: number;
  band: HealthBand;
}

/** The trend spans this many weekly steps. */
export const TREND_WEEKS = 4;

export interface HealthTrend {
  /**
   * Score now minus the score TREND_WEEKS weekly snapshots ago (or the oldest
   * one when there are fewer); null before the first snapshot. A plain
   * difference rather than a regression slope: "down 9 points in 4 weeks" is
   * what a reader can check against the chart.
   */
  change: number | null;
  /** Weekly steps `change` spans, 0 to TREND_WEEKS. */
  weeks: number;
  /** Weekly falls in a row ending now. */
  consecutiveDrops: number;
  /** Points lost over those falls. */
  dropTotal: number;
  /** The snapshot the current slide started from (the last one at the peak); null when not sliding. */
  slideSince: DateTime | null;
  /** The weekly scores used, oldest first, ending with the current one at `asOf`. */
  series: readonly { at: DateTime; score: number }[];
}

/**
 * The trend of `score` (the score at `asOf`) against earlier weekly snapshots.
 * Snapshots taken in a paused holiday week are dropped, since the score was
 * frozen then: a Diwali week neither flattens a real slide nor shows up as a
 * week without change. One snapshot per local week is kept (the latest), and
 * none from the week of `asOf`, which the current score stands for. Snapshots
 * taken before the first touchpoint fell due are dropped too: with no evidence
 * they scored 100 (see `weightedScore`), and a new engagement's first real
 * week would read as a fall from that empty baseline.
 */
export function healthTrend(
  history: EngagementHistory,
  asOf: DateTime,
  score: number,
  snapshots: readonly HealthSnapshot[],
): HealthTrend {
  const timeline = effectiveTimeline(history);
  const zone = history.timeZone;
  // Weeks are named by their local Monday (an epoch day) through the memoised offset table:
  // Luxon's setZone().startOf('week') asks Intl several times per snapshot, which dominated
  // recomputing thousands of engagements.
  const weekOf = (t: DateTime): number => isoWeekMonday(localDayAt(zone, t.toMillis()));
  const currentWeek = weekOf(asOf);
  const paused = timeline.pausedWeeks.map((w) => [w.start.toMillis(), w.end.toMillis()] as const);
  const firstDue = firstDueMillis(history);
  const byWeek = new Map<number, HealthSnapshot>();
  for (const snapshot of snapshots) {
    const ms = snapshot.at.toMillis();
    const week = weekOf(snapshot.at);
    if (week >= currentWeek || ms < firstDue || paused.some(([start, end]) => ms >= start && ms < end))
      continue;
    const kept = byWeek.get(week);
    if (!kept || kept.at.toMillis() < ms) byWeek.set(week, snapshot);
  }
  const series = [...byWeek.values()]
    .sort((a, b) => a.at.toMillis() - b.at.toMillis())
    .map((s) => ({ at: s.at, score: s.score }));
  series.push({ at: asOf, score });

  const last = series.length - 1;
  const base = Math.max(0, last - TREND_WEEKS);
  let drops = 0;
  while (drops < last && series[last - drops].score < series[last - drops - 1].score) drops += 1;
  let peak = last;
  while (peak > 0 && series[peak - 1].score >= series[peak].score) peak -= 1;
  while (peak < last && series[peak + 1].score === series[peak].score) peak += 1;
  return {
    change: last === 0 ? null : score - series[base].score,
    weeks: last - base,
    consecutiveDrops: drops,
    dropTotal: series[last - drops].score - score,
    slideSince: peak < last && series[peak].score > score ? series[peak].at : null,
    series,
  };
}

/** When the first touchpoint that counts fell due (+∞ when none has). */
function firstDueMillis(history: EngagementHistory): number {
  let first = Number.POSITIVE_INFINITY;
  for (const touchpoint of history.touchpoints) {
    if (!isExcused(touchpoint)) first = Math.min(first, touchpoint.scheduledAt.toMillis());
  }
  return first;
}
