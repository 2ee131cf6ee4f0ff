import { SIGNAL_KEYS, type SignalKey } from './signal-result';

/** How much each signal counts in the health score; they add up to 1. */
export type HealthWeights = Readonly<Record<SignalKey, number>>;

/**
 * Default weights (config/health.yaml overrides them). The regimen itself,
 * reports, meetings and contact, carries half: those are what slip first and
 * what Cadence exists to keep alive. Outcomes (KPIs) and the vendor's own
 * colour come next; blockers, asks and nudge responses are supporting
 * evidence that rarely move on their own.
 */
export const DEFAULT_HEALTH_WEIGHTS: HealthWeights = {
  report_timeliness: 0.2,
  meeting_adherence: 0.15,
  two_way_contact: 0.15,
  kpi_attainment: 0.15,
  status_colour: 0.1,
  recurring_blockers: 0.1,
  unanswered_asks: 0.08,
  nudge_response: 0.07,
};

/** How far the weights may add up away from 1 (rounding in hand-edited YAML). */
const SUM_TOLERANCE = 0.001;

export type HealthWeightsValidation =
  | { ok: true; weights: HealthWeights }
  /** Setting path (`health.weights.report_timeliness`) → what is wrong with it. */
  | { ok: false; errors: Readonly<Record<string, string>> };

/**
 * Checks weights loaded from configuration: an object naming every signal
 * exactly once, each a finite number from 0 to 1 (0 switches a signal off),
 * adding up to 1. Each problem is reported under its setting path, so start-up
 * can fail with a message naming every bad setting.
 */
export function validateHealthWeights(input: unknown, path = 'health.weights'): HealthWeightsValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: { [path]: `must be a mapping of signal to weight (${SIGNAL_KEYS.join(', ')})` },
    };
  }
  const raw = input as Record<string, unknown>;
  const errors: Record<string, string> = {};
  const known = new Set<string>(SIGNAL_KEYS);
  for (const key of Object.keys(raw)) {
    if (!known.has(key))
      errors[`${path}.${key}`] = `is not a health signal; expected one of ${SIGNAL_KEYS.join(', ')}`;
  }
  const weights: Partial<Record<SignalKey, number>> = {};
  for (const key of SIGNAL_KEYS) {
    const value = raw[key];
    if (value === undefined) {
      errors[`${path}.${key}`] = 'is missing; give it a weight (0 switches the signal off)';
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      errors[`${path}.${key}`] = `must be a number from 0 to 1, got ${JSON.stringify(value)}`;
    } else {
      weights[key] = value;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const complete = weights as Record<SignalKey, number>;
  const sum = SIGNAL_KEYS.reduce((total, key) => total + complete[key], 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    return {
      ok: false,
      errors: { [path]: `weights must add up to 1; they add up to ${Number(sum.toFixed(4))}` },
    };
  }
  return { ok: true, weights: complete };
}
