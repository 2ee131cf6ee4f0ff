import type { HealthView } from './cadence-client';
import type { Conduct, EngagementScript, Scenario } from './scenario.types';
import type { JobTime } from './scheduler-profile';
import type { Outcome } from './week-plan';

/** One simulated week of one engagement: what the script did and what Cadence made of it. */
export interface EngagementWeek {
  week: number;
  /** The account manager's Monday that began the week (local date). */
  weekStart: string;
  conduct: Conduct;
  outcomes: Outcome[];
  /** `GET /engagements/:id/health` a minute before the week ends and its snapshot is taken. */
  health: HealthView;
}

export interface EngagementRun {
  script: EngagementScript;
  engagementId: string;
  weeks: EngagementWeek[];
  /** Weeks whose stored snapshot (/health/history) differs in score or band from the view read as the week ended. */
  snapshotMismatches: string[];
}

export interface RunTiming {
  startMs: number;
  setupMs: number;
  simulateMs: number;
  /** Time spent inside POST /api/v1/clock, and how many calls and due instants it walked. */
  clockMs: number;
  clockCalls: number;
  clockSteps: number;
  healthMs: number;
  /** CPU time of this process (app and simulator) over the weeks; below wall time when the machine is busy. */
  simulateCpuMs: number;
  /** Scheduler time per job over the whole run, from Cadence's /metrics. */
  jobs: JobTime[];
}

export interface ScenarioRun {
  scenario: Scenario;
  weeks: number;
  engagements: EngagementRun[];
  timing: RunTiming;
  /** Scheduler jobs that failed during the run, with their last message. */
  failedJobs: Record<string, string>;
}

export interface RunOptions {
  weeks?: number;
  /** Called after each simulated week has been planned and played (the CLI shows progress). */
  onWeek?: (week: number) => void;
  logLevel?: string;
  /**
   * Draws every engagement's behaviour from another random stream (same
   * scripts, other dice), to see how much the figures owe to one draw. 0, the
   * default, is the library's own stream.
   */
  reseed?: number;
}
