import { DateTime } from 'luxon';
import { CadenceClient } from './cadence-client';
import { compareSnapshots, touchpointsOfWeek } from './cadence-reads';
import { conductAt } from './conduct';
import { startCadence } from './in-process-app';
import { EVENT_ORDER, type LiveEngagement, type SimEvent } from './live-engagement';
import { seededRng, seedFrom } from './rng';
import type { EngagementRun, RunOptions, RunTiming, ScenarioRun } from './run.types';
import type { EngagementScript, Scenario } from './scenario.types';
import { setUpEngagement } from './scenario-setup';
import { schedulerJobTimes } from './scheduler-profile';
import { answerBacklog, playEvent, reactToNudges } from './scripted-people';
import { SlackDesk } from './slack-desk';
import { planWeek } from './week-plan';

/**
 * Health is read a minute before each week ends, which is the week's view as
 * its snapshot records it. Read at the very instant the week ends, /health
 * already belongs to the new week: the finished week's snapshot and the
 * unchanged current score then count as two weeks, one without change, which
 * hides a STEADY_DECLINE the stored snapshot has.
 */
const READ_BEFORE_END_MS = 60_000;

/** Where a scenario is played: a running Cadence, a client for its API, and the Slack stand-in it posts to. */
export interface Stage {
  client: CadenceClient;
  desk: SlackDesk;
  /** Cadence's base URL, where Slack clicks are posted. */
  url: string;
}

/** An engagement already created through the API, with its script and its account manager's Slack id. */
export interface CastEngagement {
  script: EngagementScript;
  engagementId: string;
  slackUserId: string;
}

export interface PlayOptions extends RunOptions {
  /** Accumulates the clock and health-read figures; a fresh one unless given. */
  timing?: RunTiming;
  /** Called after every move of Cadence's clock, with the instant reached (progress bars). */
  onClock?: (at: number) => void;
}

export interface PlayedScenario {
  engagements: EngagementRun[];
  /** Scheduler jobs that failed during the run, with their last message. */
  failedJobs: Record<string, string>;
  /** Where Cadence's clock stands at the end: the last zone's end of the last week. */
  endsAt: number;
}

/**
 * Where a scenario's Cadence starts its manual clock: noon UTC on the Saturday
 * before its first Monday, when every zone's Monday 00:00 is still ahead.
 */
export function clockStartOf(scenario: Scenario): DateTime {
  const firstMonday = DateTime.fromISO(scenario.start, { zone: 'utc' });
  if (firstMonday.weekday !== 1)
    throw new Error(`scenario ${scenario.name} must start on a Monday, not ${scenario.start}`);
  return firstMonday.minus({ days: 2 }).plus({ hours: 12 });
}

/**
 * Runs a scenario against the real application: starts Cadence in-process on
 * a manual clock, creates the people, engagements and cadences through the
 * public API, then plays the weeks (`playScenario`).
 */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ScenarioRun> {
  const weeks = options.weeks ?? scenario.weeks;
  const clockStart = clockStartOf(scenario);
  const timing = emptyTiming();

  let t = performance.now();
  const desk = await SlackDesk.start();
  const cadence = await startCadence({
    clockStart: clockStart.toISO(),
    logLevel: options.logLevel,
    env: desk.env,
  });
  timing.startMs = performance.now() - t;
  try {
    const client = new CadenceClient(cadence.url, cadence.token);
    t = performance.now();
    const cast: CastEngagement[] = [];
    for (const [index, script] of scenario.engagements.entries()) {
      const slackUserId = `U0SIM${index + 1}`;
      const engagementId = await setUpEngagement(client, script, scenario.start, slackUserId);
      cast.push({ script, engagementId, slackUserId });
    }
    timing.setupMs = performance.now() - t;
    const played = await playScenario({ client, desk, url: cadence.url }, scenario, cast, {
      ...options,
      timing,
    });
    return { scenario, weeks, engagements: played.engagements, timing, failedJobs: played.failedJobs };
  } finally {
    await cadence.close();
    await desk.close();
  }
}

/**
 * Plays a scenario's weeks on engagements already set up, with Cadence's
 * clock standing at `clockStartOf(scenario)`: week by week it plays the
 * scripted behaviour (reports, meetings marked held, asks answered, Slack
 * nudges acted on) at their instants, moving the clock with POST
 * /api/v1/clock so that detection, follow-ups and weekly snapshots all run
 * through production code. Each engagement's health is read as each of its
 * weeks ends (Monday 00:00 in the account manager's zone, when Cadence takes
 * the weekly snapshot); at the end the stored snapshots are checked against
 * those reads.
 */
export async function playScenario(
  stage: Stage,
  scenario: Scenario,
  cast: readonly CastEngagement[],
  options: PlayOptions = {},
): Promise<PlayedScenario> {
  const { client, desk } = stage;
  const weeks = options.weeks ?? scenario.weeks;
  const firstMonday = DateTime.fromISO(scenario.start, { zone: 'utc' });
  const timing = options.timing ?? emptyTiming();
  const failedJobs: Record<string, string> = {};
  const live: LiveEngagement[] = cast.map(({ script, engagementId, slackUserId }) => {
    const seed =
      (options.reseed ?? 0) === 0 ? script.seed : seedFrom(script.seed, 'reseed', options.reseed ?? 0);
    return {
      script,
      run: { script, engagementId, weeks: [], snapshotMismatches: [] },
      rng: seededRng(seed),
      slackRng: seededRng(seedFrom(seed, 'slack')),
      slackUserId,
      heldMeetings: new Set(),
      openAsks: [],
      asksRng: seededRng(seedFrom(seed, 'asks')),
      zone: script.manager.timeZone,
      lastOpen: [],
      asksSoFar: 0,
      planned: new Set(),
      pendingWeeks: new Map(),
    };
  });

  const t = performance.now();
  const cpuStart = process.cpuUsage();
  let now = clockStartOf(scenario).toMillis();
  let currentWeek = 1;
  const queue: SimEvent[] = [];
  const moveTo = async (target: number): Promise<void> => {
    if (target <= now) return;
    const began = performance.now();
    const summary = await client.moveClock(new Date(target).toISOString());
    timing.clockMs += performance.now() - began;
    timing.clockCalls += 1;
    timing.clockSteps += summary.steps;
    Object.assign(failedJobs, summary.failed);
    now = target;
    options.onClock?.(now);
    queue.push(...(await reactToNudges(client, desk, live, currentWeek, now)));
  };
  const play = async (until: number): Promise<void> => {
    queue.sort(inPlayOrder);
    while (queue.length > 0 && queue[0].at < until) {
      const event = queue.shift()!;
      await moveTo(event.at);
      const follow = await playEvent(client, desk, stage.url, live[event.engagement], event, timing);
      if (follow.length > 0) {
        queue.push(...follow);
        queue.sort(inPlayOrder);
      }
    }
  };

  for (let week = 1; week <= weeks; week += 1) {
    currentWeek = week;
    let earliestEnd = Number.POSITIVE_INFINITY;
    let latestEnd = 0;
    for (const [index, e] of live.entries()) {
      const start = DateTime.fromISO(firstMonday.plus({ weeks: week - 1 }).toISODate(), { zone: e.zone });
      const end = start.plus({ weeks: 1 });
      earliestEnd = Math.min(earliestEnd, end.toMillis());
      latestEnd = Math.max(latestEnd, end.toMillis());
      const conduct = conductAt(e.script.conduct, week);
      const touchpoints = await touchpointsOfWeek(client, e, start.toMillis(), end.toMillis());
      const plan = planWeek(touchpoints, {
        rng: e.rng,
        conduct,
        kpis: e.script.kpis,
        kpiNoise: e.script.kpiNoise,
        engagement: index,
        asksSoFar: e.asksSoFar,
      });
      e.asksSoFar += plan.asksMade;
      for (const action of plan.actions) {
        if (action.kind === 'held') e.heldMeetings.add(action.touchpointId);
      }
      queue.push(...answerBacklog(e, index, conduct, start.toMillis()));
      e.pendingWeeks.set(week, { week, weekStart: start.toISODate(), conduct, outcomes: plan.outcomes });
      queue.push(...plan.actions, {
        kind: 'read',
        at: end.toMillis() - READ_BEFORE_END_MS,
        engagement: index,
        week,
      });
    }
    // Play up to the first week end; later zones' reads wait in the queue, in time order,
    // while the next week is planned before any of its actions can fall due.
    // The last week: play what falls inside it, then let every zone's week end so its snapshot is taken.
    await play(week === weeks ? latestEnd : earliestEnd);
    if (week === weeks) await moveTo(latestEnd);
    options.onWeek?.(week);
    if (week === weeks) queue.length = 0;
  }
  timing.simulateMs = performance.now() - t;
  const cpu = process.cpuUsage(cpuStart);
  timing.simulateCpuMs = (cpu.user + cpu.system) / 1000;
  timing.jobs = schedulerJobTimes(await client.metrics());

  for (const e of live) e.run.snapshotMismatches = await compareSnapshots(client, e.run);
  return { engagements: live.map((e) => e.run), failedJobs, endsAt: now };
}

/** Events by instant; at one instant, by kind (EVENT_ORDER), then by engagement. */
function inPlayOrder(a: SimEvent, b: SimEvent): number {
  return a.at - b.at || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind] || a.engagement - b.engagement;
}

function emptyTiming(): RunTiming {
  return {
    startMs: 0,
    setupMs: 0,
    simulateMs: 0,
    clockMs: 0,
    clockCalls: 0,
    clockSteps: 0,
    healthMs: 0,
    simulateCpuMs: 0,
    jobs: [],
  };
}
