import {
  DEFAULT_HEALTH_BAND_THRESHOLDS,
  type HealthBandThresholds,
  validateHealthBandThresholds,
} from './domain/health-band';
import { DEFAULT_HEALTH_WEIGHTS, type HealthWeights, validateHealthWeights } from './domain/health-weights';

/**
 * What `config/health.yaml` sets, validated once at start-up. Inject it by
 * class; the file itself is read by `health-settings.loader.ts` alone.
 */
export class HealthSettings {
  constructor(
    readonly weights: HealthWeights,
    readonly bands: HealthBandThresholds,
    /**
     * How far back an engagement's history is read for an assessment. The
     * rules look 8 weeks back; streaks ("12 reports on time in a row") count
     * within this span, which also bounds the work per engagement.
     */
    readonly historyWeeks: number,
  ) {}
}

export const DEFAULT_HISTORY_WEEKS = 52;
const HISTORY_WEEKS_RANGE = { min: 12, max: 260 } as const;

export const DEFAULT_HEALTH_SETTINGS = new HealthSettings(
  DEFAULT_HEALTH_WEIGHTS,
  DEFAULT_HEALTH_BAND_THRESHOLDS,
  DEFAULT_HISTORY_WEEKS,
);

const KNOWN_KEYS = ['weights', 'bands', 'historyWeeks'];

export type HealthSettingsParse =
  | { ok: true; settings: HealthSettings }
  /** `health.weights.report_timeliness: must be a number from 0 to 1, got 2`, one line per bad setting. */
  | { ok: false; problems: string[] };

/**
 * Reads the parsed YAML of config/health.yaml. Every key is optional (a
 * missing one keeps its default), an unknown key is an error like a bad
 * value, and every problem is named by its setting path (`health.weights.…`).
 */
export function parseHealthSettings(raw: unknown): HealthSettingsParse {
  if (raw === null || raw === undefined) return { ok: true, settings: DEFAULT_HEALTH_SETTINGS };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: ['health: must be a mapping with weights, bands and historyWeeks'] };
  }
  const tree = raw as Record<string, unknown>;
  const problems = Object.keys(tree)
    .filter((key) => !KNOWN_KEYS.includes(key))
    .map((key) => `health.${key}: is not a known setting (expected ${KNOWN_KEYS.join(', ')})`);

  let weights = DEFAULT_HEALTH_SETTINGS.weights;
  if (tree.weights !== undefined) {
    const checked = validateHealthWeights(tree.weights, 'health.weights');
    if (checked.ok) weights = checked.weights;
    else problems.push(...lines(checked.errors));
  }
  let bands = DEFAULT_HEALTH_SETTINGS.bands;
  if (tree.bands !== undefined) {
    const checked = validateHealthBandThresholds(tree.bands, 'health.bands');
    if (checked.ok) bands = checked.thresholds;
    else problems.push(...lines(checked.errors));
  }
  let historyWeeks = DEFAULT_HEALTH_SETTINGS.historyWeeks;
  if (tree.historyWeeks !== undefined) {
    const value = tree.historyWeeks;
    const { min, max } = HISTORY_WEEKS_RANGE;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
      historyWeeks = value;
    } else {
      problems.push(
        `health.historyWeeks: must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: new HealthSettings(weights, bands, historyWeeks) };
}

function lines(errors: Readonly<Record<string, string>>): string[] {
  return Object.entries(errors).map(([path, message]) => `${path}: ${message}`);
}
