import type { DateTime } from 'luxon';

/**
 * What the health rules read: one engagement's history as plain data. The
 * service layer builds it from the database; nothing here knows about
 * TypeORM, Nest or the clock. Every instant is a Luxon DateTime (any zone; the
 * rules compare instants and do calendar math in `timeZone`).
 */

/** Whether more or less of a KPI is better. */
export type KpiDirection = 'higher_is_better' | 'lower_is_better';

/** A number the vendor reports every week, and what "good" means for it. */
export interface KpiDefinition {
  key: string;
  label: string;
  /** Printed after the value: "%" sticks to it ("14.2%"), anything else gets a space ("240 s"). */
  unit: string;
  target: number;
  direction: KpiDirection;
}

export type MeetingStatus = 'scheduled' | 'held' | 'missed' | 'skipped' | 'cancelled';
export type ReportStatus = 'pending' | 'submitted' | 'late' | 'missed' | 'skipped';

/**
 * How the calendar moved a touchpoint: `shifted` to another day, or `skipped`
 * altogether because of a holiday, time off or a blackout (`reason` names it,
 * e.g. "Diwali (IN)" or "Eid al-Fitr (EG, tentative)").
 */
export interface TouchpointAdjustment {
  type: 'shifted' | 'skipped';
  reason: string;
}

interface TouchpointBase {
  id: string;
  /** Meeting start or report due instant, after any holiday shift or manual reschedule. */
  scheduledAt: DateTime;
  /** Where the cadence rule put it before any adjustment; a skipped touchpoint is placed by this. */
  originalAt: DateTime;
  adjustment: TouchpointAdjustment | null;
  /** Manual reschedules only; a calendar shift is not churn and must not be counted here. */
  rescheduleCount: number;
}

export interface MeetingTouchpoint extends TouchpointBase {
  kind: 'meeting';
  status: MeetingStatus;
  heldAt: DateTime | null;
}

export interface ReportTouchpoint extends TouchpointBase {
  kind: 'status_report';
  /** `submitted` means on time (grace included), `late` means it came after its due time. */
  status: ReportStatus;
  submittedAt: DateTime | null;
}

export type Touchpoint = MeetingTouchpoint | ReportTouchpoint;

export type StatusColour = 'green' | 'amber' | 'red';

/** A blocker as one report states it. */
export interface ReportedBlocker {
  text: string;
  status: 'open' | 'resolved';
  /** Due instant of the report in which this blocker first appeared (the form carries it forward). */
  firstSeen: DateTime;
  /** True when the vendor carried it over from the previous report rather than typing it anew. */
  carriedOver: boolean;
}

/** Something the vendor asked of the client in a report. */
export interface ClientAsk {
  text: string;
  askedAt: DateTime;
  answeredAt: DateTime | null;
}

/** The content of one submitted status report. */
export interface StatusReport {
  touchpointId: string;
  dueAt: DateTime;
  submittedAt: DateTime;
  status: StatusColour;
  /** KPI key → reported value; null or absent when the vendor left it blank. */
  kpiValues: Readonly<Record<string, number | null>>;
  blockers: readonly ReportedBlocker[];
  asks: readonly ClientAsk[];
}

export type RecipientRole = 'vendor_contact' | 'account_manager' | 'executive' | 'client_contact';

/** A follow-up message sent because a touchpoint slipped. */
export interface Nudge {
  sentAt: DateTime;
  recipientRole: RecipientRole;
  /** When the recipient acted on it (acknowledged, replied, submitted); null while ignored. */
  respondedAt: DateTime | null;
  /**
   * The touchpoint it chases. A playbook sends several reminders and
   * escalations about one late report or missed meeting; NUDGES_IGNORED
   * counts those as one lapse. Absent: each nudge counts on its own.
   */
  touchpointId?: string | null;
}

export type ContactChannel = 'meeting' | 'report' | 'slack' | 'email' | 'call';

/**
 * An instant at which both sides communicated: a meeting held, a report
 * submitted and acknowledged, a Slack acknowledgement, a reply to an email.
 */
export interface TwoWayContact {
  at: DateTime;
  channel: ContactChannel;
}

export interface EngagementHistory {
  engagementId: string;
  /**
   * The IANA zone in which weeks are cut and `since` dates are written: the
   * account manager's, since they read the flags.
   */
  timeZone: string;
  /** When the engagement began; the contact gap of an engagement with no contact yet runs from here. */
  startedAt: DateTime;
  kpis: readonly KpiDefinition[];
  /** Meetings and report touchpoints, past and already placed future ones, in any order. */
  touchpoints: readonly Touchpoint[];
  /** Submitted reports, in any order. */
  reports: readonly StatusReport[];
  nudges: readonly Nudge[];
  contacts: readonly TwoWayContact[];
}

/**
 * True when a touchpoint was skipped for a holiday, time off or a blackout:
 * it counts for no one, neither as a miss nor in any denominator. Cadence only
 * sets status `skipped` together with such an adjustment, so either marks it.
 */
export function isExcused(touchpoint: Touchpoint): boolean {
  return touchpoint.status === 'skipped' || touchpoint.adjustment?.type === 'skipped';
}
