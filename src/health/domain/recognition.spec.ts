import { CLOSE_RATE, HANDLE_TIME, HistoryFactory } from '../../../test/health/history.factory';
import { evaluateSignals } from './health-signals';
import { type HealthSnapshot, healthTrend } from './health-trend';
import { type HealthHighlight, recognise } from './recognition';

function highlightsOf(
  f: HistoryFactory,
  score = 100,
  snapshots: readonly HealthSnapshot[] = [],
): HealthHighlight[] {
  const history = f.build();
  return recognise(evaluateSignals(history, f.end()), healthTrend(history, f.end(), score, snapshots));
}

describe('recognise', () => {
  it('calls out a KPI beating target three weeks running, with its value and target', () => {
    const f = new HistoryFactory({ kpis: [CLOSE_RATE, HANDLE_TIME] })
      .week({ kpis: { close_rate: 11, aht: 290 } })
      .weeks(3, { kpis: { close_rate: 14.2, aht: 300 } });
    expect(highlightsOf(f)).toContainEqual({
      code: 'KPI_ABOVE_TARGET',
      message: 'Close rate 14.2% vs target 12% for 3 weeks',
    });
    // Meeting a target is not beating it.
    expect(highlightsOf(f).filter((h) => h.code === 'KPI_ABOVE_TARGET')).toHaveLength(1);
  });

  it('reads "above target" direction-aware: a handle time under target is beating it', () => {
    const f = new HistoryFactory({ kpis: [HANDLE_TIME] }).weeks(4, { kpis: { aht: 240 } });
    expect(highlightsOf(f)).toContainEqual({
      code: 'KPI_ABOVE_TARGET',
      message: 'Average handle time 240 s vs target 300 s for 4 weeks',
    });
  });

  it('counts on-time reports and held meetings in a row, across a holiday', () => {
    const f = new HistoryFactory()
      .week({ report: 'missed', meeting: 'missed', colour: 'amber' })
      .weeks(5)
      .holidayWeek('Diwali (IN)')
      .weeks(3);
    expect(highlightsOf(f)).toEqual(
      expect.arrayContaining([
        { code: 'ON_TIME_STREAK', message: '8 reports on time in a row' },
        { code: 'MEETINGS_HELD_STREAK', message: '8 meetings held in a row' },
        { code: 'GREEN_STREAK', message: 'Status green in 8 reports in a row' },
      ]),
    );
  });

  it('says nothing about streaks shorter than four', () => {
    const f = new HistoryFactory().week({ report: 'missed', meeting: 'missed', colour: 'red' }).weeks(3);
    expect(highlightsOf(f)).toEqual([]);
  });

  it('celebrates a blocker resolved after standing for weeks', () => {
    const f = new HistoryFactory({ kpis: [] })
      .week({ report: 'missed' })
      .weeks(4, { blockers: ['CRM access'] })
      .week({ blockers: [{ text: 'CRM access', resolved: true }] });
    expect(highlightsOf(f)).toContainEqual({
      code: 'BLOCKER_CLEARED',
      message: "'CRM access' resolved after 4 weeks",
    });
  });

  it('notices a recovery of ten points or more', () => {
    // Five weeks of history, so that every snapshot below was taken after the first touchpoint fell due.
    const f = new HistoryFactory().weeks(5);
    const end = f.end();
    const snapshots = [62, 66, 70, 75].map((score, i) => ({
      at: end.minus({ weeks: 4 - i }),
      score,
      band: 'watch' as const,
    }));
    expect(highlightsOf(f, 81, snapshots)).toContainEqual({
      code: 'HEALTH_IMPROVING',
      message: 'Health up 19 points in 4 weeks, 62 → 81',
    });
  });
});
