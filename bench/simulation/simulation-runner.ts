import { DateTime } from 'luxon';
import { CadenceClient } from './cadence-client';
import { compareSnapshots, touchpointsOfWeek } from './cadence-reads';
import { conductAt } from './conduct';
import { startCadence } from './in-process-app';
import { EVENT_ORDER, type LiveEngagement, type SimEvent } from './live-engagement';
import { seededRng, seedFrom } from './rng';
import type { RunOptions, RunTiming, ScenarioRun } from './run.types';
import type { Scenario } from './scenario.types';
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

/**
 * Runs a scenario against the real application: starts Cadence in-process on
 * a manual clock, creates the people, engagements and cadences through the
 * public API, then week by week plays the scripted behaviour (reports,
 * meetings marked held, asks answered) at their instants, moving the clock
 * with POST /api/v1/clock so that detection, follow-ups and weekly snapshots
 * all run through production code. Each engagement's health is read as each
 * of its weeks ends (Monday 00:00 in the account manager's zone, when Cadence
 * takes the weekly snapshot).
 */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ScenarioRun> {
  const weeks = options.weeks ?? scenario.weeks;
  const firstMonday = DateTime.fromISO(scenario.start, { zone: 'utc' });
  if (firstMonday.weekday !== 1)
    throw new Error(`scenario ${scenario.name} must start on a Monday, not ${scenario.start}`);
  // Set up on the Saturday before: every zone's Monday 00:00 is still ahead.
  const clockStart = firstMonday.minus({ days: 2 }).plus({ hours: 12 });
  const timing: RunTiming = {
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
  const failedJobs: Record<string, string> = {};

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
    const live: LiveEngagement[] = [];
    for (const [index, script] of scenario.engagements.entries()) {
      const slackUserId = `U0SIM${index + 1}`;
      const seed =
        (options.reseed ?? 0) === 0 ? script.seed : seedFrom(script.seed, 'reseed', options.reseed ?? 0);
      const engagementId = await setUpEngagement(client, script, scenario.start, slackUserId);
      live.push({
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
      });
    }
    timing.setupMs = performance.now() - t;

    t = performance.now();
    const cpuStart = process.cpuUsage();
    let now = clockStart.toMillis();
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
      queue.push(...(await reactToNudges(client, desk, live, currentWeek, now)));
    };
    const play = async (until: number): Promise<void> => {
      queue.sort(
        (a, b) => a.at - b.at || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind] || a.engagement - b.engagement,
      );
      while (queue.length > 0 && queue[0].at < until) {
        const event = queue.shift()!;
        await moveTo(event.at);
        const follow = await playEvent(client, desk, cadence.url, live[event.engagement], event, timing);
        if (follow.length > 0) {
          queue.push(...follow);
          queue.sort(
            (a, b) => a.at - b.at || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind] || a.engagement - b.engagement,
          );
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
    return { scenario, weeks, engagements: live.map((e) => e.run), timing, failedJobs };
  } finally {
    await cadence.close();
    await desk.close();
  }
}
