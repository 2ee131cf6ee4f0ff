import { NUDGE_ACTION_IDS } from '../../src/notifications/slack/nudge.blocks';
import { ApiRefused, type CadenceClient } from './cadence-client';
import { conductAt } from './conduct';
import type { LiveEngagement, SimEvent } from './live-engagement';
import type { RunTiming } from './run.types';
import type { Conduct } from './scenario.types';
import type { SlackDesk } from './slack-desk';
import { type Action, blockerEntries } from './week-plan';

/**
 * Asks left unanswered are not forgotten for ever: each week the account
 * manager answers each one with half the week's usual chance of answering an
 * ask, so a backlog built up during a strain is worked off once things recover.
 */
export function answerBacklog(
  e: LiveEngagement,
  engagement: number,
  conduct: Conduct,
  weekStart: number,
): Action[] {
  const answered: Action[] = [];
  e.openAsks = e.openAsks.filter((ask) => {
    const answers = e.asksRng.chance(conduct.askAnswered / 2);
    const day = e.asksRng.between(1, 5);
    if (answers)
      answered.push({ kind: 'answer', at: weekStart + Math.round(day * 24) * 3600_000, engagement, ...ask });
    return !answers;
  });
  return answered;
}

/**
 * The account managers read the Slack DMs Cadence sent since the last look
 * and decide, with their own random stream and the week's conduct, whether
 * and when to click: Mark held for a meeting that did take place, Acknowledge
 * otherwise. The click is timed from when the DM went out on Cadence's clock.
 */
export async function reactToNudges(
  client: CadenceClient,
  desk: SlackDesk,
  live: readonly LiveEngagement[],
  week: number,
  now: number,
): Promise<SimEvent[]> {
  const events: SimEvent[] = [];
  for (const dm of desk.takeNew()) {
    const { messageId, touchpointId } = dm;
    if (messageId === null || touchpointId === null) continue;
    // One account manager may run several engagements: the nudge's touchpoint says which.
    const index = live.findIndex((e) => e.slackUserId === dm.slackUserId && e.planned.has(touchpointId));
    if (index === -1) continue;
    const e = live[index];
    const conduct = conductAt(e.script.conduct, week);
    const acts = e.slackRng.chance(conduct.nudgeActed);
    const hours = e.slackRng.between(conduct.nudgeActHours[0], conduct.nudgeActHours[1]);
    if (!acts) continue;
    const sent = (await client.slackMessages(e.run.engagementId, touchpointId)).find(
      (m) => m.id === messageId,
    );
    const sentAt = sent?.sentAt ? Date.parse(sent.sentAt) : now;
    events.push({
      kind: 'slack',
      at: Math.max(now, sentAt + Math.round(hours * 60) * 60_000),
      engagement: index,
      dm,
      button: e.heldMeetings.has(touchpointId) ? NUDGE_ACTION_IDS.markHeld : NUDGE_ACTION_IDS.acknowledge,
    });
  }
  return events;
}

/**
 * Plays one event at its instant and returns the events it leads to (the
 * account manager's answers to a report's asks). A meeting the planner moved
 * later after the week was planned answers 409 MEETING_NOT_STARTED: it is
 * retried after its new end.
 */
export async function playEvent(
  client: CadenceClient,
  desk: SlackDesk,
  cadenceUrl: string,
  e: LiveEngagement,
  event: SimEvent,
  timing: RunTiming,
): Promise<SimEvent[]> {
  switch (event.kind) {
    case 'slack':
      await desk.click(cadenceUrl, e.slackUserId, event.button, event.dm);
      return [];
    case 'read': {
      const began = performance.now();
      const drawn = e.pendingWeeks.get(event.week)!;
      e.pendingWeeks.delete(event.week);
      e.run.weeks.push({ ...drawn, health: await client.health(e.run.engagementId) });
      timing.healthMs += performance.now() - began;
      return [];
    }
    case 'report': {
      const { report } = event;
      const view = await client.submitReport(event.touchpointId, {
        status: report.colour,
        kpis: report.kpis,
        highlights: report.colour === 'green' ? 'Targets on track.' : 'Working through the issues below.',
        blockers: blockerEntries(e.lastOpen, report.openBlockers),
        asks: report.asks,
        nextWeekPlan: 'Keep the new script on all shifts.',
      });
      e.lastOpen = view.blockers.filter((b) => b.status === 'open').map((b) => ({ id: b.id, text: b.text }));
      report.answerAfterHours.forEach((hours, index) => {
        if (hours === null) e.openAsks.push({ touchpointId: event.touchpointId, index });
      });
      return report.answerAfterHours.flatMap((hours, index) =>
        hours === null
          ? []
          : [
              {
                kind: 'answer' as const,
                at: event.at + Math.round(hours) * 3600_000,
                engagement: event.engagement,
                touchpointId: event.touchpointId,
                index,
              },
            ],
      );
    }
    case 'answer':
      await client.answerAsk(event.touchpointId, event.index);
      return [];
    case 'held':
      try {
        await client.markHeld(event.touchpointId, 'Weekly sync held.');
        return [];
      } catch (error) {
        if (!(error instanceof ApiRefused) || !error.body.includes('MEETING_NOT_STARTED')) throw error;
        const moved = await client.touchpoint(event.touchpointId);
        return [{ ...event, at: Date.parse(moved.endsAt ?? moved.scheduledAt) + 30 * 60_000 }];
      }
  }
}
