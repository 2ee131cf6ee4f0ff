/**
 * Sweep benchmark (issue 8): the due-work sweeps the scheduler runs every few seconds, on
 * tables of 10,000 and of 1,000,000 touchpoints and outbox messages that are mostly history,
 * with the same handful due at every sweep. The sweeps must follow their partial indexes, so
 * the 1M sweep may cost at most 1.5× the 10k one; the query plans are printed as proof.
 *
 * What runs is Cadence's own code, in the service built by createApp (not listening: the real
 * DataSource and migrations, a manual clock, logs at warn): at each sweep instant, in the
 * scheduler's order, `run(now)` and then `nextDueAfter(now)` of
 *
 * - invites.issue (touchpoint_invite_pending): 10 meetings that owe an invite (two
 *   participants each);
 * - reports.request (touchpoint_request_due): 10 report touchpoints whose request falls due;
 * - followups.detect (touchpoint_check_due): 10 meetings that ended unheld, so missed, each
 *   firing its follow-up playbook;
 * - outbox.deliver (outbox_due): 10 queued e-mails, the 20 invites and the 10 report requests
 *   just queued, written as .eml files (no SMTP: the outbox benchmark measures sending).
 *
 * Two services run side by side in this process, one on the small tables, one on the large,
 * and take turns job by job, so that whatever else the machine runs weighs on both alike.
 * The tables: engagements with a year of touchpoints each (a touchpoint per cadence and week:
 * 38 weeks gone by, closed, and the planner's 12-week horizon, open and due later, so in the
 * partial indexes) and a hundred sent messages. The large tables have more engagements, not
 * more years, so the history of any one cadence is as deep as in the small ones: 100
 * engagements make 10,000 rows a table, 10,000 make 1,000,000. The rows due at each instant
 * are seeded up front, at distinct instants, so every sweep finds exactly its handful.
 * PostgreSQL is ANALYZEd after seeding (autovacuum would have); SQLite is not, as Cadence
 * never runs ANALYZE there.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../src/app.factory';
import { Cadence } from '../src/cadences/cadence.entity';
import { InvitesJob } from '../src/cadences/invites/invites.job';
import { Touchpoint } from '../src/cadences/touchpoint.entity';
import { Clock, ManualClock } from '../src/core/clock/clock';
import { loadConfig } from '../src/core/config/config.loader';
import type { ScheduledJob } from '../src/core/scheduler/scheduled-job';
import { bulkInsert } from '../src/database/bulk-insert';
import { Engagement } from '../src/engagements/engagement.entity';
import { EngagementContact } from '../src/engagements/engagement-contact.entity';
import { DetectionJob } from '../src/follow-ups/detection.job';
import { OutboxMessage } from '../src/notifications/outbox/outbox-message.entity';
import { OutboxWorker } from '../src/notifications/outbox/outbox.worker';
import { Person } from '../src/people/person.entity';
import { ReportRequestJob } from '../src/reports/report-request.job';
import { createTestDatabase, type TestDatabaseKind } from '../test/support/test-database';
import { info, ms, ratio, target, thousands, type Figure } from './support/figures';
import { PORTFOLIO_KPIS, touchpoint } from './support/portfolio';
import { seededRandom, seededUuid } from './support/random';

/** Sweeps from 02:00 to 06:30 UTC: outside every recipient's hours (London 09–17, Los Angeles 09–17), so no follow-up falls due during the run and every sweep has the same work. */
const START = DateTime.fromISO('2027-03-02T01:45:00Z', { zone: 'utc' });
const STEP_MINUTES = 15;
const DUE_PER_SWEEP = 10;
/** A year of touchpoints per cadence: 38 weeks gone by and the planner's 12-week horizon. */
const WEEKS_OF_HISTORY = 38;
const HORIZON_WEEKS = 12;
const MESSAGES_PER_ENGAGEMENT = 100;
const SMALL_ENGAGEMENTS = 100;
const TARGET_GROWTH = 1.5;
const SEED = 20270302;

export interface SweepBenchOptions {
  /** 200,000 rows instead of 1,000,000 and fewer sweeps: a smoke test. */
  quick?: boolean;
  databases?: readonly TestDatabaseKind[];
  log?: (line: string) => void;
}

interface Sweep {
  name: string;
  /** The partial index its due query must follow. */
  index: string;
  table: 'touchpoint' | 'outbox_message';
  job: ScheduledJob;
  /** Untimed set-up before a sweep: what the planner would have done meanwhile. */
  prepare?: (step: number) => Promise<void>;
}

interface Phase {
  rows: { touchpoint: number; outbox: number };
  /** Per sweep name: milliseconds per sweep instant (run + nextDueAfter), warm-up left out. */
  times: Map<string, number[]>;
  /** The same in this process's CPU time: all of the work on SQLite, the client's share on PostgreSQL. */
  cpu: Map<string, number[]>;
  handled: Map<string, number[]>;
  plans: Map<string, { due: string; next: string | null }>;
}

/** Captures the SQL a job issues, so the plan printed is the plan of the query Cadence really runs. */
class CapturingLogger implements TypeOrmLogger {
  capturing = false;
  readonly queries: { sql: string; parameters: unknown[] }[] = [];

  logQuery(query: string, parameters?: unknown[]): void {
    if (this.capturing) this.queries.push({ sql: query, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Runs the sweep benchmark on each database and returns its figures. */
export async function runSweepBench(options: SweepBenchOptions = {}): Promise<Figure[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const figures: Figure[] = [];
  for (const kind of options.databases ?? (['sqlite', 'postgres'] as const)) {
    figures.push(...(await sweepOn(kind, options.quick ?? false, log)));
  }
  return figures;
}

/** One service with its own database: the small tables or the large ones. */
interface Side {
  app: INestApplicationContext;
  dataSource: DataSource;
  clock: ManualClock;
  capture: CapturingLogger;
  seeder: Seeder;
  sweeps: Sweep[];
  phase: Phase;
  drop(): Promise<void>;
}

async function sweepOn(
  kind: TestDatabaseKind,
  quick: boolean,
  log: (line: string) => void,
): Promise<Figure[]> {
  const timedSweeps = quick ? 3 : 9;
  // One untimed sweep first (warming caches and JIT, and capturing the SQL to explain).
  const sweepCount = timedSweeps + 1;
  const sides: Side[] = [];
  try {
    for (const engagements of [SMALL_ENGAGEMENTS, quick ? 2_000 : 10_000]) {
      const started = performance.now();
      const side = await startSide(kind);
      sides.push(side);
      const { managers } = await side.seeder.base(SMALL_ENGAGEMENTS, sweepCount);
      await side.seeder.history(0, engagements, managers);
      await side.seeder.analyze();
      side.phase.rows = await side.seeder.count();
      log(
        `sweep ${kind}: seeded ${thousands(side.phase.rows.touchpoint)} touchpoints in ${seconds(started)}`,
      );
    }

    // The two services take turns, job by job, so that whatever else the machine runs weighs on both.
    for (let step = 0; step < sweepCount; step++) {
      const now = instant(step);
      for (const side of sides) side.clock.set(now);
      for (let j = 0; j < sides[0].sweeps.length; j++) {
        for (const side of step % 2 === 0 ? sides : [...sides].reverse()) {
          const sweep = side.sweeps[j];
          await sweep.prepare?.(step);
          side.capture.capturing = step === 0;
          side.capture.queries.length = 0;
          const begun = performance.now();
          const cpu = process.cpuUsage();
          const handled = await sweep.job.run(now);
          const dueQuery = side.capture.queries[0];
          side.capture.queries.length = 0;
          await sweep.job.nextDueAfter(now);
          const elapsed = performance.now() - begun;
          const used = process.cpuUsage(cpu);
          side.capture.capturing = false;
          if (step === 0) {
            // The plans of the queries each sweep issues first (its due query) and last (nextDueAfter).
            const nextQuery = side.capture.queries[0];
            side.phase.plans.set(sweep.name, {
              due: dueQuery
                ? await explain(side.dataSource, kind, dueQuery.sql, dueQuery.parameters)
                : '(no query)',
              next: nextQuery
                ? await explain(side.dataSource, kind, nextQuery.sql, nextQuery.parameters)
                : null,
            });
            continue;
          }
          push(side.phase.times, sweep.name, elapsed);
          push(side.phase.cpu, sweep.name, (used.user + used.system) / 1000);
          push(side.phase.handled, sweep.name, handled);
        }
      }
    }
    for (const side of sides) {
      log(`sweep ${kind}: ${thousands(side.phase.rows.touchpoint)} touchpoints: ${summary(side.phase)}`);
    }
    return phaseFigures(kind, sides[0].sweeps, sides[0].phase, sides[1].phase);
  } finally {
    for (const side of sides) {
      await side.app.close();
      await side.drop();
    }
  }
}

/** Cadence as main.ts builds it (not listening): every job registered as in production. */
async function startSide(kind: TestDatabaseKind): Promise<Side> {
  const database = await createTestDatabase(kind);
  const config = loadConfig({
    env: {
      DATABASE_URL: database.url,
      CADENCE_DATA_DIR: database.dataDir,
      CADENCE_CLOCK: 'manual',
      CADENCE_CLOCK_START: START.toISO(),
      CADENCE_API_TOKEN: 'bench-sweep-token-0123456789abcdef',
      LOG_LEVEL: 'warn',
    },
  });
  // Two of these live in one process; @nestjs/typeorm warns that both use the default data
  // source name, but each application keeps its own DataSource (the row counts show it).
  const app = await createApp(config);
  await app.init();
  const dataSource = app.get(DataSource);
  const clock = app.get(Clock);
  if (!(clock instanceof ManualClock)) throw new Error('the sweep benchmark needs the manual clock');
  const capture = new CapturingLogger();
  dataSource.setOptions({ logger: capture, logging: ['query'] });
  const seeder = new Seeder(dataSource, kind);
  return {
    app,
    dataSource,
    clock,
    capture,
    seeder,
    sweeps: [
      {
        name: 'invites.issue',
        index: 'touchpoint_invite_pending',
        table: 'touchpoint',
        job: app.get(InvitesJob),
        prepare: (step) => seeder.markInvitesPending(step),
      },
      {
        name: 'reports.request',
        index: 'touchpoint_request_due',
        table: 'touchpoint',
        job: app.get(ReportRequestJob),
      },
      {
        name: 'followups.detect',
        index: 'touchpoint_check_due',
        table: 'touchpoint',
        job: app.get(DetectionJob),
      },
      { name: 'outbox.deliver', index: 'outbox_due', table: 'outbox_message', job: app.get(OutboxWorker) },
    ],
    phase: {
      rows: { touchpoint: 0, outbox: 0 },
      times: new Map(),
      cpu: new Map(),
      handled: new Map(),
      plans: new Map(),
    },
    drop: () => database.drop(),
  };
}

function phaseFigures(
  kind: TestDatabaseKind,
  sweeps: readonly Sweep[],
  small: Phase,
  large: Phase,
): Figure[] {
  const rows = (phase: Phase): string =>
    `${thousands(phase.rows.touchpoint)} touchpoints, ${thousands(phase.rows.outbox)} messages`;
  const figures: Figure[] = [info(`${kind}: tables`, `${rows(small)} → ${rows(large)}`)];
  let smallTotal = 0;
  let largeTotal = 0;
  for (const sweep of sweeps) {
    const a = median(small.times.get(sweep.name) ?? []);
    const b = median(large.times.get(sweep.name) ?? []);
    const cpuA = median(small.cpu.get(sweep.name) ?? []);
    const cpuB = median(large.cpu.get(sweep.name) ?? []);
    smallTotal += a;
    largeTotal += b;
    const handledSmall = small.handled.get(sweep.name) ?? [];
    const handledLarge = large.handled.get(sweep.name) ?? [];
    figures.push(
      target(
        `${kind}: ${sweep.name}, ms per sweep, ${size(small)} → ${size(large)} rows`,
        `${ms(a)} → ${ms(b)} = ${ratio(b / a)}×`,
        `≤ ${TARGET_GROWTH}×`,
        b / a <= TARGET_GROWTH,
      ),
      info(
        `${kind}: ${sweep.name}, Node CPU per sweep${kind === 'postgres' ? ' (client side)' : ''}`,
        `${ms(cpuA)} → ${ms(cpuB)} = ${ratio(cpuB / cpuA)}×`,
      ),
      target(
        `${kind}: ${sweep.name}, items handled per sweep`,
        `${handledSmall.join(',')} → ${handledLarge.join(',')}`,
        'the same',
        sameWork(handledSmall, handledLarge),
      ),
    );
    // The plans on the large tables, where a scan would hurt.
    const plan = large.plans.get(sweep.name);
    for (const [which, text] of [
      ['due query', plan?.due ?? '(not captured)'],
      ['nextDueAfter', plan?.next ?? null],
    ] as const) {
      if (text === null) continue;
      const follows = text.includes(sweep.index) && !scansTable(text, sweep.table);
      figures.push(
        target(
          `${kind}: ${sweep.name}, ${which} plan on ${size(large)}`,
          text,
          `uses ${sweep.index}`,
          follows,
        ),
      );
    }
  }
  figures.push(
    target(
      `${kind}: all four sweeps, ms per sweep instant`,
      `${ms(smallTotal)} → ${ms(largeTotal)} = ${ratio(largeTotal / smallTotal)}×`,
      `≤ ${TARGET_GROWTH}×`,
      largeTotal / smallTotal <= TARGET_GROWTH,
    ),
  );
  return figures;
}

/** Both phases handled the same number of items at every sweep: the same work, on bigger tables. */
function sameWork(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** A full scan of a table (SQLite `SCAN t` without `USING … INDEX`, PostgreSQL `Seq Scan on t`). */
function scansTable(plan: string, table: string): boolean {
  if (plan.includes(`Seq Scan on ${table}`)) return true;
  return plan
    .split('; ')
    .some(
      (step) =>
        /^SCAN \w+/.test(step) && !/USING (COVERING )?INDEX/.test(step) && step !== 'SCAN CONSTANT ROW',
    );
}

/** The plan as one line: SQLite's `detail` column, or PostgreSQL's plan nodes without costs. */
async function explain(
  dataSource: DataSource,
  kind: TestDatabaseKind,
  sql: string,
  parameters: unknown[],
): Promise<string> {
  if (kind === 'sqlite') {
    const rows = await dataSource.query<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, parameters);
    return rows.map((r) => r.detail).join('; ');
  }
  const rows = await dataSource.query<Record<string, string>[]>(`EXPLAIN (COSTS OFF) ${sql}`, parameters);
  return rows
    .map((r) => r['QUERY PLAN'].trim().replace(/^->\s*/, ''))
    .filter((line) => !/^(Filter|Index Cond|Recheck Cond|Sort Key|Output):/.test(line))
    .join('; ');
}

/** Writes the bench's rows straight into the tables with the same bulk insert the planner uses. */
class Seeder {
  private readonly random = seededRandom(SEED);
  private readonly at = START.minus({ weeks: WEEKS_OF_HISTORY + 1 }).toJSDate();
  /** Meetings that owe nothing yet: each sweep marks ten of them as owing an invite. */
  private readonly inviteQueue: string[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly kind: TestDatabaseKind,
  ) {}

  private uuid(): string {
    return seededUuid(this.random);
  }

  async count(): Promise<{ touchpoint: number; outbox: number }> {
    const [{ n: touchpoints }] = await this.dataSource.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM touchpoint',
    );
    const [{ n: outbox }] = await this.dataSource.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM outbox_message',
    );
    return { touchpoint: Number(touchpoints), outbox: Number(outbox) };
  }

  async analyze(): Promise<void> {
    if (this.kind === 'postgres') await this.dataSource.query('ANALYZE');
  }

  /**
   * The managers (who hear of missed meetings) and, for every sweep instant, the rows due then:
   * meetings ending unheld, report requests falling due, queued e-mails, and future meetings
   * that the invite sweep will be told about.
   */
  async base(engagements: number, sweeps: number): Promise<{ managers: Person[] }> {
    const managers = Array.from({ length: Math.ceil(10_000 / 20) }, (_, i) =>
      this.person('account_manager', i, 'America/Los_Angeles', 'US'),
    );
    await this.dataSource.transaction((m) => bulkInsert(m, Person, managers));
    const { cadences } = await this.engagements(0, engagements, managers);
    const touchpoints: Touchpoint[] = [];
    const messages: OutboxMessage[] = [];
    for (let step = 0; step < sweeps; step++) {
      const now = instant(step);
      for (let j = 0; j < DUE_PER_SWEEP; j++) {
        const { meeting, report } = cadences[(step * DUE_PER_SWEEP + j) % cadences.length];
        const start = now.minus({ hours: 3 });
        touchpoints.push(
          touchpoint(this.uuid(), meeting.engagementId, meeting.id, 'meeting', `due-${step}-${j}`, this.at, {
            status: 'scheduled',
            scheduledAt: start.toJSDate(),
            endsAt: start.plus({ minutes: 45 }).toJSDate(),
            // End plus the two hours' grace (followUps.meetingGraceMinutes), due at this instant.
            checkAt: now.toJSDate(),
          }),
        );
        const dueAt = now.plus({ days: 2 });
        touchpoints.push(
          touchpoint(
            this.uuid(),
            report.engagementId,
            report.id,
            'status_report',
            `due-${step}-${j}`,
            this.at,
            {
              status: 'pending',
              scheduledAt: dueAt.toJSDate(),
              endsAt: null,
              checkAt: dueAt.plus({ minutes: 60 }).toJSDate(),
              requestAt: now.toJSDate(),
            },
          ),
        );
        const future = now.plus({ weeks: 2 });
        const invite = touchpoint(
          this.uuid(),
          meeting.engagementId,
          meeting.id,
          'meeting',
          `inv-${step}-${j}`,
          this.at,
          {
            status: 'scheduled',
            scheduledAt: future.toJSDate(),
            endsAt: future.plus({ minutes: 45 }).toJSDate(),
            checkAt: future.plus({ minutes: 165 }).toJSDate(),
          },
        );
        invite.sequence = 1;
        touchpoints.push(invite);
        this.inviteQueue.push(invite.id);
        messages.push(this.message(meeting.engagementId, now.toJSDate(), `due-${step}-${j}`));
      }
    }
    await this.dataSource.transaction(async (m) => {
      await bulkInsert(m, Touchpoint, touchpoints);
      await bulkInsert(m, OutboxMessage, messages);
    });
    return { managers };
  }

  /** What the planner does when a meeting moves: it owes its participants a new invite. */
  async markInvitesPending(step: number): Promise<void> {
    const ids = this.inviteQueue.slice(step * DUE_PER_SWEEP, (step + 1) * DUE_PER_SWEEP);
    await this.dataSource
      .createQueryBuilder()
      .update(Touchpoint)
      .set({ invitePending: true })
      .whereInIds(ids)
      .execute();
  }

  /**
   * Engagements [from, to) with a year of touchpoints each (closed ones for the weeks gone by,
   * open ones for the planned horizon, which sit in the partial indexes with future times)
   * and a hundred sent messages. The engagements, people and cadences go in with bulkInsert;
   * their million touchpoints and messages are generated by the database itself
   * (INSERT … SELECT over a series), which is what keeps the benchmark inside its time.
   */
  async history(from: number, to: number, managers: readonly Person[]): Promise<void> {
    const chunk = 1_000;
    const sqlite = this.kind === 'sqlite';
    // Seeding only, undone below: a million rows with random UUID keys thrash SQLite's 2 MB
    // default page cache, and building each index once at the end is several times faster
    // than keeping a dozen of them up to date row by row.
    if (sqlite) await this.dataSource.query('PRAGMA cache_size = -262144');
    const indexes = await this.dropIndexes();
    for (let start = from, end = from; start < to; start = end) {
      // The first engagements exist already: base() made them, as one batch, to carry the rows due.
      const existing = start < this.existingEngagements;
      end = existing ? Math.min(to, this.existingEngagements) : Math.min(to, start + chunk);
      if (!existing) await this.engagements(start, end, managers);
      const batch = `batch ${start}`;
      await this.dataSource.transaction(async (m) => {
        if (!sqlite) {
          // Seeding only: the rows are generated from engagements and cadences that exist, so the
          // foreign-key triggers have nothing to find; skipping them halves the time.
          await m.query('SET LOCAL session_replication_role = replica');
          await m.query('SET LOCAL synchronous_commit = off');
        }
        await m.query(this.historyTouchpointsSql(), [batch]);
        await m.query(this.historyMessagesSql(), [batch]);
      });
    }
    for (const definition of indexes) await this.dataSource.query(definition);
    if (sqlite) await this.dataSource.query('PRAGMA cache_size = -2000');
  }

  /**
   * Drops the secondary indexes of the two big tables and answers the statements that make
   * them again, exactly as the migrations defined them (primary keys stay).
   */
  private async dropIndexes(): Promise<string[]> {
    const tables = ['touchpoint', 'outbox_message'];
    const rows =
      this.kind === 'sqlite'
        ? await this.dataSource.query<{ name: string; definition: string }[]>(
            `SELECT name, sql AS definition FROM sqlite_master
             WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('touchpoint', 'outbox_message')`,
          )
        : await this.dataSource.query<{ name: string; definition: string }[]>(
            `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
             WHERE i.tablename = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
            [tables],
          );
    for (const row of rows) await this.dataSource.query(`DROP INDEX "${row.name}"`);
    return rows.map((r) => r.definition);
  }

  /** Two touchpoints per engagement and week: a meeting on Tuesday 15:00 UTC, a report due Friday 17:00. */
  private historyTouchpointsSql(): string {
    const week0 = START.startOf('week').toISODate();
    const pg = this.kind === 'postgres';
    const weeks = pg
      ? `generate_series(${-WEEKS_OF_HISTORY}, ${HORIZON_WEEKS - 1}) AS w(n)`
      : `(WITH RECURSIVE s(n) AS (SELECT ${-WEEKS_OF_HISTORY} UNION ALL SELECT n + 1 FROM s WHERE n < ${HORIZON_WEEKS - 1}) SELECT n FROM s) AS w`;
    const id = pg ? 'gen_random_uuid()::text' : 'lower(hex(randomblob(16)))';
    // An instant `days` and `hours` after the Monday of week n, as InstantColumn stores it.
    const at = (days: number, hours: number, minutes = 0): string =>
      pg
        ? `to_char(timestamp '${week0}' + (w.n * 7 + ${days}) * interval '1 day' + interval '${hours * 60 + minutes} minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
        : `strftime('%Y-%m-%dT%H:%M:%fZ', '${week0}', (w.n * 7 + ${days}) || ' days', '+${hours * 60 + minutes} minutes')`;
    const meeting = `c.kind = 'meeting'`;
    const past = 'w.n < 0';
    const when = (cond: string, then: string, otherwise: string): string =>
      `CASE WHEN ${cond} THEN ${then} ELSE ${otherwise} END`;
    const scheduled = when(meeting, at(1, 15), at(4, 17));
    return `INSERT INTO touchpoint (id, engagement_id, cadence_id, kind, period_key, status, scheduled_at, ends_at,
        original_at, adjustment_type, adjustment_reason, out_of_hours, sequence, check_at, invite_pending,
        invited_sequence, request_at, request_queued_at, held_at, held_notes, submitted_at, reschedule_count,
        pinned, created_at, updated_at)
      SELECT ${id}, c.engagement_id, c.id, c.kind, 'w' || w.n,
        ${when(meeting, when(past, `'held'`, `'scheduled'`), when(past, `'submitted'`, `'pending'`))},
        ${scheduled}, ${when(meeting, at(1, 15, 45), 'NULL')}, ${scheduled}, NULL, NULL, '[]', 0,
        ${when(past, 'NULL', when(meeting, at(1, 17, 45), at(4, 18)))}, FALSE,
        ${when(meeting, '0', 'NULL')}, ${when(meeting, 'NULL', at(3, 17))},
        ${when(`${past} AND NOT ${meeting}`, at(3, 17), 'NULL')},
        ${when(`${past} AND ${meeting}`, at(1, 15, 45), 'NULL')}, NULL,
        ${when(`${past} AND NOT ${meeting}`, at(4, 15), 'NULL')}, 0, FALSE, e.created_at, e.created_at
      FROM engagement e JOIN cadence c ON c.engagement_id = e.id, ${weeks}
      WHERE e.client_name = ${pg ? '$1' : '?'}`;
  }

  /** A hundred sent report requests per engagement, one every three and a half days back. */
  private historyMessagesSql(): string {
    const pg = this.kind === 'postgres';
    const series = pg
      ? `generate_series(0, ${MESSAGES_PER_ENGAGEMENT - 1}) AS s(n)`
      : `(WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r WHERE n < ${MESSAGES_PER_ENGAGEMENT - 1}) SELECT n FROM r) AS s`;
    const id = pg ? 'gen_random_uuid()::text' : 'lower(hex(randomblob(16)))';
    const at = pg
      ? `to_char(timestamp '${START.toFormat("yyyy-MM-dd'T'HH:mm:ss")}' - (1 + s.n * 84) * interval '1 hour', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : `strftime('%Y-%m-%dT%H:%M:%fZ', '${START.toFormat('yyyy-MM-dd HH:mm:ss')}', '-' || (1 + s.n * 84) || ' hours')`;
    const subject = 'Weekly status for Sweep engagement: due Fri 17:00';
    const payload = JSON.stringify({
      kind: 'email',
      to: [{ name: 'Vendor', address: 'vendor@sweep.example' }],
      subject,
      html: '<p>Please send the <strong>Weekly status</strong> by Friday 17:00.</p>',
      text: 'Please send the Weekly status by Friday 17:00.',
    });
    return `INSERT INTO outbox_message (id, idempotency_key, channel, purpose, engagement_id, touchpoint_id,
        recipient_person_id, recipient, summary, payload, status, attempts, due_at, next_attempt_at,
        working_hours_only, sent_at, last_error, claimed_by, provider_message_id, created_at, updated_at)
      SELECT ${id}, 'bench:' || e.id || ':' || s.n, 'email', 'report_request', e.id, NULL, NULL,
        'vendor@sweep.example', '${subject}', '${payload}', 'sent', 1, ${at}, ${at}, FALSE, ${at}, NULL, NULL,
        '<' || e.id || '.' || s.n || '@cadence.example>', ${at}, ${at}
      FROM engagement e, ${series}
      WHERE e.client_name = ${pg ? '$1' : '?'}`;
  }

  /** How many engagements base() made (engagements 0 to this), which history() must not make again. */
  private existingEngagements = 0;

  private async engagements(
    from: number,
    to: number,
    managers: readonly Person[],
  ): Promise<{ cadences: { meeting: Cadence; report: Cadence }[] }> {
    const people: Person[] = [];
    const engagements: Engagement[] = [];
    const contacts: EngagementContact[] = [];
    const cadences: { meeting: Cadence; report: Cadence }[] = [];
    for (let e = from; e < to; e++) {
      const vendor = this.person('vendor_contact', e, 'Europe/London', 'GB');
      const manager = managers[Math.floor(e / 20) % managers.length];
      const engagement = Object.assign(new Engagement(), {
        id: this.uuid(),
        name: `Sweep engagement ${e}`,
        // The batch history() generates rows for, by name.
        clientName: `batch ${from}`,
        vendorName: `Vendor ${e % 40}`,
        accountManagerId: manager.id,
        executiveId: null,
        kpis: [...PORTFOLIO_KPIS],
        playbook: 'default',
        playbookOverride: null,
        createdAt: this.at,
        updatedAt: this.at,
      });
      people.push(vendor);
      engagements.push(engagement);
      contacts.push(
        Object.assign(new EngagementContact(), {
          engagementId: engagement.id,
          kind: 'vendor_contact',
          personId: vendor.id,
          position: 0,
        }),
      );
      const cadence = (kind: 'meeting' | 'status_report'): Cadence =>
        Object.assign(new Cadence(), {
          id: this.uuid(),
          engagementId: engagement.id,
          kind,
          title: kind === 'meeting' ? 'Weekly sync' : 'Weekly status',
          frequency: 'weekly',
          holidayPolicy: 'shift',
          startsOn: '2026-01-05',
          durationMinutes: kind === 'meeting' ? 45 : null,
          participantIds: kind === 'meeting' ? [manager.id, vendor.id] : [],
          organizerId: kind === 'meeting' ? manager.id : null,
          preferredWeekdays: [],
          weekday: kind === 'meeting' ? 'tue' : 'fri',
          time: kind === 'meeting' ? '15:00' : '17:00',
          active: true,
          createdAt: this.at,
          updatedAt: this.at,
        });
      cadences.push({ meeting: cadence('meeting'), report: cadence('status_report') });
    }
    await this.dataSource.transaction(async (m) => {
      await bulkInsert(m, Person, people);
      await bulkInsert(m, Engagement, engagements);
      await bulkInsert(m, EngagementContact, contacts);
      await bulkInsert(
        m,
        Cadence,
        cadences.flatMap((c) => [c.meeting, c.report]),
      );
    });
    if (from === 0) this.existingEngagements = cadences.length;
    return { cadences };
  }

  private person(
    role: 'account_manager' | 'vendor_contact',
    n: number,
    zone: string,
    country: string,
  ): Person {
    return Object.assign(new Person(), {
      id: this.uuid(),
      name: `${role} ${n}`,
      email: `${role}.${n}@sweep.example`,
      role,
      timeZone: zone,
      country,
      region: null,
      workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
      workingHoursStart: '09:00',
      workingHoursEnd: '17:00',
      locale: 'en',
      slackUserId: null,
      createdAt: this.at,
      updatedAt: this.at,
    });
  }

  /** A queued e-mail, due at `at`. */
  private message(engagementId: string, at: Date, key: string): OutboxMessage {
    const subject = 'Queued notice';
    return Object.assign(new OutboxMessage(), {
      id: this.uuid(),
      idempotencyKey: `bench:${key}`,
      channel: 'email',
      purpose: 'report_request',
      engagementId,
      touchpointId: null,
      recipientPersonId: null,
      recipient: 'vendor@sweep.example',
      summary: subject,
      payload: {
        kind: 'email',
        to: [{ name: 'Vendor', address: 'vendor@sweep.example' }],
        subject,
        html: '<p>Please send the <strong>Weekly status</strong> by Friday 17:00.</p>',
        text: 'Please send the Weekly status by Friday 17:00.',
      },
      status: 'queued',
      attempts: 0,
      dueAt: at,
      nextAttemptAt: at,
      workingHoursOnly: false,
      sentAt: null,
      lastError: null,
      claimedBy: null,
      providerMessageId: null,
      createdAt: at,
      updatedAt: at,
    });
  }
}

/** 10k, 200k, 1M: a table size as the figures name it. */
function size(phase: Phase): string {
  const n = phase.rows.touchpoint;
  return n >= 1e6 ? `${Math.round(n / 1e5) / 10}M` : `${Math.round(n / 1e3)}k`;
}

function instant(step: number): DateTime {
  return START.plus({ minutes: STEP_MINUTES * (step + 1) });
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summary(phase: Phase): string {
  return [...phase.times.entries()].map(([name, times]) => `${name} ${ms(median(times))}`).join(', ');
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
