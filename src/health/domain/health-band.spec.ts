import { bandFor, DEFAULT_HEALTH_BAND_THRESHOLDS, validateHealthBandThresholds } from './health-band';

describe('bandFor', () => {
  it('bands by the lowest score of each band', () => {
    expect(bandFor(100)).toBe('healthy');
    expect(bandFor(75)).toBe('healthy');
    expect(bandFor(74)).toBe('watch');
    expect(bandFor(60)).toBe('watch');
    expect(bandFor(59)).toBe('at_risk');
    expect(bandFor(40)).toBe('at_risk');
    expect(bandFor(39)).toBe('strained');
    expect(bandFor(0)).toBe('strained');
  });

  it('worsens at once but climbs back only with three points of margin', () => {
    expect(bandFor(74, DEFAULT_HEALTH_BAND_THRESHOLDS, 'healthy')).toBe('watch');
    expect(bandFor(76, DEFAULT_HEALTH_BAND_THRESHOLDS, 'watch')).toBe('watch');
    expect(bandFor(78, DEFAULT_HEALTH_BAND_THRESHOLDS, 'watch')).toBe('healthy');
    // From strained, a jump to 61 lands in at_risk (61 < 63), not watch.
    expect(bandFor(61, DEFAULT_HEALTH_BAND_THRESHOLDS, 'strained')).toBe('at_risk');
  });
});

describe('validateHealthBandThresholds', () => {
  it('accepts the defaults', () => {
    expect(validateHealthBandThresholds({ ...DEFAULT_HEALTH_BAND_THRESHOLDS })).toEqual({
      ok: true,
      thresholds: DEFAULT_HEALTH_BAND_THRESHOLDS,
    });
  });

  it('names thresholds out of order, out of range or unknown', () => {
    expect(validateHealthBandThresholds({ healthy: 60, watch: 70, at_risk: 40.5, critical: 10 })).toEqual({
      ok: false,
      errors: {
        'health.bands.critical': 'is not a band threshold; expected healthy, watch or at_risk',
        'health.bands.at_risk': 'must be a whole number from 1 to 100, got 40.5',
        'health.bands.healthy': 'must be above watch (70), got 60',
      },
    });
  });
});
