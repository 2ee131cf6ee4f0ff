import { HistoryFactory } from '../../../test/health/history.factory';
import { bandFor } from './health-band';
import { type HealthSnapshot, healthTrend } from './health-trend';

/** Weekly snapshots on the Mondays before `f.end()`, oldest first. */
function snapshots(f: HistoryFactory, scores: readonly number[]): HealthSnapshot[] {
  const end = f.end();
  return scores.map((score, i) => ({
    at: end.minus({ weeks: scores.length - i }),
    score,
    band: bandFor(score),
  }));
}

describe('healthTrend', () => {
  const f = new HistoryFactory({ firstWeek: '2027-03-01' }).weeks(10);
  const history = f.build();

  it('has no trend before the first snapshot', () => {
    expect(healthTrend(history, f.end(), 90, []).change).toBeNull();
  });

  it('is the score now minus the score four weekly snapshots ago', () => {
    const trend = healthTrend(history, f.end(), 72, snapshots(f, [95, 90, 81, 85, 80, 77]));
    expect(trend.change).toBe(72 - 81);
    expect(trend.weeks).toBe(4);
  });

  it('uses the oldest snapshot while there are fewer than four', () => {
    const trend = healthTrend(history, f.end(), 80, snapshots(f, [88, 85]));
    expect(trend.change).toBe(-8);
    expect(trend.weeks).toBe(2);
  });

  it('counts weekly falls in a row and dates the slide from the last week at the peak', () => {
    const trend = healthTrend(history, f.end(), 82, snapshots(f, [90, 94, 94, 91, 88, 85]));
    expect(trend.consecutiveDrops).toBe(4);
    expect(trend.dropTotal).toBe(12);
    expect(trend.slideSince?.toISODate()).toBe(f.end().minus({ weeks: 4 }).toISODate());
  });

  it('keeps the slide date while the slide goes on', () => {
    const scores = [90, 94, 94, 91, 88, 85];
    const thisWeek = healthTrend(history, f.end(), 82, snapshots(f, scores));
    const nextWeekAt = f.end().plus({ weeks: 1 });
    const nextSnapshots = [...snapshots(f, scores), { at: f.end(), score: 82, band: bandFor(82) }];
    const nextWeek = healthTrend(history, nextWeekAt, 78, nextSnapshots);
    expect(nextWeek.slideSince?.toISO()).toBe(thisWeek.slideSince?.toISO());
  });

  it('drops snapshots taken in a paused holiday week, when the score stood still', () => {
    // Diwali 2027 falls on Friday 29 October: the week of Monday 25 October is paused.
    const g = new HistoryFactory({ firstWeek: '2027-10-11' }).weeks(2).holidayWeek('Diwali (IN)').weeks(2);
    const end = g.end();
    const taken: HealthSnapshot[] = [
      { at: end.minus({ weeks: 4 }), score: 90, band: 'healthy' },
      { at: end.minus({ weeks: 3 }), score: 86, band: 'healthy' }, // Monday of Diwali week: left out
      { at: end.minus({ weeks: 2 }), score: 86, band: 'healthy' }, // the same frozen score, a week later
      { at: end.minus({ weeks: 1 }), score: 83, band: 'healthy' },
    ];
    const trend = healthTrend(g.build(), end, 80, taken);
    expect(trend.series.map((s) => s.score)).toEqual([90, 86, 83, 80]);
    expect(trend.consecutiveDrops).toBe(3);
  });

  it('ignores snapshots taken before the first touchpoint fell due, which scored 100 for want of evidence', () => {
    // Set up on a Friday, first meeting the Tuesday after: the weekend snapshot assessed nothing.
    const g = new HistoryFactory({ firstWeek: '2027-03-01' }).week({ meeting: 'missed' });
    const empty: HealthSnapshot = { at: g.end().minus({ weeks: 1 }), score: 100, band: 'healthy' };
    const trend = healthTrend(g.build(), g.end(), 85, [empty]);
    expect(trend.change).toBeNull();
    expect(trend.consecutiveDrops).toBe(0);
    expect(trend.series.map((s) => s.score)).toEqual([85]);
  });

  it('keeps one snapshot per week and none from the week being assessed', () => {
    const end = f.end();
    const taken: HealthSnapshot[] = [
      { at: end.minus({ weeks: 1 }), score: 70, band: 'watch' },
      { at: end.minus({ weeks: 1 }).plus({ days: 2 }), score: 75, band: 'healthy' },
      { at: end.minus({ hours: 2 }).plus({ days: 1 }), score: 10, band: 'strained' },
    ];
    const trend = healthTrend(history, end.plus({ days: 2 }), 77, taken);
    expect(trend.series.map((s) => s.score)).toEqual([75, 77]);
  });
});
