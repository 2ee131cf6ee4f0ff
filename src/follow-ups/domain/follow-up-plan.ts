import type { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../calendars/domain/calendar.types';
import type {
  EngagementRecipients,
  FollowUpEvent,
  FollowUpRecipient,
  PlannedFollowUpStep,
} from './follow-up.types';
import type { Playbook, PlaybookStep, RecipientRole, WorkingDelay } from './playbook.types';
import { timeOffOn, withoutTimeOff, withTimeOff } from './time-off-calendar';
import { addWorkingTime, nextWorkingMoment, workingDateAt } from './working-time';

// From "this trigger fired at T" to "these messages, to these people, at these instants".
//
// Every step's delay counts from T in its recipient's working time (not from the previous
// step): steps can be reordered, moved or removed without shifting the others, and a
// plan can be recomputed from T alone. A step is due at
//   nextWorkingMoment(R, addWorkingTime(R, T, delay))
// on the recipient's calendar without time off (holidays, weekends and blackouts count).
// If the recipient is away on the working day that instant falls in, the step goes to
// their backup at the backup's next working moment, or, with no backup, waits for the
// recipient's first working moment back: queued, never dropped.

/** The escalation step used when the playbook has no rule for a trigger. */
const UNCOVERED_STEP: PlaybookStep = Object.freeze({
  after: Object.freeze({ days: 0, hours: 0 }),
  to: 'account_manager' as const,
  via: 'slack_dm' as const,
  template: 'escalation' as const,
});

/**
 * The messages a trigger starts under a playbook, ordered by due instant (then by step,
 * then by recipient). A step to `vendor_contact` yields one message per vendor contact. A
 * role nobody holds (no executive, no vendor contact) goes to the account manager, marked
 * `reroutedFrom`, its delay then counted in the account manager's working time. A trigger
 * the playbook does not cover yields one escalation to the account manager, immediately
 * (inside their hours), marked `uncovered`. A Slack channel step runs on the account
 * manager's working time and ignores their time off (a channel is read by the team).
 * @throws NoWorkingTimeError when a recipient has no working time within 60 days of a step
 */
export function planFollowUps(
  event: FollowUpEvent,
  playbook: Playbook,
  recipients: EngagementRecipients,
): PlannedFollowUpStep[] {
  const rule = playbook.steps[event.trigger];
  const planned: PlannedFollowUpStep[] = [];
  const present = presentCalendars();
  if (!rule) {
    const manager = recipients.accountManager;
    const key = `${event.touchpointId}:${event.trigger}:uncovered:${manager.personId}`;
    planned.push({
      ...deliver(manager, present(manager.calendar), event.firedAt, UNCOVERED_STEP.after),
      ...stepFields(UNCOVERED_STEP),
      stepId: key,
      trigger: event.trigger,
      stepIndex: null,
      uncovered: true,
    });
    return planned;
  }

  rule.forEach((step, stepIndex) => {
    const common = { ...stepFields(step), trigger: event.trigger, stepIndex, uncovered: false };
    const key = (recipientId: string): string =>
      `${event.touchpointId}:${event.trigger}:${stepIndex}:${recipientId}`;
    if (step.to === 'slack_channel') {
      const channelId = `#${step.slackChannel ?? ''}`;
      // The channel is not away when the account manager is: only working hours apply.
      const teamHours = present(recipients.accountManager.calendar);
      const due = nextWorkingMoment(teamHours, addWorkingTime(teamHours, event.firedAt, step.after));
      planned.push({
        ...common,
        stepId: key(channelId),
        intendedRecipientId: channelId,
        recipientId: channelId,
        route: 'direct',
        dueAt: due,
        plannedAt: due,
      });
      return;
    }
    const { people, reroutedFrom } = resolveRole(step.to, recipients);
    for (const person of people) {
      const delivery = deliver(person, present(person.calendar), event.firedAt, step.after);
      planned.push({
        ...common,
        ...delivery,
        ...(reroutedFrom === undefined ? {} : { reroutedFrom }),
        stepId: key(delivery.intendedRecipientId),
      });
    }
  });

  // A stable sort keeps step order, then recipient order, among equal instants.
  return planned.sort((a, b) => a.dueAt.toMillis() - b.dueAt.toMillis());
}

function stepFields(
  step: PlaybookStep,
): Pick<PlannedFollowUpStep, 'role' | 'channel' | 'template'> &
  Partial<Pick<PlannedFollowUpStep, 'slackChannel' | 'text'>> {
  return {
    role: step.to,
    channel: step.via,
    template: step.template,
    ...(step.slackChannel === undefined ? {} : { slackChannel: step.slackChannel }),
    ...(step.text === undefined ? {} : { text: step.text }),
  };
}

function resolveRole(
  role: Exclude<RecipientRole, 'slack_channel'>,
  recipients: EngagementRecipients,
): { people: readonly FollowUpRecipient[]; reroutedFrom?: RecipientRole } {
  switch (role) {
    case 'account_manager':
      return { people: [recipients.accountManager] };
    case 'executive':
      return recipients.executive
        ? { people: [recipients.executive] }
        : { people: [recipients.accountManager], reroutedFrom: role };
    case 'vendor_contact':
      return recipients.vendorContacts.length > 0
        ? { people: recipients.vendorContacts }
        : { people: [recipients.accountManager], reroutedFrom: role };
  }
}

/**
 * Each calendar without time off, made once per plan: withoutTimeOff memoises the days it
 * reads, so every step and role that reaches the same person shares that memo.
 */
function presentCalendars(): (calendar: WorkingCalendar) => WorkingCalendar {
  const made = new Map<WorkingCalendar, WorkingCalendar>();
  return (calendar) => {
    let present = made.get(calendar);
    if (present === undefined) {
      present = withoutTimeOff(calendar);
      made.set(calendar, present);
    }
    return present;
  };
}

/** Who receives a step meant for `recipient`, and when; `present` is their calendar without time off. */
function deliver(
  recipient: FollowUpRecipient,
  present: WorkingCalendar,
  firedAt: DateTime,
  delay: WorkingDelay,
): Pick<PlannedFollowUpStep, 'intendedRecipientId' | 'recipientId' | 'route' | 'dueAt' | 'plannedAt'> {
  const plannedAt = nextWorkingMoment(present, addWorkingTime(present, firedAt, delay));
  // nextWorkingMoment is always inside a window, so the date is never null.
  const date = workingDateAt(present, plannedAt);
  const away = date === null ? undefined : timeOffOn(recipient, date);
  const intendedRecipientId = recipient.personId;
  if (!away)
    return {
      intendedRecipientId,
      recipientId: intendedRecipientId,
      route: 'direct',
      dueAt: plannedAt,
      plannedAt,
    };
  if (away.backup) {
    return {
      intendedRecipientId,
      recipientId: away.backup.personId,
      route: 'backup',
      dueAt: nextWorkingMoment(away.backup.calendar, plannedAt),
      plannedAt,
    };
  }
  return {
    intendedRecipientId,
    recipientId: intendedRecipientId,
    route: 'after_time_off',
    dueAt: nextWorkingMoment(withTimeOff(recipient.calendar, recipient.timeOff), plannedAt),
    plannedAt,
  };
}

/** How far up a role sits: a step to a higher role is an escalation. */
const ESCALATION_RANK: Readonly<Record<RecipientRole, number>> = {
  vendor_contact: 0,
  account_manager: 1,
  slack_channel: 1,
  executive: 2,
};

/**
 * Where the plan goes after `step` if nothing changes: the first later step (by due
 * instant) to a role higher up (vendor contact → account manager or team channel →
 * executive), for the "if nothing changes, Cadence tells …" line of a client-side message.
 * Undefined when nothing higher follows.
 */
export function nextEscalation(
  plan: readonly PlannedFollowUpStep[],
  step: PlannedFollowUpStep,
): PlannedFollowUpStep | undefined {
  const rank = ESCALATION_RANK[step.role];
  return plan.find((other) => ESCALATION_RANK[other.role] > rank && other.dueAt > step.dueAt);
}
