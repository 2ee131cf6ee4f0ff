import type { DateTime } from 'luxon';
import type { EngagementHistory } from '../../src/health/domain/engagement-history';
import { assessHealth, type HealthAssessment } from '../../src/health/domain/health-score';
import type { HealthSnapshot } from '../../src/health/domain/health-trend';
import { CLOSE_RATE, HANDLE_TIME, HistoryFactory, insertHolidayWeek, type WeekPlan } from './history.factory';

/**
 * A year of an engagement that is neither perfect nor failing: a report now
 * and then late, the odd missed meeting, a blocker that lingers, asks
 * answered slowly, nudges, KPIs moving about their targets, and a slide in
 * the autumn. Every rule has something to say about it.
 */
function eventfulYear(timeZone: string): HistoryFactory {
  const f = new HistoryFactory({ firstWeek: '2027-01-04', timeZone, kpis: [CLOSE_RATE, HANDLE_TIME] });
  for (let i = 0; i < 48; i += 1) {
    const sliding = i >= 36;
    const plan: WeekPlan = {
      meeting: i % 7 === 3 || (sliding && i % 2 === 0) ? 'missed' : i % 11 === 5 ? 'cancelled' : 'held',
      report: i % 9 === 4 ? { lateHours: 26 } : sliding && i % 3 === 0 ? 'missed' : 'on_time',
      colour: sliding ? 'amber' : i % 13 === 6 ? 'red' : 'green',
      kpis: { close_rate: 10 + (i % 5), aht: 280 + 10 * (i % 4) },
      blockers: i >= 8 && i <= 12 ? ['CRM access'] : i === 13 ? [{ text: 'CRM access', resolved: true }] : [],
      asks: i % 6 === 2 ? [{ text: `Approve script v${i}`, answeredAfterDays: i % 12 === 2 ? null : 9 }] : [],
      nudges: i % 9 === 4 ? [{ to: 'vendor_contact', respondedAfterHours: 30 }] : [],
      slack: i % 4 === 1 ? [2] : [],
    };
    f.week(plan);
  }
  return f;
}

/** What must not change: the score and band, every signal's score and weight, and which flags and highlights show. */
function essentials(health: HealthAssessment): unknown {
  return {
    score: health.score,
    band: health.band,
    trend: health.trend,
    signals: health.signals.map((s) => [s.key, s.score, s.weight]),
    flags: health.flags.map((flag) => [flag.code, flag.severity]),
    highlights: health.highlights.map((h) => h.code),
  };
}

/** Weekly evaluation instants: Mondays 09:00 and Thursdays 13:30 local across the whole year. */
function evaluationInstants(f: HistoryFactory): DateTime[] {
  const instants: DateTime[] = [];
  for (let i = 1; i <= 48; i += 1) {
    instants.push(f.monday(i).set({ hour: 9 }), f.monday(i).plus({ days: 3 }).set({ hour: 13, minute: 30 }));
  }
  return instants;
}

describe('holiday weeks with skipped touchpoints', () => {
  const cases = [
    { vendor: 'a Pune vendor', zone: 'Asia/Kolkata', weeks: [['2027-10-25', 'Diwali (IN)']] },
    {
      vendor: 'a Cairo vendor',
      zone: 'Africa/Cairo',
      weeks: [['2027-03-08', 'Eid al-Fitr (EG, tentative)']],
    },
    {
      vendor: 'a New York account manager with both vendors, across both DST changes',
      zone: 'America/New_York',
      weeks: [
        ['2027-03-08', 'Eid al-Fitr (EG, tentative)'],
        ['2027-10-25', 'Diwali (IN)'],
      ],
    },
  ] as const;

  it.each(cases)('leave every weekly score of $vendor exactly unchanged', ({ zone, weeks }) => {
    const f = eventfulYear(zone);
    const plain = f.build();
    let withHolidays: EngagementHistory = plain;
    let shift = (t: DateTime): DateTime => t;
    for (const [monday, reason] of weeks) {
      const inserted = insertHolidayWeek(withHolidays, monday, reason);
      const before = shift;
      withHolidays = inserted.history;
      shift = (t) => inserted.shift(before(t));
    }

    const instants = evaluationInstants(f);
    const flagged = new Set<string>();
    for (const asOf of instants) {
      const expected = assessHealth(plain, asOf);
      const actual = assessHealth(withHolidays, shift(asOf));
      expect({ at: asOf.toISO(), ...(essentials(actual) as object) }).toEqual({
        at: asOf.toISO(),
        ...(essentials(expected) as object),
      });
      for (const flag of actual.flags) flagged.add(flag.code);
    }
    // The comparison is not vacuous: the year raises flags and the holidays sit inside scored windows.
    expect(flagged.size).toBeGreaterThan(2);
  });

  it('leave the trend and the decline warning unchanged too, with snapshots taken through the holidays', () => {
    const f = eventfulYear('America/New_York');
    const plain = f.build();
    const diwali = insertHolidayWeek(plain, '2027-10-25', 'Diwali (IN)');
    const mondays = Array.from({ length: 48 }, (_, i) => f.monday(i + 1).set({ hour: 9 }));

    const plainSnapshots: HealthSnapshot[] = [];
    const holidaySnapshots: HealthSnapshot[] = [];
    let holidayTaken = false;
    const flagged = new Set<string>();
    for (const monday of mondays) {
      const at = diwali.shift(monday);
      // The weekly job also runs on the Monday of Diwali week itself; that snapshot must change nothing.
      if (!holidayTaken && at.toISODate() === '2027-11-01') {
        const frozenAt = at.minus({ weeks: 1 });
        const frozen = assessHealth(diwali.history, frozenAt, { snapshots: holidaySnapshots });
        holidaySnapshots.push({ at: frozenAt, score: frozen.score, band: frozen.band });
        holidayTaken = true;
      }
      const expected = assessHealth(plain, monday, { snapshots: plainSnapshots });
      const actual = assessHealth(diwali.history, at, { snapshots: holidaySnapshots });
      expect({ at: monday.toISO(), ...(essentials(actual) as object) }).toEqual({
        at: monday.toISO(),
        ...(essentials(expected) as object),
      });
      for (const flag of actual.flags) flagged.add(flag.code);
      plainSnapshots.push({ at: monday, score: expected.score, band: expected.band });
      holidaySnapshots.push({ at, score: actual.score, band: actual.band });
    }
    expect(holidayTaken).toBe(true);
    // The autumn slide is caught by its trend, holidays or not.
    expect(flagged).toContain('STEADY_DECLINE');
  });

  it('freeze the score through the holiday week itself', () => {
    const f = new HistoryFactory({ firstWeek: '2027-10-04' })
      .weeks(2)
      .week({ report: { lateHours: 30 }, meeting: 'missed' })
      .holidayWeek('Diwali (IN)')
      .week();
    const history = f.build();
    const mondayOfDiwali = f.monday(3);
    const before = assessHealth(history, mondayOfDiwali).score;
    for (let day = 0; day < 7; day += 1) {
      expect(assessHealth(history, mondayOfDiwali.plus({ days: day, hours: 12 })).score).toBe(before);
    }
  });

  it('raise no flag on their own, even two holiday weeks in a row', () => {
    const f = new HistoryFactory({ firstWeek: '2028-01-10', timeZone: 'Asia/Manila' })
      .weeks(3)
      .holidayWeek('Lunar New Year (vendor blackout)')
      .holidayWeek('Chinese New Year (PH)')
      .weeks(1);
    const history = f.build();
    for (let day = 0; day <= 21; day += 1) {
      expect(assessHealth(history, f.monday(3).plus({ days: day })).flags).toEqual([]);
    }
  });
});
