import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { Touchpoint } from '../../src/cadences/touchpoint.entity';
import { bulkInsert } from '../../src/database/bulk-insert';
import { ReportRequestJob } from '../../src/reports/report-request.job';
import { newReportCadence } from '../factories/touchpoints.factory';
import { TestApp } from '../support/test-app';
import { reportEngagement } from './report-test-kit';

/** Keeps the SQL the job sends, to ask the database how it would run it. */
class QueryCapture implements TypeOrmLogger {
  readonly queries: { sql: string; parameters: unknown[] }[] = [];
  logQuery(query: string, parameters?: unknown[]): void {
    this.queries.push({ sql: query, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

async function plan(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<string> {
  if (dataSource.options.type === 'postgres') {
    const rows = await dataSource.query<Record<string, string>[]>(`EXPLAIN ${sql}`, parameters);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }
  const rows = await dataSource.query<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, parameters);
  return rows.map((r) => r.detail).join('\n');
}

describe('The report-request sweep', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-01T00:00:00Z' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('follows touchpoint_request_due, not every pending report of the horizon', async () => {
    const fixture = await reportEngagement(app);
    const dataSource = app.app.get(DataSource);
    const now = app.clock.now();
    // A big portfolio's reports still to be requested (25 cadences, 120 weeks ahead): what the
    // sweep must not read one by one. Enough rows that PostgreSQL's planner prefers an index too.
    const cadences = [fixture.cadenceId];
    for (let i = 1; i < 25; i++)
      cadences.push((await newReportCadence(app, { engagementId: fixture.engagement.id })).id);
    const pending = cadences.flatMap((cadenceId) =>
      Array.from({ length: 120 }, (_, week) => {
        const due = DateTime.fromISO('2027-03-05T09:00:00Z', { zone: 'utc' }).plus({ weeks: week });
        return Object.assign(new Touchpoint(), {
          id: randomUUID(),
          engagementId: fixture.engagement.id,
          cadenceId,
          kind: 'status_report',
          periodKey: due.toFormat("kkkk-'W'WW"),
          status: 'pending',
          scheduledAt: due.toJSDate(),
          endsAt: null,
          originalAt: due.toJSDate(),
          adjustmentType: null,
          adjustmentReason: null,
          outOfHours: [],
          sequence: 0,
          checkAt: due.plus({ hours: 1 }).toJSDate(),
          invitePending: false,
          invitedSequence: null,
          requestAt: due.minus({ days: 1 }).toJSDate(),
          requestQueuedAt: null,
          heldAt: null,
          heldNotes: null,
          submittedAt: null,
          rescheduleCount: 0,
          pinned: true,
          createdAt: now.toJSDate(),
          updatedAt: now.toJSDate(),
        });
      }),
    );
    await dataSource.transaction((manager) => bulkInsert(manager, Touchpoint, pending));
    if (dataSource.options.type === 'postgres') await dataSource.query('ANALYZE touchpoint');

    const capture = new QueryCapture();
    const job = app.app.get(ReportRequestJob);
    dataSource.setOptions({ logger: capture, logging: ['query'] });
    try {
      expect(await job.run(now)).toBe(0);
      const [due] = capture.queries.splice(0);
      await job.nextDueAfter(now);
      const [next] = capture.queries.splice(0);
      if (due === undefined || next === undefined) throw new Error('the sweep sent no query');
      for (const query of [due, next]) {
        const text = await plan(dataSource, query.sql, query.parameters);
        expect(text).toContain('touchpoint_request_due');
        expect(text).not.toContain('touchpoint_status_time');
      }
    } finally {
      dataSource.setOptions({ logger: 'advanced-console', logging: false });
    }
    // The sweep still finds what falls due.
    expect((await job.nextDueAfter(now))?.toISO()).toBe('2027-03-04T09:00:00.000Z');
  });
});
