import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { CadenceClient, type HealthView, type MessageView } from '../../bench/simulation/cadence-client';
import { type RunningCadence, startCadence } from '../../bench/simulation/in-process-app';
import type { EngagementRun } from '../../bench/simulation/run.types';
import { createCadences, person } from '../../bench/simulation/scenario-setup';
import { type CastEngagement, clockStartOf, playScenario } from '../../bench/simulation/simulation-runner';
import { SlackDesk } from '../../bench/simulation/slack-desk';
import { type EngagementVerdict, judgeEngagement } from '../../bench/simulation/warning-metrics';
import type { ResolvedApiToken } from '../../src/core/auth/api-token';
import {
  ACCOUNT_MANAGERS,
  DEMO_WEEKS,
  type DemoEngagement,
  type DemoPerson,
  demoPortfolio,
  demoScenario,
  EXECUTIVE,
  type Story,
} from './portfolio';

/** The demo's own SQLite file in the data folder, beside (never instead of) `npm start`'s. */
export const DEMO_DATABASE = 'demo.sqlite';
/** The latest digest, written out as a page to open in a browser. */
export const LATEST_DIGEST = 'latest-digest.html';

/**
 * The settings of the operator's environment the demo honours: where it
 * listens and what links say, the API token, the sender and the config
 * folder. The database, clock, mail transport and Slack are the demo's own.
 */
const PASSED_THROUGH = ['PORT', 'HOST', 'PUBLIC_URL', 'CADENCE_API_TOKEN', 'MAIL_FROM', 'CADENCE_CONFIG_DIR'];

export interface DemoProgress {
  /** 0 to 1, over the simulated time. */
  fraction: number;
  week: number;
  weeks: number;
  /** Cadence's clock, ISO. */
  now: string;
  stage: 'setting up' | 'simulating' | 'summing up';
}

export interface DemoOptions {
  /** The data folder: its outbox and the demo database are reset. */
  dataDir: string;
  weeks?: number;
  /** The operator's environment (process.env); only the settings in PASSED_THROUGH are read. */
  env?: Record<string, string | undefined>;
  logLevel?: string;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoEngagementResult {
  name: string;
  vendorName: string;
  vendorCity: string;
  story: Story;
  accountManager: string;
  health: HealthView;
  verdict: EngagementVerdict;
  run: EngagementRun;
}

export interface DemoResult {
  weeks: number;
  firstMonday: string;
  /** Cadence's clock when the demo ends. */
  now: string;
  engagements: DemoEngagementResult[];
  executive: { id: string; name: string; timeZone: string };
  /** The executive's digests, in the order they went out. */
  digests: MessageView[];
  messages: MessageView[];
  /** DMs the Slack stand-in received. */
  slackDms: number;
  outboxDir: string;
  /** Messages from an earlier run removed from the outbox. */
  clearedMessages: number;
  latestDigestFile: string;
  reportForm: { url: string; vendor: string; dueAt: string; timeZone: string };
  databaseFile: string;
  baseUrl: string;
  token: ResolvedApiToken;
  failedJobs: Record<string, string>;
}

export interface DemoRun {
  result: DemoResult;
  /** Stops Cadence and the Slack stand-in. */
  close(): Promise<void>;
}

/**
 * Creates (or resets) the demo database and plays the demo portfolio through
 * Cadence's public API on its manual clock: people, engagements, KPIs and
 * cadences are created over HTTP, then the simulator plays the weeks (reports,
 * meetings marked held, asks answered, Slack nudges clicked), and finally the
 * clock moves to the executive's Monday morning after the last week so its
 * digest goes out. Cadence keeps running until `close()`.
 */
export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const weeks = options.weeks ?? DEMO_WEEKS;
  const scenario = demoScenario(weeks);
  const portfolio = demoPortfolio(weeks);
  const clockStart = clockStartOf(scenario);
  const firstMonday = DateTime.fromISO(scenario.start, { zone: 'utc' });
  const finish = DateTime.fromISO(firstMonday.plus({ weeks }).toISODate(), {
    zone: EXECUTIVE.place.timeZone,
  }).set({ hour: 9 });
  const report = (stage: DemoProgress['stage'], at: number): void => {
    const span = finish.toMillis() - clockStart.toMillis();
    options.onProgress?.({
      fraction: Math.min(1, Math.max(0, (at - clockStart.toMillis()) / span)),
      week: Math.min(weeks, Math.max(1, Math.floor((at - firstMonday.toMillis()) / WEEK_MS) + 1)),
      weeks,
      now: new Date(at).toISOString(),
      stage,
    });
  };

  mkdirSync(options.dataDir, { recursive: true });
  const outboxDir = join(options.dataDir, 'outbox');
  const clearedMessages = resetDemoData(options.dataDir, outboxDir);
  const databaseFile = join(options.dataDir, DEMO_DATABASE);
  const passed = Object.fromEntries(
    PASSED_THROUGH.flatMap((name) => {
      const value = options.env?.[name];
      return value === undefined || value === '' ? [] : [[name, value]];
    }),
  );

  report('setting up', clockStart.toMillis());
  const desk = await SlackDesk.start();
  let cadence: RunningCadence;
  try {
    cadence = await startCadence({
      clockStart: clockStart.toISO(),
      dataDir: options.dataDir,
      logLevel: options.logLevel ?? 'warn',
      env: { ...passed, DATABASE_URL: databaseFile, ...desk.env },
    });
  } catch (error) {
    await desk.close();
    throw error;
  }
  const close = async (): Promise<void> => {
    await cadence.close();
    await desk.close();
  };
  try {
    const client = new CadenceClient(cadence.url, cadence.token);
    const { executiveId, cast } = await setUpPortfolio(client, portfolio, scenario.start);
    const played = await playScenario({ client, desk, url: cadence.url }, scenario, cast, {
      weeks,
      onClock: (at) => report('simulating', at),
    });
    const end = Math.max(played.endsAt, finish.toMillis());
    const last = await client.moveClock(new Date(end).toISOString());
    report('summing up', end);

    const engagements = await Promise.all(
      portfolio.map(async (demo, i): Promise<DemoEngagementResult> => {
        const run = played.engagements[i];
        const health = await client.health(run.engagementId);
        return {
          name: `${demo.script.clientName} × ${demo.script.vendorName}`,
          vendorName: demo.script.vendorName,
          vendorCity: demo.script.vendor.city,
          story: demo.story,
          accountManager: ACCOUNT_MANAGERS[demo.manager].name,
          health,
          verdict: judgeEngagement(run, scenario.name),
          run,
        };
      }),
    );
    const messages = await client.messages();
    const digests = messages.filter((m) => m.purpose === 'digest' && m.recipientPersonId === executiveId);
    const latestDigestFile = join(options.dataDir, LATEST_DIGEST);
    writeFileSync(latestDigestFile, await client.latestDigest(executiveId));
    const slipping = portfolio.findIndex((e) => e.story === 'slowly slipping');
    const reportForm = await nextReportForm(client, portfolio[slipping], cast[slipping].engagementId, end);

    const result: DemoResult = {
      weeks,
      firstMonday: scenario.start,
      now: new Date(end).toISOString(),
      engagements,
      executive: { id: executiveId, name: EXECUTIVE.name, timeZone: EXECUTIVE.place.timeZone },
      digests,
      messages,
      slackDms: desk.received,
      outboxDir,
      clearedMessages,
      latestDigestFile,
      reportForm,
      databaseFile,
      baseUrl: cadence.config.server.publicUrl,
      token: cadence.resolvedToken,
      failedJobs: { ...played.failedJobs, ...last.failed },
    };
    return { result, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const WEEK_MS = 7 * 24 * 3600_000;

/**
 * Removes what an earlier demo left: its database (with SQLite's side files)
 * and the .eml files in the outbox, which the demo's messages then fill
 * again. Returns how many messages were removed.
 */
function resetDemoData(dataDir: string, outboxDir: string): number {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(join(dataDir, `${DEMO_DATABASE}${suffix}`), { force: true });
  rmSync(join(dataDir, LATEST_DIGEST), { force: true });
  if (!existsSync(outboxDir)) return 0;
  const old = readdirSync(outboxDir).filter((file) => file.endsWith('.eml'));
  for (const file of old) rmSync(join(outboxDir, file), { force: true });
  return old.length;
}

/**
 * Creates the portfolio through the public API: the two account managers (in
 * Slack) and the executive once, then per engagement its vendor contact, the
 * engagement with its KPIs and its meeting and report cadences.
 */
async function setUpPortfolio(
  client: CadenceClient,
  portfolio: readonly DemoEngagement[],
  startsOn: string,
): Promise<{ executiveId: string; cast: CastEngagement[] }> {
  const create = async (p: DemoPerson, role: 'account_manager' | 'executive'): Promise<string> =>
    (
      await client.createPerson({
        ...person(p.place, role, p.email, p.name),
        ...(p.slackUserId !== null && { slackUserId: p.slackUserId }),
      })
    ).id;
  const managers = {
    newYork: await create(ACCOUNT_MANAGERS.newYork, 'account_manager'),
    austin: await create(ACCOUNT_MANAGERS.austin, 'account_manager'),
  };
  const executiveId = await create(EXECUTIVE, 'executive');
  const cast: CastEngagement[] = [];
  for (const demo of portfolio) {
    const { script } = demo;
    const vendor = await client.createPerson(
      person(script.vendor, 'vendor_contact', demo.vendorContact.email, demo.vendorContact.name),
    );
    const { id } = await client.createEngagement({
      name: `${script.clientName} × ${script.vendorName}`,
      clientName: script.clientName,
      vendorName: script.vendorName,
      accountManagerId: managers[demo.manager],
      executiveId,
      vendorContactIds: [vendor.id],
      kpis: script.kpis,
    });
    await createCadences(client, id, script, startsOn);
    cast.push({ script, engagementId: id, slackUserId: ACCOUNT_MANAGERS[demo.manager].slackUserId });
  }
  return { executiveId, cast };
}

/** A fresh form link for the engagement's next report still to come. */
async function nextReportForm(
  client: CadenceClient,
  demo: DemoEngagement,
  engagementId: string,
  now: number,
): Promise<DemoResult['reportForm']> {
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const upcoming = (await client.touchpoints(engagementId, day(now), day(now + 2 * WEEK_MS)))
    .filter(
      (tp) => tp.kind === 'status_report' && tp.status === 'pending' && Date.parse(tp.scheduledAt) > now,
    )
    .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  if (upcoming.length === 0) throw new Error(`${demo.script.vendorName} has no report to come`);
  const { url } = await client.reportLink(upcoming[0].id);
  return {
    url,
    vendor: `${demo.vendorContact.name}, ${demo.script.vendorName} (${demo.script.vendor.city})`,
    dueAt: upcoming[0].scheduledAt,
    timeZone: demo.script.vendor.timeZone,
  };
}
