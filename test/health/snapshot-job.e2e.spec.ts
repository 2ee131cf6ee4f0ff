import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { Clock, ManualClock } from '../../src/core/clock/clock';
import { loadConfig } from '../../src/core/config/config.loader';
import { SchedulerService } from '../../src/core/scheduler/scheduler.service';
import { HealthService } from '../../src/health/health.service';
import { newEngagement, newPerson, PLACES, type CreatedPerson } from '../factories/people.factory';
import { TEST_TOKEN, TestApp } from '../support/test-app';
import { testDatabaseKind } from '../support/test-database';

/*
 * The weekly snapshot job as the scheduler runs it: due at the end of each
 * week in each account manager's own zone, one row per engagement and week
 * however the clock gets there (week by week, several weeks in one jump, or
 * two instances at once on PostgreSQL; SQLite mode is single-instance), and
 * the portfolio read that the digest and Slack build on.
 */

interface SnapshotRow {
  engagement_id: string;
  week: string;
  as_of: string;
  score: number;
  band: string;
}

const START = '2027-05-03T12:00:00Z';

describe('Weekly health snapshots on the scheduler', () => {
  const twoInstances = testDatabaseKind() === 'postgres';
  let app: TestApp;
  let second: NestFastifyApplication | null = null;
  let dataSource: DataSource;
  let newYork: CreatedPerson;
  const engagements: Record<'nyA' | 'nyB' | 'manila' | 'london', string> = {
    nyA: '',
    nyB: '',
    manila: '',
    london: '',
  };

  /** Snapshots each instance says it wrote. */
  const written = { first: 0, second: 0 };
  /** Both instances (when there are two) move to `iso` at once, each running everything due. */
  const advance = async (iso: string): Promise<void> => {
    const target = DateTime.fromISO(iso, { zone: 'utc' });
    const [first, other] = await Promise.all([
      app.advanceClock(iso),
      second?.get(SchedulerService).advanceTo(target),
    ]);
    written.first += first.ran['health.snapshot'] ?? 0;
    written.second += other?.ran['health.snapshot'] ?? 0;
  };
  const snapshots = (): Promise<SnapshotRow[]> =>
    dataSource.query(
      'SELECT engagement_id, week, as_of, score, band FROM health_snapshot ORDER BY engagement_id, week',
    );

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: START });
    dataSource = app.app.get(DataSource);
    newYork = await newPerson(app, { role: 'account_manager', ...PLACES.newYork, name: 'Jim Halpern' });
    const manila = await newPerson(app, { role: 'account_manager', ...PLACES.manila });
    const london = await newPerson(app, { role: 'account_manager', ...PLACES.london });
    const create = async (manager: CreatedPerson, name: string): Promise<string> => {
      const { engagement } = await newEngagement(app, {
        name,
        accountManager: { role: 'account_manager', ...PLACES.newYork },
      });
      // Hand it to the intended account manager: newEngagement makes a new one each time.
      const moved = await app.api('PATCH', `/api/v1/engagements/${engagement.id}`, {
        accountManagerId: manager.id,
      });
      if (moved.status !== 200)
        throw new Error(`moving the engagement failed: ${moved.status} ${moved.text}`);
      const cadence = await app.api('POST', `/api/v1/engagements/${engagement.id}/cadences`, {
        kind: 'status_report',
        title: 'Weekly status',
        frequency: 'weekly',
        due: { weekday: 'fri', time: '17:00' },
        startsOn: '2027-05-03',
      });
      if (cadence.status !== 201) throw new Error(`cadence: ${cadence.status} ${cadence.text}`);
      return engagement.id;
    };
    engagements.nyA = await create(newYork, 'B · Acme × Bogotá Leads');
    engagements.nyB = await create(newYork, 'A · Acme × Manila CX');
    engagements.manila = await create(manila, 'Manila-run engagement');
    engagements.london = await create(london, 'London-run engagement');

    if (twoInstances) {
      const config = loadConfig({
        env: {
          DATABASE_URL: app.config.database.kind === 'postgres' ? app.config.database.url : '',
          CADENCE_DATA_DIR: app.config.dataDir,
          CADENCE_API_TOKEN: TEST_TOKEN,
          CADENCE_CLOCK: 'manual',
          CADENCE_CLOCK_START: START,
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
          PORT: '0',
        },
      });
      second = await createApp(config);
      await second.init();
      const clock = second.get(Clock);
      if (!(clock instanceof ManualClock)) throw new Error('the second instance needs the manual clock');
    }
  }, 60_000);

  afterAll(async () => {
    await second?.close();
    await app.close();
  });

  it('takes each snapshot as the week ends in its account manager’s zone, one per engagement and week', async () => {
    // Week by week for two weeks; nobody sends a report.
    await advance('2027-05-10T12:00:00Z');
    await advance('2027-05-17T12:00:00Z');
    const rows = await snapshots();
    expect(rows).toHaveLength(8);
    const asOf = (id: string) => rows.filter((r) => r.engagement_id === id).map((r) => [r.week, r.as_of]);
    expect(asOf(engagements.manila)).toEqual([
      ['2027-W18', '2027-05-09T15:59:59.999Z'],
      ['2027-W19', '2027-05-16T15:59:59.999Z'],
    ]);
    expect(asOf(engagements.london)).toEqual([
      ['2027-W18', '2027-05-09T22:59:59.999Z'],
      ['2027-W19', '2027-05-16T22:59:59.999Z'],
    ]);
    expect(asOf(engagements.nyA)).toEqual([
      ['2027-W18', '2027-05-10T03:59:59.999Z'],
      ['2027-W19', '2027-05-17T03:59:59.999Z'],
    ]);
  });

  it('catches up several weeks in one jump of the clock, a snapshot a week, each with the trend of the weeks before', async () => {
    await advance('2027-06-07T12:00:00Z');
    const rows = await snapshots();
    expect(rows).toHaveLength(4 * 5);
    for (const id of Object.values(engagements)) {
      expect(rows.filter((r) => r.engagement_id === id).map((r) => r.week)).toEqual([
        '2027-W18',
        '2027-W19',
        '2027-W20',
        '2027-W21',
        '2027-W22',
      ]);
    }
    // Between them the instances wrote each snapshot once.
    expect(written.first + written.second).toBe(rows.length);
    if (!twoInstances) expect(written.second).toBe(0);
    // No report has ever come: every engagement slides, week after week.
    const scores = rows.filter((r) => r.engagement_id === engagements.nyA).map((r) => Number(r.score));
    expect(scores[4]).toBeLessThan(scores[1]);
  });

  it('does nothing more when run again at the same instant', async () => {
    const before = await snapshots();
    const run = await app.app.get(SchedulerService).runDue(app.clock.now());
    expect(run.ran['health.snapshot']).toBeUndefined();
    expect(await snapshots()).toEqual(before);
  });

  it('tells each account manager once per worsening of the band, however many instances ran', async () => {
    const messages = await dataSource.query<{ engagement_id: string; idempotency_key: string }[]>(
      "SELECT engagement_id, idempotency_key FROM outbox_message WHERE idempotency_key LIKE '%:health_band_worsened:%'",
    );
    const rows = await snapshots();
    for (const id of Object.values(engagements)) {
      const bands = rows.filter((r) => r.engagement_id === id).map((r) => r.band);
      const worsenings = bands.filter((band, i) => i > 0 && rank(band) > rank(bands[i - 1])).length;
      expect(messages.filter((m) => m.engagement_id === id)).toHaveLength(worsenings);
    }
    expect(messages.length).toBeGreaterThan(0);
  });

  it('gives a portfolio per account manager and per executive: score, band, trend, flags with since, the last 8 weeks', async () => {
    const health = app.app.get(HealthService);
    const portfolio = await health.portfolioFor({ accountManagerId: newYork.id });
    expect(portfolio.map((p) => p.name)).toEqual(['A · Acme × Manila CX', 'B · Acme × Bogotá Leads']);
    const [first] = portfolio;
    expect(first).toMatchObject({
      engagementId: engagements.nyB,
      accountManagerId: newYork.id,
      asOf: '2027-06-07T12:00:00.000Z',
    });
    expect(first.lastWeeks.map((w) => w.week)).toEqual([
      '2027-W15',
      '2027-W16',
      '2027-W17',
      '2027-W18',
      '2027-W19',
      '2027-W20',
      '2027-W21',
      '2027-W22',
    ]);
    const stored = (await snapshots())
      .filter((r) => r.engagement_id === engagements.nyB)
      .map((r) => Number(r.score));
    expect(first.lastWeeks.map((w) => w.score)).toEqual([null, null, null, ...stored]);
    expect(first.changeSinceLastWeek).toBe(first.score - stored[4]);
    expect(first.flags.length).toBeGreaterThan(0);
    for (const flag of first.flags) expect(flag.since).toMatch(/^2027-\d\d-\d\d$/);
    const reports = first.flags.find((f) => f.code === 'REPORTS_SLIPPING');
    expect(reports?.isNew).toBe(false);

    const executiveId = first.executiveId;
    expect(executiveId).not.toBeNull();
    const theirs = await health.portfolioFor({ executiveId: executiveId ?? '' });
    expect(theirs.map((p) => p.engagementId)).toEqual([engagements.nyB]);
    expect(await health.healthOf(engagements.nyB)).toEqual(first);
    expect([...(await health.healthOfMany([engagements.london, 'nobody'])).keys()]).toEqual([
      engagements.london,
    ]);
  });
});

const rank = (band: string): number => ['healthy', 'watch', 'at_risk', 'strained'].indexOf(band);
