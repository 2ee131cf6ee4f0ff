import fc from 'fast-check';
import type { DateTime } from 'luxon';
import type { EngagementHistory } from '../../src/health/domain/engagement-history';
import { assessHealth } from '../../src/health/domain/health-score';
import {
  CLOSE_RATE,
  HANDLE_TIME,
  HistoryFactory,
  insertHolidayWeek,
  type MeetingPlan,
  type ReportPlan,
  type WeekPlan,
} from './history.factory';

const meetingPlan: fc.Arbitrary<MeetingPlan> = fc.oneof(
  fc.constantFrom<MeetingPlan>('held', 'held', 'held', 'missed', 'cancelled', 'unconfirmed', 'none'),
  fc.record({
    status: fc.constantFrom('held' as const, 'missed' as const, 'cancelled' as const),
    reschedules: fc.nat(5),
  }),
);

const reportPlan: fc.Arbitrary<ReportPlan> = fc.oneof(
  fc.constantFrom<ReportPlan>('on_time', 'on_time', 'on_time', 'missed', 'pending', 'none'),
  fc.record({ lateHours: fc.integer({ min: 0, max: 400 }) }),
);

const BLOCKERS = [
  'CRM access',
  'Still no CRM access',
  'Dialer outage',
  'Payroll file late',
  'VPN drops calls',
];

const weekPlan: fc.Arbitrary<WeekPlan> = fc.record({
  meeting: meetingPlan,
  report: reportPlan,
  colour: fc.constantFrom('green' as const, 'green' as const, 'amber' as const, 'red' as const),
  kpis: fc.record({
    close_rate: fc.option(fc.integer({ min: 0, max: 300 }).map((n) => n / 10)),
    aht: fc.option(fc.integer({ min: 0, max: 900 })),
  }),
  blockers: fc.subarray([...BLOCKERS, { text: 'CRM access', resolved: true as const }], { maxLength: 3 }),
  asks: fc.array(
    fc.record({
      text: fc.constantFrom('Approve script v3', 'Please approve script v3', 'Share Q3 lead list'),
      answeredAfterDays: fc.option(fc.integer({ min: 0, max: 40 })),
    }),
    { maxLength: 2 },
  ),
  nudges: fc.array(
    fc.record({
      to: fc.constantFrom('vendor_contact' as const, 'account_manager' as const, 'executive' as const),
      respondedAfterHours: fc.option(fc.integer({ min: 0, max: 400 })),
    }),
    { maxLength: 2 },
  ),
  slack: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }),
});

/**
 * A random engagement: 1–20 weeks, evaluated somewhere in or after them.
 * Zones without DST here: inserting a week moves instants by one local week,
 * and a random late hour can land on a wall time a DST change skips, which
 * no calendar could move exactly. DST is covered by the New York case of
 * holiday-weeks.spec.ts, whose touchpoints keep office hours.
 */
interface Scenario {
  zone: string;
  weeks: WeekPlan[];
  /** Where health is assessed: a fraction of the history's length plus two weeks, from its first Monday. */
  at: number;
  /** Holiday weeks to insert, by week index (clamped to the history), with their reasons. */
  holidays: { week: number; reason: string }[];
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  zone: fc.constantFrom('Asia/Kolkata', 'Asia/Manila', 'Asia/Tokyo', 'America/Bogota'),
  weeks: fc.array(weekPlan, { minLength: 1, maxLength: 20 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  holidays: fc.array(
    fc.record({
      week: fc.nat(21),
      reason: fc.constantFrom(
        'Diwali (IN)',
        'Eid al-Fitr (EG, tentative)',
        'Holy Week (PH)',
        'Annual leave (time off)',
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

function build(s: Scenario): {
  factory: HistoryFactory;
  history: EngagementHistory;
  asOf: DateTime;
} {
  const factory = new HistoryFactory({
    firstWeek: '2027-01-04',
    timeZone: s.zone,
    kpis: [CLOSE_RATE, HANDLE_TIME],
  });
  for (const plan of s.weeks) factory.week(plan);
  const span = (s.weeks.length + 2) * 7 * 24;
  const asOf = factory.monday(0).plus({ minutes: Math.round(s.at * span * 60) });
  return { factory, history: factory.build(), asOf };
}

describe('health score properties', () => {
  it('keeps the score and every signal within 0–100, and flags with a date', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { history, asOf } = build(s);
        const health = assessHealth(history, asOf);
        expect(Number.isInteger(health.score)).toBe(true);
        expect(health.score).toBeGreaterThanOrEqual(0);
        expect(health.score).toBeLessThanOrEqual(100);
        for (const signal of health.signals) {
          if (signal.score === null) continue;
          expect(signal.score).toBeGreaterThanOrEqual(0);
          expect(signal.score).toBeLessThanOrEqual(100);
        }
        for (const flag of health.flags) expect(flag.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 200 },
    );
  });

  it('never changes when holiday-skipped weeks are added', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { factory, history, asOf } = build(s);
        let withHolidays = history;
        let shift = (t: DateTime): DateTime => t;
        for (const holiday of s.holidays) {
          // Week indices are read on the timeline as it stands after earlier insertions.
          const week = Math.min(holiday.week, s.weeks.length + s.holidays.length);
          const monday = factory.monday(week).toISODate();
          const inserted = insertHolidayWeek(withHolidays, monday, holiday.reason);
          const before = shift;
          withHolidays = inserted.history;
          shift = (t) => inserted.shift(before(t));
        }
        const plain = assessHealth(history, asOf);
        const skipped = assessHealth(withHolidays, shift(asOf));
        expect(skipped.score).toBe(plain.score);
        expect(skipped.band).toBe(plain.band);
        expect(skipped.signals.map((x) => x.score)).toEqual(plain.signals.map((x) => x.score));
        expect(skipped.flags.map((x) => [x.code, x.severity])).toEqual(
          plain.flags.map((x) => [x.code, x.severity]),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('never changes when a skipped touchpoint is added to a week in which another took place', () => {
    fc.assert(
      fc.property(scenario, fc.nat(19), (s, index) => {
        const { factory, history, asOf } = build(s);
        const week = index % s.weeks.length;
        const extra = {
          id: 'extra-skip',
          kind: 'meeting' as const,
          scheduledAt: factory.monday(week).plus({ days: 3, hours: 11 }),
          originalAt: factory.monday(week).plus({ days: 3, hours: 11 }),
          adjustment: { type: 'skipped' as const, reason: 'Independence Day (IN)' },
          rescheduleCount: 0,
          status: 'skipped' as const,
          heldAt: null,
        };
        const withSkip = { ...history, touchpoints: [...history.touchpoints, extra] };
        const busy = history.touchpoints.some(
          (t) =>
            t.scheduledAt.toMillis() >= factory.monday(week).toMillis() &&
            t.scheduledAt.toMillis() < factory.monday(week + 1).toMillis(),
        );
        fc.pre(busy);
        expect(assessHealth(withSkip, asOf).score).toBe(assessHealth(history, asOf).score);
      }),
      { numRuns: 200 },
    );
  });
});
