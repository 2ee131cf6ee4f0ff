/**
 * API benchmark (issue 8): autocannon at 100 connections against Cadence and against a bare
 * `node:http` server answering the same routes with the same queries, on a SQLite database
 * holding 10,000 engagements (people, a weekly meeting and a weekly report each, a touchpoint
 * per cadence and week over 12 weeks, the status reports of the weeks gone by).
 *
 * - Cadence runs in a child process (bench/api/cadence-server.ts, started through createApp
 *   with the production config), once with LOG_LEVEL=info (the default: one log line per
 *   request and one per response) and once with LOG_LEVEL=warn.
 * - The baseline (bench/api/bare-server.ts) is `node:http` over the raw better-sqlite3 driver,
 *   not TypeORM: the same SQL, the same pragmas, the same domain rules and Luxon formatting,
 *   and byte-for-byte the same response bodies (checked before the load starts).
 * - Each server gets its own copy of the seeded file, so writes by one run do not change what
 *   the next one reads; every server sees the same request sequence (fixed seed).
 * - autocannon runs in this process. Servers take turns: a warm-up, then the measured run;
 *   two rounds in full mode, and each figure is the server's better round (the machine is
 *   shared). Requests/s counts 2xx answers only, so a fast error never flatters a server.
 * - Besides requests/s, each server's own CPU time per request: on a shared machine
 *   requests/s also measure how much CPU a server was given, CPU time per request does not.
 *
 * Targets: Cadence ≥ 0.6 × the bare server's requests/s, p99 under 50 ms at 100 connections,
 * Cadence's peak RSS under 400 MB while holding the 10,000 engagements under this load.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { runMigrations } from '../src/database/run-migrations';
import { createTestDatabase } from '../test/support/test-database';
import { info, ms, ratio, target, thousands, type Figure } from './support/figures';
import { seedPortfolio, type Portfolio } from './support/portfolio';
import { pacedLoad } from './support/paced-load';
import { seededRandom } from './support/random';
import { startServer, type ServerProcess } from './support/server-process';

const ENGAGEMENTS = 10_000;
const NOW = '2027-03-17T12:00:00.000Z';
const SEED = 20270317;
const TOKEN = 'bench-api-token-0123456789abcdef';
const CONNECTIONS = 100;
const TARGET_RATIO = 0.6;
const TARGET_P99_MS = 50;
/**
 * The latency target is judged at a steady offered load of this share of the bare server's
 * saturated requests/s (bench/support/paced-load.ts). At saturation a closed loop of 100 connections waits in line by construction
 * (Little's law: mean latency = connections ÷ throughput, 100 ÷ 1,000 req/s = 100 ms), so a
 * p99 under 50 ms there would need over 2,000 req/s from one process on this machine, more than
 * the bare server manages; the saturated p99 is still shown.
 */
const OFFERED_SHARE = 0.5;
const TARGET_RSS_MB = 400;

export interface ApiBenchOptions {
  /** Shorter runs and one round: a smoke test of the figures, not a measurement to quote. */
  quick?: boolean;
  /** Progress lines (stderr). */
  log?: (line: string) => void;
}

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  /** The i-th request of the sequence. */
  request(i: number): { path: string; body?: string };
}

interface Measured {
  rps: number;
  /** Server CPU time (user + system) per 2xx answer, in ms: what a request costs whatever else runs. */
  cpuMs: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const SERVERS = ['bare', 'cadence-info', 'cadence-warn'] as const;
type ServerName = (typeof SERVERS)[number];
const LABEL: Record<ServerName, string> = {
  bare: 'bare node:http + better-sqlite3',
  'cadence-info': 'Cadence, LOG_LEVEL=info',
  'cadence-warn': 'Cadence, LOG_LEVEL=warn',
};

const REPORT_BODY = JSON.stringify({
  status: 'green',
  kpis: { csat: 4.6, aht: 281 },
  highlights: 'Close rate up two points after the new script.',
  blockers: [],
  asks: [],
  nextWeekPlan: 'Roll the new script out to the night shift.',
});

/** Runs the API and memory benchmark and returns its figures. */
export async function runApiBench(options: ApiBenchOptions = {}): Promise<Figure[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const warmUpSeconds = options.quick ? 1 : 2;
  const seconds = options.quick ? 3 : 6;
  const rounds = options.quick ? 1 : 2;

  const database = await createTestDatabase('sqlite');
  const servers = new Map<ServerName, ServerProcess>();
  try {
    const started = performance.now();
    const portfolio = await seed(database.url);
    log(
      `api: seeded ${thousands(ENGAGEMENTS)} engagements, ${thousands(portfolio.touchpoints)} touchpoints, ` +
        `${thousands(portfolio.reports)} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const name of SERVERS) {
      const file = join(database.dataDir, `${name}.sqlite`);
      copyFileSync(database.url, file);
      servers.set(name, await start(name, file, database.dataDir));
    }
    const server = (name: ServerName): ServerProcess => servers.get(name)!;

    const order = seededRandom(SEED);
    const engagements = shuffle(portfolio.engagementIds, order);
    const reports = shuffle(portfolio.openReportTouchpointIds, order);
    const query = `from=${portfolio.from}&to=${portfolio.to}`;
    const endpoints: Endpoint[] = [
      {
        name: 'GET /engagements/:id/touchpoints',
        method: 'GET',
        request: (i) => ({
          path: `/api/v1/engagements/${engagements[i % engagements.length]}/touchpoints?${query}`,
        }),
      },
      {
        name: 'POST /touchpoints/:id/report',
        method: 'POST',
        request: (i) => ({
          path: `/api/v1/touchpoints/${reports[i % reports.length]}/report`,
          body: REPORT_BODY,
        }),
      },
      {
        name: 'GET /engagements/:id/health',
        method: 'GET',
        request: (i) => ({ path: `/api/v1/engagements/${engagements[i % engagements.length]}/health` }),
      },
    ];

    const figures: Figure[] = [];
    figures.push(...(await sameAnswers(server('bare'), server('cadence-info'), engagements, query, reports)));

    for (const endpoint of endpoints) {
      const best = new Map<ServerName, Measured>();
      for (let round = 0; round < rounds; round++) {
        for (const name of SERVERS) {
          await measure(server(name), endpoint, warmUpSeconds);
          const result = await measure(server(name), endpoint, seconds);
          log(
            `api: ${endpoint.name} round ${round + 1} ${LABEL[name]}: ${thousands(result.rps)} req/s, ` +
              `${ms(result.cpuMs)} CPU per request, p99 ${ms(result.p99)}, non-2xx ${result.non2xx}, errors ${result.errors}`,
          );
          const previous = best.get(name);
          best.set(name, previous === undefined ? result : better(previous, result));
        }
      }
      // Latency under a steady load: half of what the bare server managed at saturation, sent
      // open-loop (evenly spaced, whether or not earlier requests were answered) to each server
      // over 100 connections.
      const offered = Math.max(1, Math.round(best.get('bare')!.rps * OFFERED_SHARE));
      const paced = new Map<ServerName, Measured>();
      for (const name of SERVERS) {
        const result = await measurePaced(server(name), endpoint, seconds, offered);
        paced.set(name, result);
        log(
          `api: ${endpoint.name} at ${thousands(offered)} req/s ${LABEL[name]}: p50 ${ms(result.p50)}, ` +
            `p99 ${ms(result.p99)}, ${thousands(result.rps)} req/s answered`,
        );
      }
      // And at half of Cadence's own saturated rate: its latency when it is not overloaded.
      const ownRate = Math.max(1, Math.round(best.get('cadence-info')!.rps * OFFERED_SHARE));
      const own = await measurePaced(server('cadence-info'), endpoint, seconds, ownRate);
      log(
        `api: ${endpoint.name} at ${thousands(ownRate)} req/s ${LABEL['cadence-info']}: p99 ${ms(own.p99)}`,
      );
      figures.push(
        ...endpointFigures(endpoint.name, best, paced, offered),
        info(
          `${endpoint.name}: p99 at ${thousands(ownRate)} req/s (half its own saturated rate), Cadence (info)`,
          `${ms(own.p99)} (p50 ${ms(own.p50)})`,
        ),
      );
    }

    const rss = await server('cadence-info').peakRssMb();
    const rssWarn = await server('cadence-warn').peakRssMb();
    const rssBare = await server('bare').peakRssMb();
    figures.push(
      target(
        `peak RSS, ${LABEL['cadence-info']}, ${thousands(ENGAGEMENTS)} engagements under the load above`,
        `${rss.toFixed(0)} MB`,
        `< ${TARGET_RSS_MB} MB`,
        rss < TARGET_RSS_MB,
      ),
      info(`peak RSS, ${LABEL['cadence-warn']}`, `${rssWarn.toFixed(0)} MB`),
      info(`peak RSS, ${LABEL.bare}`, `${rssBare.toFixed(0)} MB`),
    );
    return figures;
  } finally {
    for (const running of servers.values()) await running.stop();
    await database.drop();
  }
}

async function seed(file: string): Promise<Portfolio> {
  const dataSource = new DataSource(dataSourceOptions({ kind: 'sqlite', path: file }));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const portfolio = await seedPortfolio(dataSource, {
      engagements: ENGAGEMENTS,
      now: DateTime.fromISO(NOW, { zone: 'utc' }),
      weeksBefore: 6,
      weeksAfter: 5,
      seed: SEED,
    });
    // Fold the WAL into the file, so each server's copy is complete.
    await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
    return portfolio;
  } finally {
    await dataSource.destroy();
  }
}

function start(name: ServerName, file: string, dataDir: string): Promise<ServerProcess> {
  const env = { PATH: process.env.PATH, TZ: 'UTC', NODE_ENV: 'production' };
  if (name === 'bare') return startServer(join(__dirname, 'api', 'bare-server.js'), [file, TOKEN, NOW], env);
  return startServer(join(__dirname, 'api', 'cadence-server.js'), [], {
    ...env,
    DATABASE_URL: file,
    CADENCE_DATA_DIR: join(dataDir, name),
    CADENCE_API_TOKEN: TOKEN,
    CADENCE_CLOCK_START: NOW,
    LOG_LEVEL: name === 'cadence-info' ? 'info' : 'warn',
  });
}

/** The server's own CPU time so far (user + system), in ms, as it reports it over IPC. */
async function serverCpuMs(server: ServerProcess): Promise<number> {
  const usage = await server.ask('cpu');
  return (Number(usage.user) + Number(usage.system)) / 1000;
}

/** One autocannon run at 100 connections, as fast as the server answers (a closed loop). */
async function measure(server: ServerProcess, endpoint: Endpoint, seconds: number): Promise<Measured> {
  let i = 0;
  const cpuBefore = await serverCpuMs(server);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: endpoint.method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(endpoint.method === 'POST' && { 'content-type': 'application/json' }),
        },
        setupRequest: (request) => ({ ...request, ...endpoint.request(i++) }),
      },
    ],
  });
  const cpuMs = (await serverCpuMs(server)) - cpuBefore;
  return {
    rps: result['2xx'] / result.duration,
    cpuMs: cpuMs / Math.max(1, result['2xx']),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** An open-loop run: `rate` requests per second, evenly spaced, over 100 keep-alive connections. */
async function measurePaced(
  server: ServerProcess,
  endpoint: Endpoint,
  seconds: number,
  rate: number,
): Promise<Measured> {
  let i = 0;
  const cpuBefore = await serverCpuMs(server);
  const result = await pacedLoad({
    url: server.url,
    connections: CONNECTIONS,
    rate,
    seconds,
    request: () => {
      const { path, body } = endpoint.request(i++);
      return {
        method: endpoint.method,
        path,
        body,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
      };
    },
  });
  const cpuMs = (await serverCpuMs(server)) - cpuBefore;
  return { ...result, cpuMs: cpuMs / Math.max(1, result.rps * seconds) };
}

/** Each figure from the server's better round; failed answers from every round. */
function better(a: Measured, b: Measured): Measured {
  return {
    rps: Math.max(a.rps, b.rps),
    cpuMs: Math.min(a.cpuMs, b.cpuMs),
    p50: Math.min(a.p50, b.p50),
    p99: Math.min(a.p99, b.p99),
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
  };
}

function endpointFigures(
  name: string,
  best: ReadonlyMap<ServerName, Measured>,
  paced: ReadonlyMap<ServerName, Measured>,
  offered: number,
): Figure[] {
  const bare = best.get('bare')!;
  const infoRun = best.get('cadence-info')!;
  const warnRun = best.get('cadence-warn')!;
  const rate = (m: Measured): string => `${thousands(m.rps)} (${ms(m.cpuMs)})`;
  const figures: Figure[] = [
    info(`${name}: ${LABEL.bare}, req/s (CPU per request)`, rate(bare)),
    info(`${name}: ${LABEL['cadence-info']}, req/s (CPU per request)`, rate(infoRun)),
    info(`${name}: ${LABEL['cadence-warn']}, req/s (CPU per request)`, rate(warnRun)),
  ];
  for (const [label, run] of [
    ['info', infoRun],
    ['warn', warnRun],
  ] as const) {
    figures.push(
      target(
        `${name}: Cadence (${label}) / bare, requests per second`,
        ratio(run.rps / bare.rps),
        `≥ ${TARGET_RATIO}`,
        run.rps / bare.rps >= TARGET_RATIO,
      ),
      // The same ratio from the servers' own CPU time: on a shared machine requests/s also
      // measure how much CPU each server was given; CPU per request does not.
      target(
        `${name}: Cadence (${label}) / bare, requests per CPU-second`,
        ratio(bare.cpuMs / run.cpuMs),
        `≥ ${TARGET_RATIO}`,
        bare.cpuMs / run.cpuMs >= TARGET_RATIO,
      ),
    );
  }
  const pacedInfo = paced.get('cadence-info')!;
  figures.push(
    target(
      `${name}: p99 at ${CONNECTIONS} connections offered ${thousands(offered)} req/s, Cadence (info)`,
      `${ms(pacedInfo.p99)} (p50 ${ms(pacedInfo.p50)})`,
      `< ${TARGET_P99_MS} ms`,
      pacedInfo.p99 < TARGET_P99_MS && pacedInfo.rps >= offered * 0.9,
    ),
    info(
      `${name}: p99 at ${thousands(offered)} req/s, Cadence (warn) / bare`,
      `${ms(paced.get('cadence-warn')!.p99)} / ${ms(paced.get('bare')!.p99)}`,
    ),
    info(
      `${name}: p99 at saturation, Cadence (info) / (warn) / bare`,
      `${ms(infoRun.p99)} / ${ms(warnRun.p99)} / ${ms(bare.p99)} (p50 ${ms(infoRun.p50)} / ${ms(warnRun.p50)} / ${ms(bare.p50)})`,
    ),
  );
  const failures = [...best.entries(), ...paced.entries()].filter(([, m]) => m.non2xx + m.errors > 0);
  figures.push(
    target(
      `${name}: non-2xx answers and socket errors`,
      failures.length === 0
        ? '0'
        : failures.map(([server, m]) => `${server}: ${m.non2xx} non-2xx, ${m.errors} errors`).join('; '),
      '0',
      failures.length === 0,
    ),
  );
  return figures;
}

/**
 * The comparison is only fair if both servers give the same answer: the listing and the health
 * view must be byte-for-byte the same, and a submitted report the same apart from its new
 * blockers' ids.
 */
async function sameAnswers(
  bare: ServerProcess,
  cadence: ServerProcess,
  engagements: readonly string[],
  query: string,
  reports: readonly string[],
): Promise<Figure[]> {
  const mismatches: string[] = [];
  for (const id of engagements.slice(0, 5)) {
    const path = `/api/v1/engagements/${id}/touchpoints?${query}`;
    const [a, b] = await Promise.all([call(bare.url, 'GET', path), call(cadence.url, 'GET', path)]);
    if (a.status !== 200 || b.status !== 200 || a.body !== b.body) mismatches.push(`GET ${path}`);
  }
  for (const id of engagements.slice(0, 5)) {
    const path = `/api/v1/engagements/${id}/health`;
    const [a, b] = await Promise.all([call(bare.url, 'GET', path), call(cadence.url, 'GET', path)]);
    if (a.status !== 200 || b.status !== 200 || a.body !== b.body) {
      mismatches.push(
        `GET ${path} (${a.status}: ${a.body.slice(0, 200)} / ${b.status}: ${b.body.slice(0, 200)})`,
      );
    }
  }
  // The last ids of the sequence: the load reaches them last, when their first report is in anyway.
  for (const id of reports.slice(-3)) {
    const path = `/api/v1/touchpoints/${id}/report`;
    const [a, b] = await Promise.all([
      call(bare.url, 'POST', path, REPORT_BODY),
      call(cadence.url, 'POST', path, REPORT_BODY),
    ]);
    if (a.status !== 200 || b.status !== 200 || withoutIds(a.body) !== withoutIds(b.body)) {
      mismatches.push(
        `POST ${path} (${a.status}: ${a.body.slice(0, 200)} / ${b.status}: ${b.body.slice(0, 200)})`,
      );
    }
  }
  for (const m of mismatches) process.stderr.write(`api: bare and Cadence answer differently: ${m}\n`);
  return [
    target(
      'bare server answers as Cadence does (5 listings, 5 health views, 3 reports)',
      mismatches.length === 0 ? 'same' : `${mismatches.length} differ`,
      'same',
      mismatches.length === 0,
    ),
  ];
}

function withoutIds(body: string): string {
  return body.replace(/"id":"[0-9a-f-]{36}"/g, '"id":"…"');
}

async function call(
  url: string,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
