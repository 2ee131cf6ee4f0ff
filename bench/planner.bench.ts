/**
 * `npm run bench:planner`: plans a 12-week horizon for 1,000 and 10,000 engagements (a weekly
 * meeting with three participants in two or three countries, and a weekly status report) on
 * SQLite and on PostgreSQL, through `PlannerService.planEngagements` end to end: loading the
 * planning contexts, placing every occurrence, diffing against what is stored and writing it.
 *
 * Figures: touchpoints per second, peak RSS, how the time grows from 1,000 to 10,000
 * engagements, and a baseline measured in the same run on the same database: a plain bulk
 * insert of exactly the rows the planner wrote into the emptied touchpoint table (same
 * driver, same indexes, one transaction, the same multi-row INSERT helper). The planner/insert
 * ratio is insert time ÷ planner time: 1.0 would mean planning costs nothing beyond storing.
 * Also shown, for the daily `planner.horizon` job: re-planning every engagement one day later.
 *
 * Targets (issue 3): at least 25,000 touchpoints/s on SQLite, a ratio of at least 0.3, and
 * 10× the engagements in at most 11× the time. A benchmark, not a test: it prints its figures
 * and sets a non-zero exit code when a target is missed.
 *
 * Each (database, size) runs in a child process of its own, so that its peak RSS is its own
 * and one run's garbage and JIT state do not flatter the next. Each gets a fresh database.
 * The people and cadences are generated from a fixed seed and written with bulk inserts.
 *
 * The npm script compiles just this file and what it imports with tsc (not the whole project),
 * so a half-finished change elsewhere in the tree cannot stop the benchmark from running.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DateTime, Settings } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarService } from '../src/calendars/calendar.service';
import type { WorkingHours, Weekday } from '../src/calendars/domain/calendar.types';
import { Cadence } from '../src/cadences/cadence.entity';
import { chooseMeetingAnchor } from '../src/cadences/domain/meeting-anchor';
import { profileOf } from '../src/cadences/planning/cadence-plan';
import { PlannerService } from '../src/cadences/planning/planner.service';
import { PlanningContextLoader } from '../src/cadences/planning/planning-context.loader';
import { Touchpoint } from '../src/cadences/touchpoint.entity';
import { ManualClock } from '../src/core/clock/clock';
import { loadConfig } from '../src/core/config/config.loader';
import { DomainEvents } from '../src/core/events/domain-events';
import { SchedulerService } from '../src/core/scheduler/scheduler.service';
import { bulkInsert } from '../src/database/bulk-insert';
import { dataSourceOptions } from '../src/database/data-source';
import { runMigrations } from '../src/database/run-migrations';
import { BlackoutDay } from '../src/engagements/blackout.entity';
import { Engagement } from '../src/engagements/engagement.entity';
import { EngagementContact } from '../src/engagements/engagement-contact.entity';
import { Person, type Role } from '../src/people/person.entity';
import { TimeOff } from '../src/people/time-off.entity';
import { createTestDatabase, type TestDatabaseKind } from '../test/support/test-database';
import { allTargetsMet, formatFigures, thousands, type Figure } from './support/figures';
import { seededRandom } from './support/random';

Settings.throwOnInvalid = true;

const SIZES = [1_000, 10_000] as const;
const DATABASES: readonly TestDatabaseKind[] = ['sqlite', 'postgres'];
const SEED = 20270301;
/** The horizon job's hour on a Monday: US and EU clocks change inside the horizon, Eid al-Adha too. */
const START = '2027-03-01T00:00:00Z';
const TARGET_TOUCHPOINTS_PER_SECOND_SQLITE = 25_000;
const TARGET_INSERT_RATIO = 0.3;
/** SIZES[1] is 10× SIZES[0]: planning it may take at most 11× the time. */
const TARGET_SCALING = 11;
/** One account manager looks after about this many engagements. */
const ENGAGEMENTS_PER_MANAGER = 20;
/** Vendor contacts usually cover a couple of engagements of the same vendor. */
const ENGAGEMENTS_PER_VENDOR_CONTACT = 2;

/** What one child process measured. */
export interface PlannerRun {
  database: TestDatabaseKind;
  engagements: number;
  touchpoints: number;
  planMs: number;
  planCpuMs: number;
  peakRssMb: number;
  insertMs: number;
  /** The next day's re-plan of every engagement, as the daily horizon job does it. */
  nextDayMs: number;
  nextDayWritten: number;
}

interface Place {
  country: string;
  zone: string;
  region: string | null;
}

const CLIENT_PLACES: readonly Place[] = [
  { country: 'US', zone: 'America/New_York', region: null },
  { country: 'US', zone: 'America/New_York', region: null },
  { country: 'US', zone: 'America/Chicago', region: null },
  { country: 'US', zone: 'America/Los_Angeles', region: null },
  { country: 'GB', zone: 'Europe/London', region: null },
  { country: 'AU', zone: 'Australia/Sydney', region: 'NSW' },
];
const VENDOR_PLACES: readonly Place[] = [
  { country: 'PH', zone: 'Asia/Manila', region: null },
  { country: 'PH', zone: 'Asia/Manila', region: null },
  { country: 'IN', zone: 'Asia/Kolkata', region: null },
  { country: 'PL', zone: 'Europe/Warsaw', region: null },
  { country: 'EG', zone: 'Africa/Cairo', region: null },
  { country: 'SA', zone: 'Asia/Riyadh', region: null },
  { country: 'CO', zone: 'America/Bogota', region: null },
];

interface Seed {
  people: Person[];
  timeOff: TimeOff[];
  engagements: Engagement[];
  contacts: EngagementContact[];
  blackouts: BlackoutDay[];
  cadences: Cadence[];
}

/**
 * A realistic book of engagements: clients in the US, GB and AU, vendors in PH, IN, PL, EG,
 * SA and CO (some on night or mid shifts), account managers shared by about twenty
 * engagements, vendor contacts by two, a client contact that is sometimes in a third country,
 * a little time off and a few vendor blackout days. Meeting slots are chosen the way the API
 * chooses them (chooseMeetingAnchor), remembered per combination of calendars.
 */
async function generate(size: number, calendars: CalendarService, now: Date): Promise<Seed> {
  const rand = seededRandom(SEED + size);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const startDate = START.slice(0, 10);
  const seed: Seed = { people: [], timeOff: [], engagements: [], contacts: [], blackouts: [], cadences: [] };

  const person = (role: Role, place: Place, hours?: WorkingHours): Person => {
    const defaults = calendars.defaultsFor(place.country);
    const own = hours ?? defaults.workingHours;
    const p = Object.assign(new Person(), {
      id: randomUUID(),
      name: `${role} ${seed.people.length}`,
      email: `p${seed.people.length}@bench.example`,
      role,
      timeZone: place.zone,
      country: place.country,
      region: place.region,
      workWeek: [...defaults.workWeek],
      workingHoursStart: own.start,
      workingHoursEnd: own.end,
      locale: 'en',
      slackUserId: null,
      createdAt: now,
      updatedAt: now,
    });
    seed.people.push(p);
    // Some people are away for a week somewhere in the horizon.
    if (rand() < 0.08) {
      const first = DateTime.fromISO(startDate).plus({ days: Math.floor(rand() * 70) });
      seed.timeOff.push(
        Object.assign(new TimeOff(), {
          id: randomUUID(),
          personId: p.id,
          startDate: first.toISODate(),
          endDate: first.plus({ days: 6 }).toISODate(),
          backupPersonId: null,
          note: null,
          createdAt: now,
        }),
      );
    }
    return p;
  };

  const managers = Array.from({ length: Math.max(1, Math.round(size / ENGAGEMENTS_PER_MANAGER)) }, () =>
    person('account_manager', pick(CLIENT_PLACES)),
  );
  const executives = Array.from({ length: Math.max(1, Math.round(size / 100)) }, () =>
    person('executive', pick(CLIENT_PLACES)),
  );
  const vendorContacts = Array.from(
    { length: Math.max(1, Math.round(size / ENGAGEMENTS_PER_VENDOR_CONTACT)) },
    () => {
      const place = pick(VENDOR_PLACES);
      // Vendors serving US clients often work nights (Manila) or a late shift (India).
      let hours: WorkingHours | undefined;
      if (place.country === 'PH' && rand() < 0.5) hours = { start: '21:00', end: '06:00' };
      else if (place.country === 'IN' && rand() < 0.3) hours = { start: '13:00', end: '22:00' };
      return person('vendor_contact', place, hours);
    },
  );

  const anchors = new Map<string, { weekday: Weekday; time: string }>();
  const holidays = await calendars.holidays();
  for (let i = 0; i < size; i++) {
    const manager = pick(managers);
    const vendor = pick(vendorContacts);
    const managerPlace = CLIENT_PLACES.find((p) => p.zone === manager.timeZone) ?? CLIENT_PLACES[0];
    const client = person('client_contact', rand() < 0.7 ? managerPlace : pick(CLIENT_PLACES));
    const engagement = Object.assign(new Engagement(), {
      id: randomUUID(),
      name: `Engagement ${i}`,
      clientName: `Client ${i % 500}`,
      vendorName: `Vendor ${vendor.country} ${i % 50}`,
      accountManagerId: manager.id,
      executiveId: pick(executives).id,
      kpis: [],
      playbook: 'default',
      playbookOverride: null,
      createdAt: now,
      updatedAt: now,
    });
    seed.engagements.push(engagement);
    seed.contacts.push(
      Object.assign(new EngagementContact(), {
        engagementId: engagement.id,
        kind: 'vendor_contact',
        personId: vendor.id,
        position: 0,
      }),
      Object.assign(new EngagementContact(), {
        engagementId: engagement.id,
        kind: 'client_contact',
        personId: client.id,
        position: 0,
      }),
    );
    if (rand() < 0.05) {
      seed.blackouts.push(
        Object.assign(new BlackoutDay(), {
          id: randomUUID(),
          engagementId: engagement.id,
          date: DateTime.fromISO(startDate)
            .plus({ days: Math.floor(rand() * 84) })
            .toISODate(),
          side: 'vendor',
          name: 'Site shutdown',
          createdAt: now,
        }),
      );
    }

    const participants = [manager, vendor, client];
    const durationMinutes = pick([30, 45, 45, 60]);
    const preferredWeekdays: Weekday[] = ['tue', 'wed', 'thu'];
    const key = [
      durationMinutes,
      ...participants.map((p) => `${p.timeZone}/${p.country}/${p.workWeek.join()}/${p.workingHoursStart}`),
    ].join('|');
    let anchor = anchors.get(key);
    if (anchor === undefined) {
      anchor = chooseMeetingAnchor({
        durationMinutes,
        preferredWeekdays,
        startsOn: startDate,
        participants: participants.map((p) =>
          calendars.calendarFor(profileOf(p, { timeOff: new Map() }), holidays, []),
        ),
        organizerId: manager.id,
      }).anchor;
      anchors.set(key, anchor);
    }
    const sundayToThursday = vendor.workWeek[0] === 'sun';
    seed.cadences.push(
      Object.assign(new Cadence(), {
        id: randomUUID(),
        engagementId: engagement.id,
        kind: 'meeting',
        title: 'Weekly sync',
        frequency: 'weekly',
        holidayPolicy: rand() < 0.9 ? 'shift' : 'skip',
        startsOn: startDate,
        durationMinutes,
        participantIds: participants.map((p) => p.id),
        organizerId: manager.id,
        preferredWeekdays,
        weekday: anchor.weekday,
        time: anchor.time,
        active: true,
        createdAt: now,
        updatedAt: now,
      }),
      Object.assign(new Cadence(), {
        id: randomUUID(),
        engagementId: engagement.id,
        kind: 'status_report',
        title: 'Weekly status report',
        frequency: 'weekly',
        holidayPolicy: rand() < 0.9 ? 'shift' : 'skip',
        startsOn: startDate,
        durationMinutes: null,
        participantIds: [],
        organizerId: null,
        preferredWeekdays: [],
        weekday: sundayToThursday ? 'thu' : 'fri',
        time: pick(['12:00', '15:00', '17:00']),
        active: true,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
  return seed;
}

async function store(manager: EntityManager, seed: Seed): Promise<void> {
  await bulkInsert(manager, Person, seed.people);
  await bulkInsert(manager, TimeOff, seed.timeOff);
  await bulkInsert(manager, Engagement, seed.engagements);
  await bulkInsert(manager, EngagementContact, seed.contacts);
  await bulkInsert(manager, BlackoutDay, seed.blackouts);
  await bulkInsert(manager, Cadence, seed.cadences);
}

/**
 * One (database, size) measurement on a fresh database. `runPlannerBench` runs each in a child
 * process of its own; exported for profiling one case (`node --cpu-prof`).
 */
export async function measurePlannerRun(kind: TestDatabaseKind, size: number): Promise<PlannerRun> {
  const database = await createTestDatabase(kind);
  const config = loadConfig({
    cwd: process.cwd(),
    env: {
      CADENCE_DATA_DIR: database.dataDir,
      DATABASE_URL: database.url,
      CADENCE_CLOCK: 'manual',
      CADENCE_CLOCK_START: START,
      CADENCE_API_TOKEN: 'bench-token-0123456789abcdef',
      LOG_LEVEL: 'error',
    },
  });
  const dataSource = new DataSource(dataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const clock = new ManualClock(DateTime.fromISO(START));
    const calendars = new CalendarService(config, dataSource, clock, new DomainEvents());
    const planner = new PlannerService(
      dataSource,
      new PlanningContextLoader(dataSource),
      calendars,
      clock,
      config,
      new SchedulerService(clock, config),
      null,
    );
    const seed = await generate(size, calendars, clock.now().toJSDate());
    await dataSource.transaction((manager) => store(manager, seed));
    const ids = seed.engagements.map((e) => e.id);
    if (kind === 'postgres') await dataSource.query('ANALYZE');

    const cpuStart = process.cpuUsage();
    const planStart = performance.now();
    const summary = await planner.planEngagements(ids);
    const planMs = performance.now() - planStart;
    const cpu = process.cpuUsage(cpuStart);
    // maxRSS is in kilobytes; read before the baseline loads every row back.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    // Baseline: the very rows the planner wrote, into the emptied table in one transaction.
    const rows = await dataSource.getRepository(Touchpoint).find();
    if (rows.length !== summary.inserted) {
      throw new Error(`the planner reported ${summary.inserted} inserts but stored ${rows.length} rows`);
    }
    await dataSource.query(kind === 'postgres' ? 'TRUNCATE touchpoint CASCADE' : 'DELETE FROM touchpoint');
    const insertStart = performance.now();
    await dataSource.transaction((manager) => bulkInsert(manager, Touchpoint, rows));
    const insertMs = performance.now() - insertStart;

    // The daily horizon job: the next day, every engagement again. In between, the request
    // job has sent every report request that fell due (it runs every few seconds); a request
    // still unsent would be re-timed by the re-plan, which no running Cadence would see.
    clock.set(clock.now().plus({ days: 1 }));
    await dataSource.query(
      kind === 'postgres'
        ? 'UPDATE touchpoint SET request_queued_at = request_at WHERE request_queued_at IS NULL AND request_at <= $1'
        : 'UPDATE touchpoint SET request_queued_at = request_at WHERE request_queued_at IS NULL AND request_at <= ?',
      [clock.now().toJSDate().toISOString()],
    );
    const nextDayStart = performance.now();
    const nextDay = await planner.planEngagements(ids);
    const nextDayMs = performance.now() - nextDayStart;

    return {
      database: kind,
      engagements: size,
      touchpoints: summary.inserted,
      planMs,
      planCpuMs: (cpu.user + cpu.system) / 1000,
      peakRssMb,
      insertMs,
      nextDayMs,
      nextDayWritten: nextDay.inserted + nextDay.updated,
    };
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

/** Runs one measurement in a fresh Node process and reads its JSON answer. */
function measureInChild(kind: TestDatabaseKind, size: number): Promise<PlannerRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [__filename, '--measure', kind, String(size)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        fail(new Error(`planner bench child (${kind}, ${size}) exited with ${code}: ${out}`));
        return;
      }
      done(JSON.parse(last) as PlannerRun);
    });
  });
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (count: number, ms: number): number => count / (ms / 1000);

/** Turns the runs of one database into table rows. */
function figuresFor(runs: readonly PlannerRun[]): Figure[] {
  const figures: Figure[] = [];
  const sqlite = runs[0]?.database === 'sqlite';
  for (const run of runs) {
    const db = `${run.database} ${thousands(run.engagements)}`;
    const rate = perSecond(run.touchpoints, run.planMs);
    const ratio = run.insertMs / run.planMs;
    figures.push(
      {
        figure: `${db}: plan ${thousands(run.touchpoints)} touchpoints`,
        value: `${seconds(run.planMs)} (CPU ${seconds(run.planCpuMs)})`,
        target: '',
        ok: null,
      },
      {
        figure: `${db}: touchpoints/s`,
        value: thousands(rate),
        target: sqlite ? `≥ ${thousands(TARGET_TOUCHPOINTS_PER_SECOND_SQLITE)}` : '',
        ok: sqlite ? rate >= TARGET_TOUCHPOINTS_PER_SECOND_SQLITE : null,
      },
      {
        figure: `${db}: plain bulk insert of the same rows`,
        value: seconds(run.insertMs),
        target: '',
        ok: null,
      },
      {
        figure: `${db}: planner/insert ratio (insert ÷ plan)`,
        value: ratio.toFixed(2),
        target: `≥ ${TARGET_INSERT_RATIO}`,
        ok: ratio >= TARGET_INSERT_RATIO,
      },
      { figure: `${db}: peak RSS`, value: `${run.peakRssMb.toFixed(0)} MB`, target: '', ok: null },
      {
        figure: `${db}: next day's horizon re-plan (${thousands(run.nextDayWritten)} written)`,
        value: seconds(run.nextDayMs),
        target: '',
        ok: null,
      },
    );
  }
  const small = runs.find((r) => r.engagements === SIZES[0]);
  const large = runs.find((r) => r.engagements === SIZES[1]);
  if (small && large) {
    const growth = large.planMs / small.planMs;
    figures.push({
      figure: `${small.database}: plan time ${thousands(large.engagements)} ÷ ${thousands(small.engagements)}`,
      value: `${growth.toFixed(2)}×`,
      target: `≤ ${TARGET_SCALING}×`,
      ok: growth <= TARGET_SCALING,
    });
  }
  return figures;
}

/**
 * Runs the planner benchmark (each database and size in its own process) and returns its
 * figures, for `npm run bench:planner` and for a combined benchmark table.
 */
export async function runPlannerBench(
  options: { databases?: readonly TestDatabaseKind[]; sizes?: readonly number[] } = {},
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const kind of options.databases ?? DATABASES) {
    const runs: PlannerRun[] = [];
    for (const size of options.sizes ?? SIZES) runs.push(await measureInChild(kind, size));
    figures.push(...figuresFor(runs));
  }
  return figures;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') {
    const run = await measurePlannerRun(process.argv[3] as TestDatabaseKind, Number(process.argv[4]));
    console.log(JSON.stringify(run));
    return;
  }
  // BENCH_DATABASES=sqlite runs one database only (PostgreSQL must be running otherwise).
  const databases = process.env.BENCH_DATABASES?.split(',') as TestDatabaseKind[] | undefined;
  const figures = await runPlannerBench(databases ? { databases } : {});
  console.log(
    `planner: 12-week horizon, weekly meeting (3 participants, 2–3 countries) + weekly report per engagement; ` +
      `seed ${SEED}, Node ${process.version}`,
  );
  console.log(formatFigures(figures));
  if (!allTargetsMet(figures)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
