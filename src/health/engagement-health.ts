import type { HealthBand } from './domain/health-band';
import type { HealthFlag } from './domain/health-flags';
import type { HealthHighlight } from './domain/recognition';

/*
 * What HealthService.portfolioFor and healthOf answer: one engagement's health
 * for a list (the digest, Slack's `/cadence health` and App Home). Plain data;
 * instants are ISO-8601 UTC strings, local dates `YYYY-MM-DD` in the account
 * manager's zone.
 */

/** Whose portfolio: an account manager's engagements, or an executive's. */
export type PortfolioOwner = { accountManagerId: string } | { executiveId: string };

export interface PortfolioFlag extends HealthFlag {
  /** Not among the flags of the last weekly snapshot: raised since last week. */
  isNew: boolean;
}

/** One past week of an engagement, as its weekly snapshot recorded it. */
export interface PortfolioWeek {
  /** `2027-W10`, in the account manager's zone. */
  week: string;
  /** Its Monday. */
  weekStart: string;
  /** The score as the week ended; null when there is no snapshot (the engagement was not yet assessed). */
  score: number | null;
  band: HealthBand | null;
  /** Every touchpoint of the week was skipped for a holiday, time off or a shutdown: the score stood still. */
  paused: boolean;
}

export interface EngagementHealth {
  engagementId: string;
  name: string;
  vendorName: string;
  accountManagerId: string;
  executiveId: string | null;
  /** The instant assessed (the clock's now, unless the caller asked for another). */
  asOf: string;
  score: number;
  band: HealthBand;
  /** Score minus the weekly snapshot four weeks back; null before the first snapshot. */
  trend: number | null;
  /** Score minus the latest weekly snapshot ("−4 on last week"); null before the first snapshot. */
  changeSinceLastWeek: number | null;
  /** Critical first, each with the date it began. */
  flags: PortfolioFlag[];
  highlights: HealthHighlight[];
  /** The eight complete weeks before the current one, oldest first. */
  lastWeeks: PortfolioWeek[];
}
