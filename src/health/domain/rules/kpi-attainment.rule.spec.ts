import { CLOSE_RATE, HANDLE_TIME, HistoryFactory } from '../../../../test/health/history.factory';
import type { KpiDefinition } from '../engagement-history';
import { kpiAttainmentRule } from './kpi-attainment.rule';

const kpis = [CLOSE_RATE, HANDLE_TIME];

describe('kpiAttainmentRule', () => {
  it('scores 100 when KPIs meet or beat target, and no more than 100 when they beat it', () => {
    const f = new HistoryFactory({ kpis }).weeks(6, { kpis: { close_rate: 14.2, aht: 250 } });
    const result = kpiAttainmentRule(f.build(), f.end());
    expect(result.score).toBe(100);
    expect(result.explanation).toBe(
      'Close rate 14.2% vs target 12% (on target in all 6 reports); Average handle time 250 s vs target 300 s (on target in all 6 reports).',
    );
  });

  it('reads direction: a handle time above target is a miss, a close rate above target is not', () => {
    const f = new HistoryFactory({ kpis }).weeks(4, { kpis: { close_rate: 13, aht: 330 } });
    const { evidence } = kpiAttainmentRule(f.build(), f.end());
    const [close, aht] = evidence.tracks;
    expect(close.score).toBe(100);
    // 330 s against 300 s is 10 % worse; credit falls linearly to 0 at 30 % worse.
    expect(aht.score).toBe(67);
  });

  it('gives no credit for a KPI 30 % or more short of target', () => {
    const f = new HistoryFactory().weeks(4, { kpis: { close_rate: 8.4 } });
    expect(kpiAttainmentRule(f.build(), f.end()).score).toBe(0);
  });

  it('averages over KPIs so one KPI cannot drown the others', () => {
    const f = new HistoryFactory({ kpis }).weeks(4, { kpis: { close_rate: 8, aht: 280 } });
    expect(kpiAttainmentRule(f.build(), f.end()).score).toBe(50);
  });

  it('measures a zero target in the KPI’s own units', () => {
    const complaints: KpiDefinition = {
      key: 'complaints',
      label: 'Escalated complaints',
      unit: '',
      target: 0,
      direction: 'lower_is_better',
    };
    const none = new HistoryFactory({ kpis: [complaints] }).weeks(3, { kpis: { complaints: 0 } });
    expect(kpiAttainmentRule(none.build(), none.end()).score).toBe(100);
    const one = new HistoryFactory({ kpis: [complaints] }).weeks(3, { kpis: { complaints: 1 } });
    expect(kpiAttainmentRule(one.build(), one.end()).score).toBe(0);
  });

  it('ignores blank values, and has no score without KPIs or values', () => {
    const blank = new HistoryFactory().weeks(3, { kpis: { close_rate: null } });
    const result = kpiAttainmentRule(blank.build(), blank.end());
    expect(result.score).toBeNull();
    expect(result.explanation).toBe('No KPI values were reported in the last 8 weeks.');
    const undefinedKpis = new HistoryFactory({ kpis: [] }).weeks(3);
    expect(kpiAttainmentRule(undefinedKpis.build(), undefinedKpis.end()).explanation).toBe(
      'No KPIs are defined for this engagement.',
    );
  });

  it('tracks runs below and beating target with the date each began', () => {
    const f = new HistoryFactory({ firstWeek: '2027-09-06' })
      .week({ kpis: { close_rate: 13 } })
      .week({ kpis: { close_rate: 11 } })
      .week({ kpis: { close_rate: 10.5 } })
      .week({ kpis: { close_rate: 10 } });
    const result = kpiAttainmentRule(f.build(), f.end());
    const track = result.evidence.tracks[0];
    expect(track.below.length).toBe(3);
    expect(track.below.since?.toISODate()).toBe('2027-09-17');
    expect(track.beating.length).toBe(0);
    expect(result.explanation).toBe('Close rate 10% vs target 12% (below in 3 of the last 4 reports).');
  });
});
