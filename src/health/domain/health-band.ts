/** Health bands, best first. */
export const HEALTH_BANDS = ['healthy', 'watch', 'at_risk', 'strained'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

/** The lowest score of each band above `strained`: `healthy` from 75, `watch` from 60, `at_risk` from 40. */
export interface HealthBandThresholds {
  healthy: number;
  watch: number;
  at_risk: number;
}

/**
 * Defaults. A vendor who is on time and green with one KPI a little short
 * sits in the 80s; one late report a month and some amber keeps it above 75.
 * Below 60 several signals are failing at once; below 40 the regimen has
 * largely stopped (reports missing, no contact for weeks).
 */
export const DEFAULT_HEALTH_BAND_THRESHOLDS: HealthBandThresholds = { healthy: 75, watch: 60, at_risk: 40 };

/**
 * Points a score must climb above a band's lower edge to move back into it.
 * Without it a score wobbling around 75 would flip between healthy and watch
 * each week and fire "band worsened" every other Monday.
 */
export const BAND_HYSTERESIS = 3;

/**
 * The band of `score`. With the previous band given, moving to a better band
 * needs BAND_HYSTERESIS points of margin; moving to a worse one needs none.
 */
export function bandFor(
  score: number,
  thresholds: HealthBandThresholds = DEFAULT_HEALTH_BAND_THRESHOLDS,
  previous: HealthBand | null = null,
): HealthBand {
  const plain = plainBand(score, thresholds, 0);
  if (previous === null || bandRank(plain) >= bandRank(previous)) return plain;
  // Improving: only as far as the score clears each edge by the margin, and never worse than plain.
  const cautious = plainBand(score, thresholds, BAND_HYSTERESIS);
  return bandRank(cautious) < bandRank(previous) ? cautious : previous;
}

function plainBand(score: number, t: HealthBandThresholds, margin: number): HealthBand {
  if (score >= t.healthy + margin) return 'healthy';
  if (score >= t.watch + margin) return 'watch';
  if (score >= t.at_risk + margin) return 'at_risk';
  return 'strained';
}

/** 0 for healthy up to 3 for strained. */
export function bandRank(band: HealthBand): number {
  return HEALTH_BANDS.indexOf(band);
}

export type HealthBandThresholdsValidation =
  { ok: true; thresholds: HealthBandThresholds } | { ok: false; errors: Readonly<Record<string, string>> };

/**
 * Checks band thresholds from configuration: whole numbers from 1 to 100,
 * healthy above watch above at_risk.
 */
export function validateHealthBandThresholds(
  input: unknown,
  path = 'health.bands',
): HealthBandThresholdsValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: { [path]: 'must be a mapping with healthy, watch and at_risk' } };
  }
  const raw = input as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const key of Object.keys(raw)) {
    if (!['healthy', 'watch', 'at_risk'].includes(key)) {
      errors[`${path}.${key}`] = 'is not a band threshold; expected healthy, watch or at_risk';
    }
  }
  const read = (key: keyof HealthBandThresholds): number | null => {
    const value = raw[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100) return value;
    errors[`${path}.${key}`] =
      value === undefined
        ? 'is missing'
        : `must be a whole number from 1 to 100, got ${JSON.stringify(value)}`;
    return null;
  };
  const healthy = read('healthy');
  const watch = read('watch');
  const atRisk = read('at_risk');
  if (healthy !== null && watch !== null && healthy <= watch) {
    errors[`${path}.healthy`] = `must be above watch (${watch}), got ${healthy}`;
  }
  if (watch !== null && atRisk !== null && watch <= atRisk) {
    errors[`${path}.watch`] = `must be above at_risk (${atRisk}), got ${watch}`;
  }
  if (Object.keys(errors).length > 0 || healthy === null || watch === null || atRisk === null) {
    return { ok: false, errors };
  }
  return { ok: true, thresholds: { healthy, watch, at_risk: atRisk } };
}
