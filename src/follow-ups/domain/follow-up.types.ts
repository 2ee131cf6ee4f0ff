import type { DateTime } from 'luxon';
import type { LocalDate, WorkingCalendar } from '../../calendars/domain/calendar.types';
import type { DeliveryChannel, MessageTemplate, RecipientRole, Trigger } from './playbook.types';

// What the follow-up planner takes and gives. The lead resolves the engagement's people
// to these values (calendars built with createWorkingCalendar); nothing here reads a
// database or a clock.

/** A person who can receive a follow-up, with their working calendar. */
export interface FollowUpPerson {
  personId: string;
  /** Built from their profile, with or without their time off: both are understood. */
  calendar: WorkingCalendar;
}

/** A day of someone's time off, and who stands in for them that day. */
export interface TimeOffDay {
  backup: FollowUpPerson | null;
}

/** Answers for one local date of the person whether they are away, and their backup. */
export type TimeOffLookup = (date: LocalDate) => TimeOffDay | undefined;

/** A person a playbook role resolves to. */
export interface FollowUpRecipient extends FollowUpPerson {
  /** Their time off; days the calendar itself marks `time_off` count as well. */
  timeOff?: TimeOffLookup;
  /** Stands in when a time-off day names no backup of its own. */
  backup?: FollowUpPerson | null;
}

/** The people of an engagement, by the roles a playbook addresses. */
export interface EngagementRecipients {
  accountManager: FollowUpRecipient;
  /** Null when the engagement has no executive: executive steps go to the account manager. */
  executive: FollowUpRecipient | null;
  /** Each vendor contact gets every vendor_contact step; none → the account manager does. */
  vendorContacts: readonly FollowUpRecipient[];
}

/** A trigger that fired. */
export interface FollowUpEvent {
  trigger: Trigger;
  /**
   * What the follow-up is about, for idempotency keys and cancellation: the touchpoint id;
   * for ask_unanswered the report touchpoint that carried the ask; for
   * health_band_worsened the caller's id of the health snapshot.
   */
  touchpointId: string;
  /** When the trigger fired (due time plus grace, when the ask's wait ran out…). */
  firedAt: DateTime;
}

/**
 * How a step reaches its recipient: as planned; to the backup of a recipient away at
 * delivery time; or held for a recipient away with no backup until they are back.
 */
export type DeliveryRoute = 'direct' | 'backup' | 'after_time_off';

/** One message of a follow-up plan. */
export interface PlannedFollowUpStep {
  /**
   * `<touchpointId>:<trigger>:<stepIndex>:<recipientId>` with the intended recipient (not a
   * backup), or `<touchpointId>:<trigger>:uncovered:<accountManagerId>`. Stable across
   * re-planning, so a later change of route updates one message instead of adding one.
   */
  stepId: string;
  trigger: Trigger;
  /** The step's index in the playbook rule; null for an uncovered trigger's escalation. */
  stepIndex: number | null;
  /** The role the playbook step addresses. */
  role: RecipientRole;
  /** Set when nobody holds `role` on the engagement, so the account manager gets the step. */
  reroutedFrom?: RecipientRole;
  /** Whom the step was meant for: a person id, or `#<channel id>` for a Slack channel. */
  intendedRecipientId: string;
  /** Who receives it: the intended recipient, or their backup. */
  recipientId: string;
  route: DeliveryRoute;
  channel: DeliveryChannel;
  /** The Slack channel id when `channel` is `slack_channel`. */
  slackChannel?: string;
  /** When the message may go out: inside the receiver's working hours. UTC. */
  dueAt: DateTime;
  /** Where the delay landed in the intended recipient's hours, before any time off. UTC. */
  plannedAt: DateTime;
  template: MessageTemplate;
  text?: string;
  /** True for the escalation of a trigger no playbook rule covers. */
  uncovered: boolean;
}
