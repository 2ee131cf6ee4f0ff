import { DateTime } from 'luxon';
import { newEngagement, PLACES, type PersonInput } from '../factories/people.factory';
import { TestApp } from '../support/test-app';
import {
  HealthScenario,
  mondays,
  type HealthBody,
  type HealthWeekBody,
  type TouchpointBody,
  type WeekBehaviour,
} from './health-scenario';

/*
 * The "must show", end to end: a week whose touchpoints were all
 * skipped for a vendor's holiday leaves the engagement's health exactly where
 * it was. The domain spec (holiday-weeks.spec.ts) proves it on built
 * histories; here the real planner skips real touchpoints on real calendars,
 * and the weekly job snapshots the weeks through the manual clock.
 */

interface HolidayCase {
  title: string;
  clockStart: string;
  firstMonday: string;
  weeks: number;
  /** Index of the holiday week among the weeks played. */
  holidayWeek: number;
  holiday: RegExp;
  accountManager: PersonInput;
  vendorContact: PersonInput;
  meeting: { preferredWeekdays: string[] };
  report: { weekday: string; time: string };
}

const CASES: HolidayCase[] = [
  {
    title: 'a Pune vendor over Diwali (Fri 29 Oct 2027), with a New York account manager',
    clockStart: '2027-09-27T13:00:00Z',
    firstMonday: '2027-09-27',
    weeks: 6,
    holidayWeek: 4,
    holiday: /Diwali/,
    accountManager: { role: 'account_manager', ...PLACES.newYork },
    // An evening shift, so a Friday morning in New York is inside their hours.
    vendorContact: {
      role: 'vendor_contact',
      ...PLACES.kolkata,
      workingHours: { start: '14:00', end: '23:00' },
    },
    meeting: { preferredWeekdays: ['fri'] },
    report: { weekday: 'fri', time: '17:00' },
  },
  {
    title: 'a Cairo vendor over Eid al-Fitr 2027, with a London account manager',
    clockStart: '2027-02-08T10:00:00Z',
    firstMonday: '2027-02-08',
    weeks: 6,
    holidayWeek: 4,
    holiday: /Eid al-Fitr/,
    accountManager: { role: 'account_manager', ...PLACES.london },
    // Egypt works Sunday to Thursday: the report is due on Thursday.
    vendorContact: { role: 'vendor_contact', ...PLACES.cairo },
    meeting: { preferredWeekdays: ['tue', 'wed', 'thu'] },
    report: { weekday: 'thu', time: '17:00' },
  },
];

/**
 * Not a perfect vendor, so the score has room to move: a report a day late,
 * a missed meeting, an amber week with an ask the client leaves unanswered
 * (its age would grow through the holiday if the week counted), then good
 * weeks around the holiday.
 */
const BEHAVIOUR: WeekBehaviour[] = [
  { report: { lateHours: 30 } },
  { meeting: 'missed' },
  { colour: 'amber', asks: ['Approve overtime for the holiday week'] },
  {},
];

describe.each(CASES)('Health over a holiday week: $title', (c) => {
  let app: TestApp;
  let scenario: HealthScenario;
  let engagementId: string;
  let zone: string;
  const weekly: HealthWeekBody[][] = [];
  const during: HealthBody[] = [];
  let holidayTouchpoints: TouchpointBody[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: c.clockStart });
    scenario = new HealthScenario(app);
    zone = c.accountManager.timeZone;
    const created = await newEngagement(app, {
      accountManager: c.accountManager,
      vendorContact: c.vendorContact,
    });
    engagementId = created.engagement.id;
    for (const body of [
      {
        kind: 'meeting',
        title: 'Weekly sync',
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: c.meeting.preferredWeekdays,
        holidayPolicy: 'skip',
        startsOn: c.firstMonday,
      },
      {
        kind: 'status_report',
        title: 'Weekly status',
        frequency: 'weekly',
        due: c.report,
        holidayPolicy: 'skip',
        startsOn: c.firstMonday,
      },
    ]) {
      const made = await app.api('POST', `/api/v1/engagements/${engagementId}/cadences`, body);
      if (made.status !== 201) throw new Error(`creating a cadence failed: ${made.status} ${made.text}`);
    }

    const weeks = mondays(c.firstMonday, zone, c.weeks);
    const holidayMonday = weeks[c.holidayWeek];
    holidayTouchpoints = await scenario.touchpoints(
      engagementId,
      holidayMonday,
      holidayMonday.plus({ weeks: 1 }),
    );
    for (const [i, monday] of weeks.entries()) {
      if (i === c.holidayWeek) {
        // Looked at in the middle of the holiday week, too: the score stands still.
        await scenario.advance(monday.plus({ days: 3, hours: 12 }));
        during.push(await scenario.health(engagementId));
      }
      await scenario.week(monday, [{ engagementId, behaviour: BEHAVIOUR[i] ?? {} }]);
      weekly.push(await scenario.history(engagementId));
    }
  }, 480_000); // A ceiling for a loaded CI machine; it takes 20–40 s on a quiet one.

  afterAll(async () => {
    await app.close();
  });

  it('has the holiday week’s meeting and report skipped by the planner, naming the holiday', () => {
    expect(holidayTouchpoints.map((t) => [t.kind, t.status]).sort()).toEqual([
      ['meeting', 'skipped'],
      ['status_report', 'skipped'],
    ]);
    for (const touchpoint of holidayTouchpoints) expect(touchpoint.adjustment?.reason).toMatch(c.holiday);
  });

  it('snapshots the holiday week as paused, with exactly the score and band of the week before', () => {
    const history = weekly.at(-1) ?? [];
    expect(history).toHaveLength(c.weeks);
    const before = history[c.holidayWeek - 1];
    const holiday = history[c.holidayWeek];
    expect(holiday.paused).toBe(true);
    expect(history.filter((w) => w.paused)).toEqual([holiday]);
    expect({ score: holiday.score, band: holiday.band, flags: holiday.flags }).toEqual({
      score: before.score,
      band: before.band,
      flags: before.flags,
    });
  });

  it('shows the same health in the middle of the holiday week as at the end of the week before', () => {
    const before = weekly[c.holidayWeek - 1][c.holidayWeek - 1];
    expect({
      score: during[0].score,
      band: during[0].band,
      flags: during[0].flags.map((f) => f.code),
    }).toEqual({
      score: before.score,
      band: before.band,
      flags: before.flags,
    });
  });

  it('raises nothing because of the holiday, and the on-time run goes on across it', async () => {
    const health = await scenario.health(engagementId);
    expect(health.band).toBe('healthy');
    const codes = health.flags.map((f) => f.code);
    for (const code of ['CONTACT_GAP', 'REPORTS_SLIPPING', 'MEETINGS_MISSED', 'STEADY_DECLINE'])
      expect(codes).not.toContain(code);
    expect(health.signals.find((s) => s.key === 'two_way_contact')?.score).toBe(100);
    // On time in the two weeks before the holiday and the one after; the skipped report neither counts nor breaks the run.
    expect(health.highlights.find((h) => h.code === 'ON_TIME_STREAK')?.message).toBe(
      '4 reports on time in a row',
    );
  });

  it('sent no follow-up about the skipped touchpoints, and no "band worsened"', async () => {
    const skipped = new Set(holidayTouchpoints.map((t) => t.id));
    const nudges = await scenario.nudges(engagementId);
    expect(nudges.filter((m) => m.touchpointId !== null && skipped.has(m.touchpointId))).toEqual([]);
    expect(nudges.filter((m) => m.idempotencyKey.includes(':health_band_worsened:'))).toEqual([]);
  });

  it('labels the weeks in the account manager’s zone, one row each', () => {
    const history = weekly.at(-1) ?? [];
    expect(history.map((w) => w.weekStart)).toEqual(
      mondays(c.firstMonday, zone, c.weeks).map((m) => m.toISODate()),
    );
    expect(new Set(history.map((w) => w.week)).size).toBe(c.weeks);
    expect(DateTime.fromISO(history[0].weekStart, { zone }).weekday).toBe(1);
  });
});
