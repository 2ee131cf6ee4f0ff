import type { DateTime } from 'luxon';
import type { HealthSignals } from './health-signals';
import type { HealthTrend } from './health-trend';
import { formatKpiValue } from './kpi-result';
import { count, quote } from './wording';

export const HIGHLIGHT_CODES = [
  'KPI_ABOVE_TARGET',
  'ON_TIME_STREAK',
  'MEETINGS_HELD_STREAK',
  'GREEN_STREAK',
  'BLOCKER_CLEARED',
  'HEALTH_IMPROVING',
] as const;
export type HighlightCode = (typeof HIGHLIGHT_CODES)[number];

/** Good news, as `/health` and the digest show it. */
export interface HealthHighlight {
  code: HighlightCode;
  /** Plain English naming the evidence: "Close rate 14.2% vs target 12% for 3 weeks". */
  message: string;
}

/**
 * How much good news it takes. Streaks start counting at four: a month of
 * weekly touchpoints kept is a habit, not luck. A KPI beating target three
 * reports running is a result. A blocker is worth calling out when it had
 * stood for two weeks or more.
 */
export interface RecognitionThresholds {
  kpiBeatingReports: number;
  onTimeStreak: number;
  meetingsHeldStreak: number;
  greenStreak: number;
  blockerClearedWeeks: number;
  /** Points gained over the trend's span. */
  improvingPoints: number;
}

export const DEFAULT_RECOGNITION_THRESHOLDS: RecognitionThresholds = {
  kpiBeatingReports: 3,
  onTimeStreak: 4,
  meetingsHeldStreak: 4,
  greenStreak: 4,
  blockerClearedWeeks: 2,
  improvingPoints: 10,
};

/**
 * Highlights: what went well, named as specifically as the flags name what
 * went wrong, so a remote team's good work is seen as readily as its misses.
 * Streaks run over the whole history and holiday skips do not break them.
 */
export function recognise(
  signals: HealthSignals,
  trend: HealthTrend,
  thresholds: RecognitionThresholds = DEFAULT_RECOGNITION_THRESHOLDS,
): HealthHighlight[] {
  const highlights: HealthHighlight[] = [];
  for (const track of signals.kpi_attainment.evidence.tracks) {
    const { beating, kpi } = track;
    if (track.recent.length === 0 || beating.length < thresholds.kpiBeatingReports || !beating.since)
      continue;
    const latest = beating.readings[beating.readings.length - 1];
    highlights.push({
      code: 'KPI_ABOVE_TARGET',
      message: `${kpi.label} ${formatKpiValue(kpi, latest.value)} vs target ${formatKpiValue(kpi, kpi.target)} for ${count(
        spanInWeeks(beating.since, latest.dueAt),
        'week',
      )}`,
    });
  }
  const onTime = signals.report_timeliness.evidence.onTimeStreak;
  if (onTime >= thresholds.onTimeStreak) {
    highlights.push({ code: 'ON_TIME_STREAK', message: `${onTime} reports on time in a row` });
  }
  const held = signals.meeting_adherence.evidence.heldStreak;
  if (held >= thresholds.meetingsHeldStreak) {
    highlights.push({ code: 'MEETINGS_HELD_STREAK', message: `${held} meetings held in a row` });
  }
  const green = signals.status_colour.evidence.green.length;
  if (green >= thresholds.greenStreak) {
    highlights.push({ code: 'GREEN_STREAK', message: `Status green in ${green} reports in a row` });
  }
  for (const blocker of signals.recurring_blockers.evidence.cleared) {
    if (blocker.weeksOpen < thresholds.blockerClearedWeeks) continue;
    highlights.push({
      code: 'BLOCKER_CLEARED',
      message: `${quote(blocker.text)} resolved after ${count(blocker.weeksOpen, 'week')}`,
    });
  }
  if (trend.change !== null && trend.change >= thresholds.improvingPoints) {
    const now = trend.series[trend.series.length - 1].score;
    highlights.push({
      code: 'HEALTH_IMPROVING',
      message: `Health up ${trend.change} points in ${count(trend.weeks, 'week')}, ${now - trend.change} → ${now}`,
    });
  }
  return highlights;
}

/**
 * Calendar weeks covered by reports due from `first` to `last`, counting both
 * ends: three weekly reports are "3 weeks", three fortnightly ones "5 weeks".
 */
function spanInWeeks(first: DateTime, last: DateTime): number {
  return Math.round(last.diff(first, 'weeks').weeks) + 1;
}
