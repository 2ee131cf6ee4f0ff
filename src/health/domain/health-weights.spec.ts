import { DEFAULT_HEALTH_WEIGHTS, validateHealthWeights } from './health-weights';
import { SIGNAL_KEYS } from './signal-result';

describe('validateHealthWeights', () => {
  it('accepts the defaults, which name every signal and add up to 1', () => {
    expect(validateHealthWeights({ ...DEFAULT_HEALTH_WEIGHTS })).toEqual({
      ok: true,
      weights: DEFAULT_HEALTH_WEIGHTS,
    });
    expect(Object.keys(DEFAULT_HEALTH_WEIGHTS).sort()).toEqual([...SIGNAL_KEYS].sort());
  });

  it('accepts 0 to switch a signal off', () => {
    const weights = { ...DEFAULT_HEALTH_WEIGHTS, nudge_response: 0, report_timeliness: 0.27 };
    expect(validateHealthWeights(weights).ok).toBe(true);
  });

  it('names each bad, missing or unknown weight under its setting path', () => {
    const { nudge_response: _dropped, ...rest } = DEFAULT_HEALTH_WEIGHTS;
    const result = validateHealthWeights({
      ...rest,
      report_timeliness: -0.2,
      status_colour: '0.1',
      sentiment: 0.1,
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        'health.weights.sentiment': `is not a health signal; expected one of ${SIGNAL_KEYS.join(', ')}`,
        'health.weights.report_timeliness': 'must be a number from 0 to 1, got -0.2',
        'health.weights.status_colour': 'must be a number from 0 to 1, got "0.1"',
        'health.weights.nudge_response': 'is missing; give it a weight (0 switches the signal off)',
      },
    });
  });

  it('rejects weights that do not add up to 1, saying what they add up to', () => {
    expect(validateHealthWeights({ ...DEFAULT_HEALTH_WEIGHTS, kpi_attainment: 0.25 })).toEqual({
      ok: false,
      errors: { 'health.weights': 'weights must add up to 1; they add up to 1.1' },
    });
  });

  it('rejects something that is not a mapping', () => {
    const result = validateHealthWeights([0.5, 0.5]);
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.errors).toHaveProperty(['health.weights']);
  });
});
