import type { DateTime } from 'luxon';
import type { EngagementHistory } from './engagement-history';
import {
  bandFor,
  DEFAULT_HEALTH_BAND_THRESHOLDS,
  type HealthBand,
  type HealthBandThresholds,
} from './health-band';
import { DEFAULT_FLAG_THRESHOLDS, detectFlags, type FlagThresholds, type HealthFlag } from './health-flags';
import { evaluateSignals, type HealthSignals } from './health-signals';
import { healthTrend, type HealthSnapshot } from './health-trend';
import { DEFAULT_HEALTH_WEIGHTS, type HealthWeights } from './health-weights';
import {
  DEFAULT_RECOGNITION_THRESHOLDS,
  type HealthHighlight,
  recognise,
  type RecognitionThresholds,
} from './recognition';
import { SIGNAL_KEYS, type SignalKey } from './signal-result';

/** One signal as `/health` lists it. */
export interface SignalSummary {
  key: SignalKey;
  /** Null when the window held no evidence for it (then its weight is 0). */
  score: number | null;
  /** The weight it actually carried: configured weights renormalised over the signals with evidence. */
  weight: number;
  explanation: string;
}

/** The body of `GET /api/v1/engagements/:id/health`. */
export interface HealthAssessment {
  score: number;
  band: HealthBand;
  /** Score now minus four weekly snapshots ago; null before the first snapshot. */
  trend: number | null;
  signals: SignalSummary[];
  flags: HealthFlag[];
  highlights: HealthHighlight[];
}

export interface HealthOptions {
  weights?: HealthWeights;
  bands?: HealthBandThresholds;
  flagThresholds?: FlagThresholds;
  recognitionThresholds?: RecognitionThresholds;
  /** Earlier weekly snapshots, any order: the trend, STEADY_DECLINE and band hysteresis come from them. */
  snapshots?: readonly HealthSnapshot[];
}

/**
 * The weighted score 0–100 of a set of signals. Signals without evidence
 * (score null) drop out and the others' weights are scaled up to fill their
 * share, so an engagement without KPIs is not scored as if it met them all.
 * With no evidence at all (a brand-new engagement) the score is 100: nothing
 * has gone wrong yet.
 */
export function weightedScore(
  signals: HealthSignals,
  weights: HealthWeights = DEFAULT_HEALTH_WEIGHTS,
): { score: number; weights: Readonly<Record<SignalKey, number>> } {
  const present = SIGNAL_KEYS.filter((key) => signals[key].score !== null && weights[key] > 0);
  const total = present.reduce((sum, key) => sum + weights[key], 0);
  const effective = Object.fromEntries(
    SIGNAL_KEYS.map((key) => [key, present.includes(key) && total > 0 ? weights[key] / total : 0]),
  ) as Record<SignalKey, number>;
  if (total <= 0) return { score: 100, weights: effective };
  const raw = present.reduce((sum, key) => sum + effective[key] * signals[key].score!, 0);
  return { score: Math.min(100, Math.max(0, Math.round(raw))), weights: effective };
}

/**
 * Assesses an engagement's health as of `asOf`: every rule, the weighted
 * score and band, the trend against earlier weekly snapshots, early-warning
 * flags and highlights. Pure: the caller supplies history, snapshots, weights
 * and thresholds (from config/health.yaml), and the instant.
 */
export function assessHealth(
  history: EngagementHistory,
  asOf: DateTime,
  options: HealthOptions = {},
): HealthAssessment {
  const signals = evaluateSignals(history, asOf);
  const { score, weights } = weightedScore(signals, options.weights ?? DEFAULT_HEALTH_WEIGHTS);
  const snapshots = options.snapshots ?? [];
  const previous = latestBefore(snapshots, asOf);
  const band = bandFor(score, options.bands ?? DEFAULT_HEALTH_BAND_THRESHOLDS, previous?.band ?? null);
  const trend = healthTrend(history, asOf, score, snapshots);
  return {
    score,
    band,
    trend: trend.change,
    signals: SIGNAL_KEYS.map((key) => ({
      key,
      score: signals[key].score,
      weight: Math.round(weights[key] * 1000) / 1000,
      explanation: signals[key].explanation,
    })),
    flags: detectFlags(signals, trend, history.timeZone, options.flagThresholds ?? DEFAULT_FLAG_THRESHOLDS),
    highlights: recognise(signals, trend, options.recognitionThresholds ?? DEFAULT_RECOGNITION_THRESHOLDS),
  };
}

function latestBefore(snapshots: readonly HealthSnapshot[], asOf: DateTime): HealthSnapshot | null {
  let latest: HealthSnapshot | null = null;
  for (const s of snapshots) {
    if (s.at.toMillis() < asOf.toMillis() && (!latest || s.at.toMillis() > latest.at.toMillis())) latest = s;
  }
  return latest;
}
