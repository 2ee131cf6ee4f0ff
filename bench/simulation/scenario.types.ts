import type { KpiBody } from './cadence-client';

/** Where a person works: a real IANA zone and a real country, so holidays come from Cadence's calendars. */
export interface Place {
  city: string;
  timeZone: string;
  country: string;
  region?: string;
  locale: string;
  workWeek?: string[];
  workingHours?: { start: string; end: string };
}

/**
 * How a vendor and its account manager behave in a given week. Probabilities
 * are per touchpoint; the simulator draws each week's outcome from them with
 * the engagement's seeded random source.
 */
export interface Conduct {
  /** A due report arrives before its due time. */
  reportOnTime: number;
  /** Of the reports that are not on time, the share never sent (the rest arrive late). */
  reportMissingShare: number;
  /** How late a late report is, in hours after its due time: drawn between the two. */
  lateHours: readonly [number, number];
  /** A meeting takes place and the account manager marks it held. */
  meetingHeld: number;
  /** Of the meetings held, the share the account manager records only the next day (after the grace). */
  heldRecordedLate: number;
  /** Each KPI as a share of its target, direction-aware: 1 on target, 0.8 is 20 % short, 1.1 beats it. */
  kpiAttainment: number;
  /** Colour: 0 green, 1 amber, 2 red; a fraction is the chance of the next worse colour. */
  colour: number;
  /** Blockers that stay open week after week (carried over by the form). */
  stuckBlockers: number;
  /** Chance per report of a passing blocker that is cleared in the next report. */
  passingBlocker: number;
  /** New asks of the client per report (fractions are a chance). */
  asksPerReport: number;
  /** The account manager answers an ask (POST …/asks/:index/answer)… */
  askAnswered: number;
  /** …this many hours after the report came in: drawn between the two. */
  askAnswerHours: readonly [number, number];
  /** The account manager acts on a Slack nudge (Mark held if the meeting took place, else Acknowledge)… */
  nudgeActed: number;
  /** …this many hours after it arrived. */
  nudgeActHours: readonly [number, number];
}

/** The conduct from `week` on; numbers are interpolated linearly up to the next keyframe. */
export interface Keyframe {
  week: number;
  conduct: Conduct;
}

/**
 * What really happened, independent of anything Cadence computes. Weeks count
 * from 1, the first simulated week.
 * - `healthy`: a good vendor with ordinary noise; any alarm is a false alarm.
 * - `holidayOnly`: a perfect vendor whose only gaps are its public holidays;
 *   any alarm is one caused by holidays alone.
 * - `slide`: conduct degrades from `slideFrom`; the relationship is strained
 *   in `strainWeek` (the scenario's judgement, written down before any run).
 * - `drop`: good until `dropWeek`, then suddenly bad; strained in `strainWeek`.
 * - `recovery`: a slide to strain, then the vendor recovers from `recoveredWeek`.
 */
export type GroundTruth =
  | { kind: 'healthy' }
  | { kind: 'holidayOnly'; holidays: readonly string[] }
  | { kind: 'slide'; slideFrom: number; strainWeek: number }
  | { kind: 'drop'; dropWeek: number; strainWeek: number }
  | { kind: 'recovery'; slideFrom: number; strainWeek: number; recoveredWeek: number };

export interface MeetingPlan {
  frequency: 'weekly' | 'biweekly';
  durationMinutes: number;
  preferredWeekdays: string[];
  holidayPolicy: 'shift' | 'skip';
}

export interface ReportPlan {
  due: { weekday: string; time: string };
  holidayPolicy: 'shift' | 'skip';
}

/** One client–vendor engagement of a scenario and the script its people follow. */
export interface EngagementScript {
  /** Unique within the scenario, shown in tables: `ph-holy-week-2`. */
  key: string;
  /** Which template it comes from, for the per-template lines of the benchmark. */
  template: string;
  clientName: string;
  vendorName: string;
  manager: Place;
  vendor: Place;
  kpis: KpiBody[];
  meeting: MeetingPlan | null;
  report: ReportPlan;
  /** At least one, the first at week 1. */
  conduct: readonly Keyframe[];
  /** Week-to-week spread of each KPI around its attainment, as a share of target. */
  kpiNoise: number;
  truth: GroundTruth;
  seed: number;
}

/** A set of engagements run together in one Cadence instance over the same weeks. */
export interface Scenario {
  /** `--scenario` name. */
  name: string;
  description: string;
  /** A Monday (UTC date): week 1 runs from its 00:00 UTC. */
  start: string;
  /** Default number of weeks (`--weeks` overrides). */
  weeks: number;
  engagements: readonly EngagementScript[];
}
