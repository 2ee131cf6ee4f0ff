import 'reflect-metadata';
import { DateTime } from 'luxon';
import { DataSource, In } from 'typeorm';
import { seedPortfolio } from '../../bench/support/portfolio';
import { Touchpoint } from '../../src/cadences/touchpoint.entity';
import { CachedQuery } from '../../src/database/cached-query';
import { dataSourceOptions } from '../../src/database/data-source';
import { EntityRow } from '../../src/database/entity-row';
import { Engagement } from '../../src/engagements/engagement.entity';
import { runMigrations } from '../../src/database/run-migrations';
import { StatusReport } from '../../src/reports/status-report.entity';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// A status report has every kind of column: text, JSON, a boolean, instants, null, a number.
type Stored = string | number | boolean | null;

/** Free report touchpoints of a seeded engagement, so that the reports' foreign keys hold. */
interface Fixture {
  engagementId: string;
  personId: string;
  touchpointIds: string[];
}
let fixture: Fixture;

function report(id: string, overrides: Partial<StatusReport> = {}): StatusReport {
  return Object.assign(new StatusReport(), {
    id,
    touchpointId: fixture.touchpointIds[Number(id.slice(1)) - 1],
    engagementId: fixture.engagementId,
    submittedByPersonId: null,
    status: 'amber',
    kpiValues: { csat: 4.5, aht: 281 },
    highlights: 'Ünïcode, "quotes" and a\nnewline',
    blockers: [{ id: 'b1', text: 'VPN', status: 'open', firstSeenAt: '2027-03-15T09:00:00.000Z' }],
    asks: [{ text: 'More seats' }],
    nextWeekPlan: 'Hire two agents',
    late: true,
    submittedAt: new Date('2027-03-15T09:30:00.000Z'),
    updatedAt: new Date('2027-03-15T09:31:00.000Z'),
    askCheckAt: null,
    revision: 1,
    ...overrides,
  });
}

describe('EntityRow and CachedQuery on the real database', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let reports: EntityRow<StatusReport>;
  let columns: (keyof StatusReport)[];
  let insert: CachedQuery<Record<string, Stored>>;
  let reviseIf: CachedQuery<{ id: string; seen: number; highlights: string; revision: number }>;
  let withTouchpoint: CachedQuery<{ ids: readonly string[] }>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      dataSourceOptions(
        database.kind === 'sqlite'
          ? { kind: 'sqlite', path: database.url }
          : { kind: 'postgres', url: database.url },
      ),
    );
    await dataSource.initialize();
    await runMigrations(dataSource);
    const now = DateTime.fromISO('2027-03-17T12:00:00.000Z', { zone: 'utc' });
    const seeded = await seedPortfolio(dataSource, {
      engagements: 1,
      now,
      weeksBefore: 0,
      weeksAfter: 3,
      seed: 7,
    });
    const free = await dataSource
      .getRepository(Touchpoint)
      .createQueryBuilder('t')
      .where("t.kind = 'status_report'")
      .andWhere('t.id NOT IN (SELECT touchpoint_id FROM status_report)')
      .orderBy('t.scheduled_at')
      .getMany();
    const engagement = await dataSource
      .getRepository(Engagement)
      .findOneByOrFail({ id: seeded.engagementIds[0] });
    fixture = {
      engagementId: engagement.id,
      personId: engagement.accountManagerId,
      touchpointIds: free.map((t) => t.id),
    };
    expect(fixture.touchpointIds.length).toBeGreaterThanOrEqual(2);
    reports = new EntityRow(dataSource, StatusReport);
    columns = dataSource.getMetadata(StatusReport).columns.map((c) => c.propertyName as keyof StatusReport);
    insert = new CachedQuery(dataSource, (db, values) =>
      db
        .createQueryBuilder()
        .insert()
        .into(StatusReport)
        .values(reports.placeholders(columns))
        .setParameters(values),
    );
    reviseIf = new CachedQuery(dataSource, (db, values) =>
      db
        .createQueryBuilder()
        .update(StatusReport)
        .set(reports.placeholders(['highlights', 'revision']))
        .where('id = :id AND revision = :seen')
        .setParameters(values),
    );
    const touchpoints = new EntityRow(dataSource, Touchpoint);
    withTouchpoint = new CachedQuery(dataSource, (db, { ids }) => {
      const query = db
        .createQueryBuilder()
        .from(StatusReport, 'r')
        .leftJoin(Touchpoint, 't', 't.id = r.touchpoint_id')
        // A meeting with a report's id: never there.
        .leftJoin(Touchpoint, 'm', "m.id = r.touchpoint_id AND m.kind = 'meeting'")
        .select([])
        .where('r.id IN (:...ids)', { ids })
        .orderBy('r.id', 'ASC');
      touchpoints.select(query, 't');
      touchpoints.select(query, 'm');
      return reports.select(query, 'r');
    });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('writes stored values that TypeORM reads back as the same entity', async () => {
    const written = report('r1', { askCheckAt: new Date('2027-03-18T12:00:00.000Z') });
    await dataSource.transaction((manager) =>
      insert.execute(reports.storedValues(written, columns), manager),
    );
    const read = await dataSource.getRepository(StatusReport).findOneByOrFail({ id: 'r1' });
    expect(read).toEqual(written);
    expect(read).toBeInstanceOf(StatusReport);
  });

  it('builds entities from a joined row as TypeORM finds them, and null where a join found none', async () => {
    await insert.execute(
      reports.storedValues(report('r2', { late: false, submittedByPersonId: fixture.personId }), columns),
    );
    const rows = await withTouchpoint.getRawMany<Record<string, unknown>>({ ids: ['r1', 'r2'] });
    const found = await dataSource
      .getRepository(StatusReport)
      .find({ where: { id: In(['r1', 'r2']) }, order: { id: 'ASC' } });
    expect(rows.map((row) => reports.from(row, 'r'))).toEqual(found);
    const touchpoints = new EntityRow(dataSource, Touchpoint);
    expect(rows.map((row) => touchpoints.from(row, 't'))).toEqual(
      await Promise.all(
        found.map((r) => dataSource.getRepository(Touchpoint).findOneBy({ id: r.touchpointId })),
      ),
    );
    expect(rows.map((row) => touchpoints.from(row, 'm'))).toEqual([null, null]);
  });

  it('binds numbers as parameters and answers how many rows a write changed', async () => {
    const revise = (seen: number) =>
      dataSource.transaction((manager) =>
        reviseIf.execute({ id: 'r2', seen, highlights: `after ${seen}`, revision: seen + 1 }, manager),
      );
    expect(await revise(1)).toBe(1);
    expect(await revise(1)).toBe(0);
    expect(await revise(2)).toBe(1);
    const read = await dataSource.getRepository(StatusReport).findOneByOrFail({ id: 'r2' });
    expect([read.revision, read.highlights]).toEqual([3, 'after 2']);
  });

  it('hydrates and stores single values the way the column does', () => {
    expect(reports.hydrated('blockers', reports.stored('blockers', report('x').blockers))).toEqual(
      report('x').blockers,
    );
    expect(reports.hydrated('submittedAt', '2027-03-15T09:30:00.000Z')).toEqual(
      new Date('2027-03-15T09:30:00.000Z'),
    );
    expect(reports.hydrated('askCheckAt', null)).toBeNull();
  });
});
