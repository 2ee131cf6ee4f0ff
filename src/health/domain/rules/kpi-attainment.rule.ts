import type { DateTime } from 'luxon';
import { trailingRun } from '../condition-run';
import type { EngagementHistory, KpiDefinition } from '../engagement-history';
import { formatKpiValue, kpiPoints, kpiShortfall } from '../kpi-result';
import { LOOKBACK_WEEKS, lookBack, toScore, weightedMean } from '../look-back';
import type { SignalResult } from '../signal-result';
import { reportsKnownAt } from '../submitted-reports';

export interface KpiReading {
  dueAt: DateTime;
  value: number;
  /** Direction-aware: > 0 short of target, ≤ 0 met or beaten. */
  shortfall: number;
}

export interface KpiRun {
  length: number;
  /** Due instant of the first report of the run; null when the run is empty. */
  since: DateTime | null;
  /** The run's readings, oldest first. */
  readings: readonly KpiReading[];
}

export interface KpiTrack {
  kpi: KpiDefinition;
  /** Readings in the window, newest first. */
  recent: readonly KpiReading[];
  /** 0–100 for this KPI, null without readings in the window. */
  score: number | null;
  /** Readings short of target in a row up to now (whole history). */
  below: KpiRun;
  /** Readings strictly better than target in a row up to now (whole history). */
  beating: KpiRun;
}

export interface KpiAttainmentEvidence {
  tracks: readonly KpiTrack[];
}

export type KpiAttainmentResult = SignalResult<'kpi_attainment', KpiAttainmentEvidence>;

/**
 * KPI attainment: each KPI's reported values against its target, direction
 * aware (a lower handle time is better), recent reports weighing more; the
 * signal is the plain mean over KPIs, so one KPI cannot drown the others.
 */
export function kpiAttainmentRule(history: EngagementHistory, asOf: DateTime): KpiAttainmentResult {
  const window = lookBack(history, asOf);
  const known = reportsKnownAt(history, window);
  const tracks = history.kpis.map((kpi): KpiTrack => {
    const readings: KpiReading[] = [];
    for (const report of known) {
      const value = report.kpiValues[kpi.key];
      if (typeof value === 'number' && Number.isFinite(value)) {
        readings.push({ dueAt: report.dueAt, value, shortfall: kpiShortfall(kpi, value) });
      }
    }
    const recent = readings.filter((r) => window.includes(r.dueAt)).reverse();
    const mean = weightedMean(
      recent.map((r) => ({ weight: window.weight(r.dueAt), points: kpiPoints(kpi, r.value) })),
    );
    return {
      kpi,
      recent,
      score: mean === null ? null : toScore(mean),
      below: run(readings, (r) => r.shortfall > 0),
      beating: run(readings, (r) => r.shortfall < 0),
    };
  });
  const scored = tracks.flatMap((t) => (t.score === null ? [] : [t.score]));
  const evidence = { tracks };
  return {
    key: 'kpi_attainment',
    score: scored.length === 0 ? null : Math.round(scored.reduce((a, b) => a + b, 0) / scored.length),
    explanation: explain(evidence, history.kpis.length),
    evidence,
  };
}

function run(readings: readonly KpiReading[], test: (r: KpiReading) => boolean): KpiRun {
  const length = trailingRun(readings, test);
  const slice = readings.slice(readings.length - length);
  return { length, since: slice[0]?.dueAt ?? null, readings: length === 0 ? [] : slice };
}

function explain(evidence: KpiAttainmentEvidence, defined: number): string {
  if (defined === 0) return 'No KPIs are defined for this engagement.';
  const parts = evidence.tracks.flatMap((track) => {
    const latest = track.recent[0];
    if (!latest) return [];
    const { kpi } = track;
    const below = track.recent.filter((r) => r.shortfall > 0).length;
    const n = track.recent.length;
    const standing =
      below === 0
        ? n === 1
          ? 'on target'
          : `on target in all ${n} reports`
        : `below in ${below} of the last ${n} ${n === 1 ? 'report' : 'reports'}`;
    return [
      `${kpi.label} ${formatKpiValue(kpi, latest.value)} vs target ${formatKpiValue(kpi, kpi.target)} (${standing})`,
    ];
  });
  if (parts.length === 0) return `No KPI values were reported in the last ${LOOKBACK_WEEKS} weeks.`;
  return `${parts.join('; ')}.`;
}
