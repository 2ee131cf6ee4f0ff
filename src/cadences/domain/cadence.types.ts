import type { DateTime } from 'luxon';
import type { LocalDate, LocalTime, Side, Weekday } from '../../calendars/domain/calendar.types';

/** How often a cadence recurs. */
export type CadenceFrequency = 'weekly' | 'biweekly' | 'monthly';

/** What happens to an occurrence that lands on someone's day off. */
export type HolidayPolicy = 'shift' | 'skip';

/** A weekday and a wall-clock time in one person's zone. */
export interface WeeklySlot {
  weekday: Weekday;
  time: LocalTime;
}

/** Where a meeting sits each period, in the organizer's local time. */
export type MeetingAnchor = WeeklySlot;

/** The recurrence rule of a meeting cadence. */
export interface MeetingRule {
  frequency: CadenceFrequency;
  durationMinutes: number;
  /** Weekdays the organizer prefers, in the organizer's week; empty means any. */
  preferredWeekdays: readonly Weekday[];
  holidayPolicy: HolidayPolicy;
  /** First date (organizer-local) an occurrence may fall on. */
  startsOn: LocalDate;
  /** Chosen by {@link chooseMeetingAnchor} when absent; persist it so later plans agree. */
  anchor?: MeetingAnchor;
  /**
   * Whether the participants share working hours, as the anchor choice or an earlier plan
   * answered (persist it with the anchor). Worked out again when absent, which costs a few
   * calendar lookups per plan; pass it back when the people or their hours have not changed.
   */
  sharedHours?: boolean;
}

/** The recurrence rule of a status report, in the vendor contact's zone. */
export interface ReportRule {
  frequency: CadenceFrequency;
  due: WeeklySlot;
  holidayPolicy: HolidayPolicy;
  /** First date (vendor-local) a report may be due on. */
  startsOn: LocalDate;
}

/** Inclusive local-date range; a period is planned when its rule date falls inside it. */
export interface PlanningRange {
  from: LocalDate;
  to: LocalDate;
}

/** Out-of-hours minutes per side: per occurrence, or summed over earlier occurrences. */
export interface BurdenLedger {
  client: number;
  vendor: number;
}

/** Why an occurrence is not where the rule put it. */
export interface Adjustment {
  type: 'shifted' | 'skipped';
  /** Human reason naming the holiday and country, the DST change or the missing common day. */
  reason: string;
}

/** One participant asked to meet outside their working hours. */
export interface OutOfHours {
  personId: string;
  side: Side;
  /** How far the meeting reaches beyond the person's working window (0 is never listed). */
  minutes: number;
}

/** One planned meeting occurrence. Instants are UTC. */
export interface MeetingOccurrence {
  /** Organizer-local ISO week (`2027-W12`) or month (`2027-03`) of the rule's date. */
  periodKey: string;
  /** Where the rule put it before any holiday or DST adjustment. */
  originalAt: DateTime;
  scheduledAt: DateTime | null;
  endsAt: DateTime | null;
  status: 'scheduled' | 'skipped';
  adjustment: Adjustment | null;
  outOfHours: OutOfHours[];
  /** This occurrence's contribution to the burden ledger (max minutes per side). */
  burden: BurdenLedger;
}

/**
 * {@link MeetingOccurrence} with its instants as epoch milliseconds: what the planner stores,
 * without a Luxon DateTime per instant (three per occurrence, tens of thousands per run).
 */
export interface MeetingOccurrenceMillis extends Omit<
  MeetingOccurrence,
  'originalAt' | 'scheduledAt' | 'endsAt'
> {
  originalMs: number;
  scheduledMs: number | null;
  endsMs: number | null;
}

/** {@link MeetingPlan} with {@link MeetingOccurrenceMillis}. */
export interface MeetingPlanMillis extends Omit<MeetingPlan, 'occurrences'> {
  occurrences: MeetingOccurrenceMillis[];
}

/** A plan for one meeting cadence over a range. */
export interface MeetingPlan {
  anchor: MeetingAnchor;
  /** False when the participants share no working window and burden rotation is the rule. */
  sharedHours: boolean;
  occurrences: MeetingOccurrence[];
  /** The input ledger plus every planned occurrence's burden. */
  ledger: BurdenLedger;
}

/** One planned status-report due date. Instants are UTC. */
export interface ReportDueOccurrence {
  /** Vendor-local ISO week (`2027-W12`) or month (`2027-03`) of the rule's due date. */
  periodKey: string;
  originalAt: DateTime;
  dueAt: DateTime | null;
  status: 'pending' | 'skipped';
  adjustment: Adjustment | null;
}

/** {@link ReportDueOccurrence} with its instants as epoch milliseconds (the planner's form). */
export interface ReportDueOccurrenceMillis extends Omit<ReportDueOccurrence, 'originalAt' | 'dueAt'> {
  originalMs: number;
  dueMs: number | null;
}

/**
 * Labels for zones in human messages, e.g. `{ 'America/New_York': 'US', 'Europe/Warsaw': 'PL' }`.
 * Zones without a label are named after their city ("New York").
 */
export type ZoneLabels = Readonly<Record<string, string>>;
