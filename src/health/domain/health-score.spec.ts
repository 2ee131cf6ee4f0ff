import { HistoryFactory } from '../../../test/health/history.factory';
import { evaluateSignals } from './health-signals';
import { assessHealth, weightedScore } from './health-score';
import { DEFAULT_HEALTH_WEIGHTS, type HealthWeights } from './health-weights';
import { SIGNAL_KEYS } from './signal-result';

describe('assessHealth', () => {
  it('answers in the shape of GET /health: score, band, trend, signals with weights, flags, highlights', () => {
    const f = new HistoryFactory().weeks(8);
    const health = assessHealth(f.build(), f.end());
    expect(health).toEqual({
      score: 100,
      band: 'healthy',
      trend: null,
      signals: SIGNAL_KEYS.map((key) => ({
        key,
        score: 100,
        weight: DEFAULT_HEALTH_WEIGHTS[key],
        explanation: expect.any(String) as unknown,
      })),
      flags: [],
      highlights: expect.any(Array) as unknown,
    });
  });

  it('weights each signal by its configured weight', () => {
    const f = new HistoryFactory().weeks(7).week({ report: 'missed', colour: 'red' });
    const signals = evaluateSignals(f.build(), f.end());
    const expected = SIGNAL_KEYS.reduce(
      (sum, key) => sum + DEFAULT_HEALTH_WEIGHTS[key] * signals[key].score!,
      0,
    );
    expect(weightedScore(signals).score).toBe(Math.round(expected));
  });

  it('leaves signals without evidence out and scales the others up to fill their share', () => {
    const f = new HistoryFactory({ kpis: [] }).weeks(4, { meeting: 'none' });
    const health = assessHealth(f.build(), f.end());
    const kpi = health.signals.find((s) => s.key === 'kpi_attainment')!;
    const meetings = health.signals.find((s) => s.key === 'meeting_adherence')!;
    expect(kpi).toMatchObject({ score: null, weight: 0 });
    expect(meetings).toMatchObject({ score: null, weight: 0 });
    const total = health.signals.reduce((sum, s) => sum + s.weight, 0);
    expect(total).toBeCloseTo(1, 2);
    expect(health.score).toBe(100);
  });

  it('lets configured weights decide what matters', () => {
    const f = new HistoryFactory().weeks(4, { colour: 'red' });
    const onlyColour: HealthWeights = {
      ...Object.fromEntries(SIGNAL_KEYS.map((key) => [key, 0])),
      status_colour: 1,
    } as HealthWeights;
    const colourOnly = assessHealth(f.build(), f.end(), { weights: onlyColour });
    expect(colourOnly.score).toBe(evaluateSignals(f.build(), f.end()).status_colour.score);
    expect(colourOnly.band).toBe('strained');
    expect(assessHealth(f.build(), f.end()).band).not.toBe('strained');
  });

  it('bands by the thresholds given', () => {
    const f = new HistoryFactory().weeks(7).week({ report: 'missed', meeting: 'missed', colour: 'red' });
    const health = assessHealth(f.build(), f.end());
    expect(health.band).toBe('healthy');
    const strict = assessHealth(f.build(), f.end(), { bands: { healthy: 99, watch: 90, at_risk: 50 } });
    expect(strict.band).toBe('watch');
  });

  it('needs three points of margin to climb back into a better band', () => {
    const f = new HistoryFactory()
      .weeks(4)
      .week({ report: { lateHours: 40 }, colour: 'amber' })
      .week({ report: 'missed', meeting: 'missed', colour: 'red' })
      .week({ report: 'missed', meeting: 'cancelled', colour: 'red' })
      .week({ report: { lateHours: 50 }, colour: 'red', kpis: { close_rate: 9 } });
    const health = assessHealth(f.build(), f.end());
    const lastWeek = { at: f.end().minus({ weeks: 1 }), score: health.score - 5, band: 'at_risk' as const };
    const bands = { healthy: 90, watch: health.score - 1, at_risk: 40 };
    // One point above the watch edge: still at_risk after last week's at_risk.
    expect(assessHealth(f.build(), f.end(), { bands, snapshots: [lastWeek] }).band).toBe('at_risk');
    expect(assessHealth(f.build(), f.end(), { bands }).band).toBe('watch');
  });

  it('reports the trend against the snapshot four weeks back', () => {
    const f = new HistoryFactory().weeks(8);
    const snapshots = [92, 95, 97, 99].map((score, i) => ({
      at: f.end().minus({ weeks: 4 - i }),
      score,
      band: 'healthy' as const,
    }));
    expect(assessHealth(f.build(), f.end(), { snapshots }).trend).toBe(8);
  });

  it('scores a brand-new engagement with no evidence as healthy, without flags', () => {
    const f = new HistoryFactory();
    const health = assessHealth(f.build(), f.end());
    expect(health.score).toBe(100);
    expect(health.band).toBe('healthy');
    expect(health.flags).toEqual([]);
  });
});
