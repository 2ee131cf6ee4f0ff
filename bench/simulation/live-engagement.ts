import type { Rng } from './rng';
import type { EngagementScript } from './scenario.types';
import type { EngagementRun, EngagementWeek } from './run.types';
import type { ReceivedDm } from './slack-desk';
import type { Action } from './week-plan';

/** An engagement while its scenario runs: its script, its random streams and what its people remember. */
export interface LiveEngagement {
  script: EngagementScript;
  run: EngagementRun;
  rng: Rng;
  /** The account manager's reactions to Slack nudges draw from their own stream: nudges come when Cadence sends them. */
  slackRng: Rng;
  slackUserId: string;
  /** Meetings the script holds (some marked only the next day): a nudge about one is answered with Mark held. */
  heldMeetings: Set<string>;
  /** Weeks are cut in the account manager's zone, exactly as Cadence cuts health weeks. */
  zone: string;
  /** Open blockers of the last report sent, as Cadence stored them. */
  lastOpen: { id: string; text: string }[];
  asksSoFar: number;
  /** Asks the account manager did not answer when they came in: a backlog worked through later. */
  openAsks: { touchpointId: string; index: number }[];
  asksRng: Rng;
  /** Touchpoints already planned, so one moved across a week boundary is not planned twice. */
  planned: Set<string>;
  /** Drawn when the week was planned, filled in by the read at its end. */
  pendingWeeks: Map<number, Omit<EngagementWeek, 'health'>>;
}

/** A scripted action, a click on a Slack nudge, or reading an engagement's health as its week ends. */
export type SimEvent =
  | Action
  | { kind: 'read'; at: number; engagement: number; week: number }
  | { kind: 'slack'; at: number; engagement: number; dm: ReceivedDm; button: string };

/** Reads go first at an instant: they close the week before it. */
export const EVENT_ORDER: Readonly<Record<SimEvent['kind'], number>> = {
  read: 0,
  report: 1,
  held: 2,
  answer: 3,
  slack: 4,
};
