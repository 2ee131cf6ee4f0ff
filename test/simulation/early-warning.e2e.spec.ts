import type { Scenario } from '../../bench/simulation/scenario.types';
import { PERFECT, slide, steady, GOOD } from '../../bench/simulation/scenarios/conducts';
import { engagement, KPI_SETS } from '../../bench/simulation/scenarios/engagement-builder';
import { PLACES } from '../../bench/simulation/scenarios/places';
import type { EngagementRun } from '../../bench/simulation/run.types';
import { runScenario } from '../../bench/simulation/simulation-runner';
import { judgeEngagement } from '../../bench/simulation/warning-metrics';

/*
 * The simulator end to end, on the real application over HTTP and the manual
 * clock: two Manila vendors from 15 February 2027 for nine weeks, so that Holy
 * Week (Maundy Thursday 25 and Good Friday 26 March) is week 6. One is
 * flawless and skips its Holy Week meeting and report; the other slides from
 * week 3 to strained in week 9. Ground truth: the first is never flagged and
 * its score does not move over Holy Week; the second is flagged two weeks or
 * more before week 9.
 */
const SCENARIO: Scenario = {
  name: 'spec',
  description: 'a holiday-only vendor and a slide, over Holy Week 2027',
  start: '2027-02-15',
  weeks: 9,
  engagements: [
    engagement({
      scenario: 'spec',
      template: 'holy-week',
      index: 1,
      clientName: 'Acme Corp',
      vendorName: 'Manila CX Partners',
      manager: PLACES.london,
      vendor: PLACES.manila,
      kpis: KPI_SETS.callCentre,
      meeting: {
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: ['thu'],
        holidayPolicy: 'skip',
      },
      report: { due: { weekday: 'fri', time: '17:00' }, holidayPolicy: 'skip' },
      conduct: steady(PERFECT),
      truth: { kind: 'holidayOnly', holidays: ['Maundy Thursday (PH)', 'Good Friday (PH)'] },
    }),
    engagement({
      scenario: 'spec',
      template: 'slide',
      index: 1,
      clientName: 'Globex',
      vendorName: 'Manila Outsourcing',
      manager: PLACES.newYork,
      vendor: PLACES.manilaNightShift,
      kpis: KPI_SETS.telesales,
      conduct: slide(GOOD, 3, 9),
      truth: { kind: 'slide', slideFrom: 3, strainWeek: 9 },
    }),
  ],
};

describe('Simulator: a holiday-only vendor and a sliding one, through the real app', () => {
  let holiday: EngagementRun;
  let sliding: EngagementRun;

  beforeAll(async () => {
    const run = await runScenario(SCENARIO, { logLevel: 'silent' });
    [holiday, sliding] = run.engagements;
    expect(run.failedJobs).toEqual({});
  }, 120_000);

  it('skips the Holy Week meeting and report, for the reasons in Cadence’s Philippine calendar', () => {
    const week6 = holiday.weeks[5];
    expect(week6.weekStart).toBe('2027-03-22');
    expect(week6.outcomes).toEqual([
      { kind: 'skipped', touchpoint: 'meeting', reason: expect.stringContaining('Maundy Thursday') },
      { kind: 'skipped', touchpoint: 'status_report', reason: expect.stringContaining('Good Friday') },
    ]);
  });

  it('never flags the holiday-only vendor, and its score stands still through Holy Week', () => {
    expect(judgeEngagement(holiday, SCENARIO.name).alarms).toEqual([]);
    const [before, during, after] = holiday.weeks.slice(4, 7).map((w) => w.health.score);
    expect(during).toBe(before);
    expect(after).toBe(before);
    expect(holiday.weeks.every((w) => w.health.band === 'healthy')).toBe(true);
  });

  it('flags the slide at least two weeks before the strain week, and the band worsens by then', () => {
    const verdict = judgeEngagement(sliding, SCENARIO.name);
    expect(verdict.leadWeeks).not.toBeNull();
    expect(verdict.leadWeeks!).toBeGreaterThanOrEqual(2);
    expect(verdict.alarmsBeforeTrouble).toBe(0);
    expect(sliding.weeks[8].health.band).not.toBe('healthy');
  });

  it('stores the weekly snapshots exactly as /health read at each week’s end', () => {
    expect(holiday.snapshotMismatches).toEqual([]);
    expect(sliding.snapshotMismatches).toEqual([]);
  });
});
