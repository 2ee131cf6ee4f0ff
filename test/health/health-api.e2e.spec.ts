import { newEngagement, PLACES } from '../factories/people.factory';
import { TestApp } from '../support/test-app';
import { HealthScenario, mondays, type HealthBody, type WeekBehaviour } from './health-scenario';

const NEW_YORK = 'America/New_York';

/** A weekly meeting (Tue–Thu) and a weekly report due Friday 17:00 Manila time. */
async function withCadences(app: TestApp, engagementId: string): Promise<void> {
  for (const body of [
    {
      kind: 'meeting',
      title: 'Weekly sync',
      frequency: 'weekly',
      durationMinutes: 45,
      preferredWeekdays: ['tue', 'wed', 'thu'],
      holidayPolicy: 'shift',
      startsOn: '2027-05-03',
    },
    {
      kind: 'status_report',
      title: 'Weekly status',
      frequency: 'weekly',
      due: { weekday: 'fri', time: '17:00' },
      holidayPolicy: 'shift',
      startsOn: '2027-05-03',
    },
  ]) {
    const created = await app.api('POST', `/api/v1/engagements/${engagementId}/cadences`, body);
    if (created.status !== 201)
      throw new Error(`creating a cadence failed: ${created.status} ${created.text}`);
  }
}

const signal = (health: HealthBody, key: string) => health.signals.find((s) => s.key === key);

describe('Engagement health over HTTP: a US client with two Manila vendors, week by week on the manual clock', () => {
  let app: TestApp;
  let scenario: HealthScenario;
  let steady: string;
  let sliding: string;
  const weeks = mondays('2027-05-03', NEW_YORK, 8);

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-05-03T12:00:00Z' });
    scenario = new HealthScenario(app);
    const manager = { role: 'account_manager' as const, ...PLACES.newYork };
    const vendor = { role: 'vendor_contact' as const, ...PLACES.manila };
    steady = (
      await newEngagement(app, { name: 'Acme × Manila CX', accountManager: manager, vendorContact: vendor })
    ).engagement.id;
    sliding = (
      await newEngagement(app, { name: 'Acme × Pasig Sales', accountManager: manager, vendorContact: vendor })
    ).engagement.id;
    await withCadences(app, steady);
    await withCadences(app, sliding);

    // Eight weeks. The steady vendor reports on time with the close rate above target, and asks
    // once for a script approval, which the client answers. The other is as good for four weeks,
    // then stops sending reports, misses its meetings and asks for something nobody answers.
    for (const [i, monday] of weeks.entries()) {
      const good: WeekBehaviour = { report: 'on_time', meeting: 'held', kpis: { close_rate: 14 } };
      const steadyWeek: WeekBehaviour = i === 1 ? { ...good, asks: ['Approve the new call script'] } : good;
      const slidingWeek: WeekBehaviour =
        i < 4
          ? i === 3
            ? { ...good, asks: ['Two more CRM seats'] }
            : good
          : { report: 'missed', meeting: 'missed' };
      await scenario.week(monday, [
        { engagementId: steady, behaviour: steadyWeek },
        { engagementId: sliding, behaviour: slidingWeek },
      ]);
      if (i === 1) {
        const [report] = (await scenario.touchpoints(steady, monday, monday.plus({ weeks: 1 }))).filter(
          (t) => t.kind === 'status_report',
        );
        const answered = await app.api('POST', `/api/v1/touchpoints/${report.id}/report/asks/0/answer`, {
          note: 'Approved',
        });
        expect(answered.status).toBe(200);
      }
    }
  }, 480_000); // A ceiling for a loaded CI machine; it takes 20–40 s on a quiet one.

  afterAll(async () => {
    await app.close();
  });

  it('keeps the vendor who reports on time healthy and calls out the on-time streak and the KPI', async () => {
    const health = await scenario.health(steady);
    expect(health.band).toBe('healthy');
    expect(health.score).toBeGreaterThanOrEqual(90);
    expect(health.flags).toEqual([]);
    expect(health.highlights.map((h) => h.code)).toEqual(
      expect.arrayContaining(['ON_TIME_STREAK', 'MEETINGS_HELD_STREAK', 'KPI_ABOVE_TARGET']),
    );
    expect(health.highlights.find((h) => h.code === 'ON_TIME_STREAK')?.message).toBe(
      '8 reports on time in a row',
    );
    expect(health.trend).toBe(0);
  });

  it('explains every signal, with the weights that applied adding up to 1', async () => {
    const health = await scenario.health(steady);
    expect(health.signals.map((s) => s.key)).toEqual([
      'report_timeliness',
      'meeting_adherence',
      'two_way_contact',
      'status_colour',
      'kpi_attainment',
      'recurring_blockers',
      'unanswered_asks',
      'nudge_response',
    ]);
    expect(health.signals.reduce((sum, s) => sum + s.weight, 0)).toBeCloseTo(1, 2);
    expect(signal(health, 'report_timeliness')).toMatchObject({ score: 100 });
    // The answered ask costs nothing.
    expect(signal(health, 'unanswered_asks')).toMatchObject({ score: 100 });
  });

  it('lets the vendor who stops reporting slide, with flags that name the evidence', async () => {
    const health = await scenario.health(sliding);
    expect(['at_risk', 'strained']).toContain(health.band);
    expect(health.trend).toBeLessThan(-10);
    const flags = Object.fromEntries(health.flags.map((f) => [f.code, f]));
    expect(flags.REPORTS_SLIPPING?.message).toMatch(/of the last 4 reports late or missing: .*missed/);
    expect(flags.REPORTS_SLIPPING?.since).toBe('2027-06-04');
    expect(flags.MEETINGS_MISSED?.message).toMatch(/of the last 4 meetings did not happen: \d missed/);
    expect(flags.ASKS_UNANSWERED?.message).toMatch(/Two more CRM seats/);
    expect(health.highlights.map((h) => h.code)).not.toContain('ON_TIME_STREAK');
  });

  it('keeps one snapshot per week, and the slide shows in them week by week', async () => {
    const [steadyWeeks, slidingWeeks] = [await scenario.history(steady), await scenario.history(sliding)];
    const expectedWeeks = weeks.map((m) => m.toFormat("kkkk-'W'WW"));
    expect(steadyWeeks.map((w) => w.week)).toEqual(expectedWeeks);
    expect(slidingWeeks.map((w) => w.week)).toEqual(expectedWeeks);
    expect(slidingWeeks.map((w) => w.weekStart)).toEqual(weeks.map((m) => m.toISODate()));
    expect(steadyWeeks.every((w) => w.band === 'healthy' && !w.paused)).toBe(true);
    const scores = slidingWeeks.map((w) => w.score);
    expect(scores[7]).toBeLessThan(scores[3] - 20);
    expect(slidingWeeks[0].trend).toBeNull();
    expect(slidingWeeks.at(-1)?.flags).toEqual(
      expect.arrayContaining(['REPORTS_SLIPPING', 'MEETINGS_MISSED']),
    );
    expect((await scenario.history(sliding, 3)).map((w) => w.week)).toEqual(expectedWeeks.slice(5));
  });

  it('fires "health band worsened" once per worsening: a nudge to the account manager in the outbox', async () => {
    const worsened = (await scenario.nudges(sliding)).filter((m) =>
      m.idempotencyKey.includes(':health_band_worsened:'),
    );
    const bands = (await scenario.history(sliding)).map((w) => w.band);
    const worsenings = bands.filter((band, i) => i > 0 && rank(band) > rank(bands[i - 1])).length;
    expect(worsenings).toBeGreaterThanOrEqual(1);
    expect(worsened).toHaveLength(worsenings);
    expect(worsened[0].summary).toMatch(/^Health of Acme × Pasig Sales is now /);
    expect((await scenario.nudges(steady)).filter((m) => m.idempotencyKey.includes('health'))).toEqual([]);
  });
});

const rank = (band: string): number => ['healthy', 'watch', 'at_risk', 'strained'].indexOf(band);
