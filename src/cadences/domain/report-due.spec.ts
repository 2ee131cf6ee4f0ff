import { testCalendar, type TestCalendarSpec } from '../../../test/support/test-calendar';
import { describeReport } from '../../../test/cadences/occurrence-view';
import type { ReportRule } from './cadence.types';
import { calendarsOf, person } from '../../../test/cadences/real-calendars';
import { planReportDueDates, planReportDueDatesMillis, type ReportPlanInput } from './report-due';

const MANILA = 'Asia/Manila';
const vendor = (spec: Partial<TestCalendarSpec> = {}) =>
  testCalendar({
    personId: 'ph',
    zone: MANILA,
    side: 'vendor',
    hours: { start: '09:00', end: '18:00' },
    ...spec,
  });
const weeklyFriday = (overrides: Partial<ReportRule> = {}): ReportRule => ({
  frequency: 'weekly',
  due: { weekday: 'fri', time: '17:00' },
  holidayPolicy: 'shift',
  startsOn: '2027-03-01',
  ...overrides,
});
const holyWeek = { '2027-03-25': 'Maundy Thursday (PH)', '2027-03-26': 'Good Friday (PH)' };

describe('report due dates', () => {
  it('falls due at the same local time every week', () => {
    const due = planReportDueDates({
      rule: weeklyFriday(),
      vendor: vendor(),
      range: { from: '2027-03-01', to: '2027-03-14' },
    });
    expect(due.map((o) => describeReport(o, MANILA))).toEqual([
      { period: '2027-W09', due: 'Fri 2027-03-05 17:00', status: 'pending', reason: null },
      { period: '2027-W10', due: 'Fri 2027-03-12 17:00', status: 'pending', reason: null },
    ]);
    expect(due[0].dueAt?.toISO()).toBe('2027-03-05T09:00:00.000Z');
  });

  it('moves a due date on a vendor holiday to the previous working day, past every day off', () => {
    const [goodFriday] = planReportDueDates({
      rule: weeklyFriday(),
      vendor: vendor({ off: holyWeek }),
      range: { from: '2027-03-26', to: '2027-03-26' },
    });
    expect(describeReport(goodFriday, MANILA)).toEqual({
      period: '2027-W12',
      due: 'Wed 2027-03-24 17:00',
      status: 'pending',
      reason: 'Good Friday (PH)',
    });
    expect(goodFriday.originalAt.toISO()).toBe('2027-03-26T09:00:00.000Z');
  });

  it('skips a due date on a vendor holiday under the skip policy', () => {
    const [goodFriday] = planReportDueDates({
      rule: weeklyFriday({ holidayPolicy: 'skip' }),
      vendor: vendor({ off: holyWeek }),
      range: { from: '2027-03-26', to: '2027-03-26' },
    });
    expect(describeReport(goodFriday, MANILA)).toEqual({
      period: '2027-W12',
      due: null,
      status: 'skipped',
      reason: 'Good Friday (PH)',
    });
  });

  it('moves a due date off a Friday–Saturday weekend to Thursday', () => {
    const riyadh = testCalendar({
      personId: 'sa',
      zone: 'Asia/Riyadh',
      side: 'vendor',
      workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
    });
    const [due] = planReportDueDates({
      rule: weeklyFriday(),
      vendor: riyadh,
      range: { from: '2027-03-01', to: '2027-03-07' },
    });
    expect(describeReport(due, 'Asia/Riyadh')).toEqual({
      period: '2027-W09',
      due: 'Thu 2027-03-04 17:00',
      status: 'pending',
      reason: 'Weekend (vendor)',
    });
  });

  it('skips a report when the vendor has no working day in the week before it', () => {
    const shutdown = Object.fromEntries(
      ['2027-12-20', '2027-12-21', '2027-12-22', '2027-12-23', '2027-12-24'].map((d) => [
        d,
        'Year-end shutdown (vendor blackout)',
      ]),
    );
    const [due] = planReportDueDates({
      rule: weeklyFriday(),
      vendor: vendor({ off: shutdown }),
      range: { from: '2027-12-24', to: '2027-12-24' },
    });
    expect(describeReport(due, MANILA)).toEqual({
      period: '2027-W51',
      due: null,
      status: 'skipped',
      reason:
        'no vendor working day from Sat Dec 18 2027 to Fri Dec 24 2027: Weekend (vendor) Sat–Sun, Year-end shutdown (vendor blackout) Mon–Fri',
    });
  });

  it('never moves a due date before the cadence starts', () => {
    const [due] = planReportDueDates({
      rule: weeklyFriday({ startsOn: '2027-03-26' }),
      vendor: vendor({ off: holyWeek }),
      range: { from: '2027-03-01', to: '2027-03-31' },
    });
    expect(due.status).toBe('skipped');
  });

  it('falls due when the clocks jump if the due time does not exist that day', () => {
    // Egypt springs forward at midnight on the last Friday of April: 00:30 never shows.
    const cairo = testCalendar({
      personId: 'eg',
      zone: 'Africa/Cairo',
      side: 'vendor',
      workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
    });
    const [due] = planReportDueDates({
      rule: weeklyFriday({ due: { weekday: 'fri', time: '00:30' } }),
      vendor: cairo,
      range: { from: '2027-04-30', to: '2027-04-30' },
    });
    expect(due.dueAt?.toISO()).toBe('2027-04-29T22:00:00.000Z');
    expect(describeReport(due, 'Africa/Cairo')).toEqual({
      period: '2027-W17',
      due: 'Fri 2027-04-30 01:00',
      status: 'pending',
      reason:
        '00:30 does not exist in Africa/Cairo on Apr 30 2027 (clocks jump forward); due when they jump, at 01:00',
    });
  });

  it('takes the first of two 01:30s when the clocks fall back', () => {
    const newYork = testCalendar({
      personId: 'us',
      zone: 'America/New_York',
      side: 'vendor',
      workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
    });
    const [due] = planReportDueDates({
      rule: weeklyFriday({ due: { weekday: 'sun', time: '01:30' } }),
      vendor: newYork,
      range: { from: '2027-11-07', to: '2027-11-07' },
    });
    expect(due.dueAt?.toISO()).toBe('2027-11-07T05:30:00.000Z');
    expect(due.adjustment).toBeNull();
  });

  it("moves a due date off the vendor contact's time off", () => {
    const [due] = planReportDueDates({
      rule: weeklyFriday(),
      vendor: vendor({ off: { '2027-03-05': { kind: 'time_off', label: 'Time off' } } }),
      range: { from: '2027-03-01', to: '2027-03-07' },
    });
    expect(describeReport(due, MANILA)).toMatchObject({
      due: 'Thu 2027-03-04 17:00',
      reason: 'Time off (vendor)',
    });
  });

  it('is the same plan in milliseconds', () => {
    const inputs: ReportPlanInput[] = [
      {
        rule: weeklyFriday(),
        vendor: vendor({ off: holyWeek }),
        range: { from: '2027-03-01', to: '2027-04-30' },
      },
      {
        rule: weeklyFriday({ holidayPolicy: 'skip' }),
        vendor: calendarsOf([person('ph', MANILA, 'PH', 'vendor')])[0],
        range: { from: '2027-03-01', to: '2027-06-30' },
      },
      {
        rule: weeklyFriday({ due: { weekday: 'thu', time: '00:30' } }),
        vendor: calendarsOf([person('sa', 'Asia/Riyadh', 'SA', 'vendor', { workWeek: 'sun-thu' })])[0],
        range: { from: '2027-01-01', to: '2027-12-31' },
      },
    ];
    for (const input of inputs) {
      expect(planReportDueDatesMillis(input)).toEqual(
        planReportDueDates(input).map(({ originalAt, dueAt, ...rest }) => ({
          ...rest,
          originalMs: originalAt.toMillis(),
          dueMs: dueAt?.toMillis() ?? null,
        })),
      );
    }
  });
});
