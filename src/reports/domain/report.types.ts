// Types only: erased when compiled, so this pure folder loads nothing from the entity's module.
import type { KpiDefinition } from '../../engagements/engagement.entity';

/** The vendor's overall call on the week. */
export const REPORT_COLOURS = ['green', 'amber', 'red'] as const;
export type ReportColour = (typeof REPORT_COLOURS)[number];

export const BLOCKER_STATUSES = ['open', 'resolved'] as const;
export type BlockerStatus = (typeof BLOCKER_STATUSES)[number];

/** What "good" means for a number the report carries: the engagement's KPI definition. */
export type ReportKpi = KpiDefinition;

/** A blocker as a stored report holds it. */
export interface StoredBlocker {
  id: string;
  /** Exactly as the vendor typed it. */
  text: string;
  status: BlockerStatus;
  /** The id of the blocker in the previous report that this one carries forward; absent when new. */
  carriedFrom?: string;
  /** Due instant (ISO, UTC) of the report in which this blocker first appeared. */
  firstSeenAt: string;
}

/** Something the vendor asks of the client. */
export interface StoredAsk {
  text: string;
}
