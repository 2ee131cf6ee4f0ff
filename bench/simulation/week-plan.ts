import type { KpiBody, ReportBlockerBody, TouchpointView } from './cadence-client';
import type { Rng } from './rng';
import type { Conduct } from './scenario.types';

/** Actions land on this grid, so several engagements share one clock move. */
export const ACTION_GRID_MS = 30 * 60 * 1000;

export type Colour = 'green' | 'amber' | 'red';

/** A report as drawn when the week is planned; blocker ids are resolved when it is sent. */
export interface DrawnReport {
  colour: Colour;
  kpis: Record<string, number>;
  /** Texts that should be open after this report: stuck blockers plus, maybe, a passing one. */
  openBlockers: string[];
  asks: string[];
  /** Per ask: hours after the report is sent at which the account manager answers it, or null (never). */
  answerAfterHours: (number | null)[];
}

export type Action =
  | { kind: 'report'; at: number; engagement: number; touchpointId: string; report: DrawnReport }
  | { kind: 'held'; at: number; engagement: number; touchpointId: string }
  | { kind: 'answer'; at: number; engagement: number; touchpointId: string; index: number };

/** What the script did with one touchpoint, for the weekly table. */
export type Outcome =
  | { kind: 'report'; result: 'on_time' | 'missing'; movedFor: string | null }
  | { kind: 'report'; result: 'late'; hours: number; movedFor: string | null }
  | { kind: 'meeting'; result: 'held' | 'missed' | 'held_recorded_late'; movedFor: string | null }
  | { kind: 'skipped'; touchpoint: 'meeting' | 'status_report'; reason: string };

const STUCK_BLOCKERS = [
  'CRM access for the new agents',
  'Dialer licences not renewed',
  'Lead lists arrive without phone numbers',
  'QA scorecard not agreed with the client',
];
const PASSING_BLOCKERS = [
  'Two agents out sick this week',
  'Power cut on Tuesday afternoon',
  'VPN outage for half a day',
  'Late lead file on Monday',
  'Training room double-booked',
];
const ASKS = [
  'Approve the revised call script',
  'Share next month’s lead volumes',
  'Confirm the holiday staffing plan',
  'Give two more agents CRM seats',
  'Agree the new QA scorecard',
  'Send the updated product FAQ',
];

export interface PlanContext {
  rng: Rng;
  conduct: Conduct;
  kpis: readonly KpiBody[];
  kpiNoise: number;
  engagement: number;
  /** How many asks this engagement has made so far (asks are numbered so each is new). */
  asksSoFar: number;
}

export interface WeekPlan {
  actions: Action[];
  outcomes: Outcome[];
  asksMade: number;
}

/**
 * Draws what the vendor and the account manager do with this week's
 * touchpoints: when each report is sent (or not) and what it says, which
 * meetings are held and when they are marked. Draws are made in touchpoint
 * order with the engagement's own random source, so they do not depend on
 * other engagements or on the ids Cadence hands out.
 */
export function planWeek(touchpoints: readonly TouchpointView[], ctx: PlanContext): WeekPlan {
  const { rng, conduct } = ctx;
  const actions: Action[] = [];
  const outcomes: Outcome[] = [];
  let asksMade = 0;
  for (const tp of touchpoints) {
    if (tp.status === 'skipped' || tp.adjustment?.type === 'skipped') {
      outcomes.push({ kind: 'skipped', touchpoint: tp.kind, reason: tp.adjustment?.reason ?? 'skipped' });
      continue;
    }
    const at = Date.parse(tp.scheduledAt);
    // Shifted off a holiday by the planner: the vendor simply meets the new date.
    const movedFor = tp.adjustment?.type === 'shifted' ? tp.adjustment.reason : null;
    if (tp.kind === 'status_report') {
      // Draw everything every time, sent or not, so one outcome does not shift the rest of the stream.
      const onTime = rng.chance(conduct.reportOnTime);
      const missing = rng.chance(conduct.reportMissingShare);
      const lateHours = rng.between(conduct.lateHours[0], conduct.lateHours[1]);
      const early = rng.between(0.5, 8);
      const report = drawReport(ctx, ctx.asksSoFar + asksMade);
      asksMade += report.asks.length;
      if (onTime) {
        actions.push({
          kind: 'report',
          at: floorToGrid(at - early * 3600_000),
          engagement: ctx.engagement,
          touchpointId: tp.id,
          report,
        });
        outcomes.push({ kind: 'report', result: 'on_time', movedFor });
      } else if (missing) {
        outcomes.push({ kind: 'report', result: 'missing', movedFor });
      } else {
        const hours = Math.max(2, Math.round(lateHours));
        actions.push({
          kind: 'report',
          at: floorToGrid(at + hours * 3600_000),
          engagement: ctx.engagement,
          touchpointId: tp.id,
          report,
        });
        outcomes.push({ kind: 'report', result: 'late', hours, movedFor });
      }
    } else {
      const held = rng.chance(conduct.meetingHeld);
      const recordedLate = rng.chance(conduct.heldRecordedLate);
      const end = tp.endsAt === null ? at : Date.parse(tp.endsAt);
      const markMinutes = recordedLate ? rng.between(20 * 60, 30 * 60) : rng.between(5, 90);
      if (held) {
        actions.push({
          kind: 'held',
          at: Math.max(at, floorToGrid(end + markMinutes * 60_000)),
          engagement: ctx.engagement,
          touchpointId: tp.id,
        });
        outcomes.push({ kind: 'meeting', result: recordedLate ? 'held_recorded_late' : 'held', movedFor });
      } else {
        outcomes.push({ kind: 'meeting', result: 'missed', movedFor });
      }
    }
  }
  return { actions, outcomes, asksMade };
}

function drawReport(ctx: PlanContext, askNumber: number): DrawnReport {
  const { rng, conduct } = ctx;
  const base = Math.floor(conduct.colour);
  const index = Math.min(2, base + (rng.chance(conduct.colour - base) ? 1 : 0));
  const colour: Colour = (['green', 'amber', 'red'] as const)[index];
  const kpis: Record<string, number> = {};
  for (const kpi of ctx.kpis) {
    const attainment = Math.max(0.05, conduct.kpiAttainment + rng.noise(ctx.kpiNoise));
    const value = kpi.direction === 'higher_is_better' ? kpi.target * attainment : kpi.target / attainment;
    kpis[kpi.key] = Math.round(value * 10) / 10;
  }
  const openBlockers = STUCK_BLOCKERS.slice(0, conduct.stuckBlockers);
  if (rng.chance(conduct.passingBlocker))
    openBlockers.push(PASSING_BLOCKERS[rng.int(0, PASSING_BLOCKERS.length - 1)]);
  const whole = Math.floor(conduct.asksPerReport);
  const count = whole + (rng.chance(conduct.asksPerReport - whole) ? 1 : 0);
  const asks = Array.from({ length: count }, (_, i) => {
    const n = askNumber + i;
    return `${ASKS[n % ASKS.length]} (request ${n + 1})`;
  });
  const answerAfterHours = asks.map(() => {
    const answered = rng.chance(conduct.askAnswered);
    const hours = rng.between(conduct.askAnswerHours[0], conduct.askAnswerHours[1]);
    return answered ? hours : null;
  });
  return { colour, kpis, openBlockers, asks, answerAfterHours };
}

/**
 * The blockers to send: open ones of the last report that should no longer be
 * open are resolved by id; wanted ones not yet open are added. Open ones not
 * mentioned are carried over by Cadence itself, as the form does.
 */
export function blockerEntries(
  lastOpen: readonly { id: string; text: string }[],
  wanted: readonly string[],
): ReportBlockerBody[] {
  const entries: ReportBlockerBody[] = [];
  for (const open of lastOpen) {
    if (!wanted.includes(open.text)) entries.push({ carriedFrom: open.id, status: 'resolved' });
  }
  for (const text of wanted) {
    if (!lastOpen.some((open) => open.text === text)) entries.push({ text, status: 'open' });
  }
  return entries;
}

export function floorToGrid(ms: number): number {
  return Math.floor(ms / ACTION_GRID_MS) * ACTION_GRID_MS;
}
