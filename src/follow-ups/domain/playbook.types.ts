import type { Side } from '../../calendars/domain/calendar.types';

// The vocabulary of playbooks ("if this, then that"): what can fire, who can be told,
// through what, and after how much of the recipient's working time.

/** What can start a playbook. */
export const TRIGGERS = [
  'report_late',
  'report_missed',
  'meeting_missed',
  'two_misses_in_a_row',
  'red_status',
  'ask_unanswered',
  'health_band_worsened',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

/**
 * Triggers that wait for something the vendor or the account manager does: the report
 * arriving, the meeting marked held. That settles their nudges (the rest are withdrawn, and
 * health counts it as the answer). Nudges about a red report, an ask or the health band
 * inform rather than ask, and stand until acknowledged.
 */
export const AWAITING_TRIGGERS: readonly Trigger[] = [
  'report_late',
  'report_missed',
  'meeting_missed',
  'two_misses_in_a_row',
];

/** Who a step addresses; the lead resolves each role to people of the engagement. */
export const RECIPIENT_ROLES = ['vendor_contact', 'account_manager', 'executive', 'slack_channel'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** How a step is delivered. */
export const DELIVERY_CHANNELS = ['email', 'slack_dm', 'slack_channel'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * The channels each role can be reached through. Vendors are not in the client's Slack,
 * so a vendor contact is reached by email only; a Slack channel only by posting in it.
 */
export const CHANNELS_BY_ROLE: Readonly<Record<RecipientRole, readonly DeliveryChannel[]>> = {
  vendor_contact: ['email'],
  account_manager: ['email', 'slack_dm'],
  executive: ['email', 'slack_dm'],
  slack_channel: ['slack_channel'],
};

/**
 * Whose working time a step's delay is counted in. A Slack channel belongs to the client
 * team, so its delays run on the account manager's working time.
 */
export const SIDE_BY_ROLE: Readonly<Record<RecipientRole, Side>> = {
  vendor_contact: 'vendor',
  account_manager: 'client',
  executive: 'client',
  slack_channel: 'client',
};

/**
 * The tone of a message: the first word to someone (`notice`), a repeat to the same
 * person (`reminder`), or a step up the hierarchy (`escalation`).
 */
export const MESSAGE_TEMPLATES = ['notice', 'reminder', 'escalation'] as const;
export type MessageTemplate = (typeof MESSAGE_TEMPLATES)[number];

/**
 * An amount of working time: whole working days, then working hours (fractions allowed,
 * 0.5 is half an hour). Both zero means "immediately, inside the recipient's hours".
 */
export interface WorkingDelay {
  days: number;
  hours: number;
  /** Set when the playbook named the side ("2 vendor working hours"); checked against the recipient. */
  side?: Side;
}

/** One step of a rule: after `after` of the recipient's working time, tell `to` through `via`. */
export interface PlaybookStep {
  /** Counted from the moment the trigger fired, not from the previous step. */
  after: WorkingDelay;
  to: RecipientRole;
  via: DeliveryChannel;
  /** The Slack channel id (C0123456789) when `to` is `slack_channel`. */
  slackChannel?: string;
  template: MessageTemplate;
  /** Operator-written text that replaces the suggested next action of the message. */
  text?: string;
}

/** A validated playbook: for each trigger it covers, its steps in the order written. */
export interface Playbook {
  /** The file name without `.yaml`, or the name the caller gave a JSON override. */
  name: string;
  description?: string;
  /** How long an ask of the client may wait, in the account manager's working time, before `ask_unanswered` fires. */
  askUnansweredAfter?: WorkingDelay;
  steps: Readonly<Partial<Record<Trigger, readonly PlaybookStep[]>>>;
}

/** Every playbook the process knows, keyed by name (`default` for config/playbooks/default.yaml). */
export type PlaybookCatalogue = ReadonlyMap<string, Playbook>;

/** One thing wrong with a playbook: where (`steps.report_late[1].after`) and what. */
export interface PlaybookProblem {
  path: string;
  message: string;
}
