import type { WorkingCalendar } from '../calendars/domain/calendar.types';
import type { HolidayCalendar } from '../calendars/domain/holiday-calendar';
import type { CalendarService } from '../calendars/calendar.service';
import { profileOf } from '../cadences/planning/cadence-plan';
import type { PlanningContext } from '../cadences/planning/planning-context';
import type { Person } from '../people/person.entity';
import type { EngagementRecipients, FollowUpPerson, FollowUpRecipient } from './domain/follow-up.types';
import { timeOffLookup } from './domain/time-off-calendar';

/** The people of an engagement as the follow-up planner addresses them, with their calendars. */
export interface ResolvedRecipients {
  recipients: EngagementRecipients;
  people: ReadonlyMap<string, Person>;
}

/**
 * Resolves playbook roles to people with working calendars. Calendars leave
 * time off out: the planner places a step in the recipient's normal hours and
 * then routes around their time off (to the backup named with it, or until
 * they are back).
 */
export function resolveRecipients(
  context: PlanningContext,
  calendars: CalendarService,
  holidays: HolidayCalendar,
): ResolvedRecipients | null {
  const people = new Map(context.people);
  const calendarOf = (person: Person): WorkingCalendar =>
    calendars.calendarFor({ ...profileOf(person, context), timeOff: [] }, holidays, context.blackouts);
  const asPerson = (person: Person): FollowUpPerson => ({
    personId: person.id,
    calendar: calendarOf(person),
  });
  const asRecipient = (person: Person): FollowUpRecipient => ({
    ...asPerson(person),
    timeOff: timeOffLookup(
      (context.timeOff.get(person.id) ?? []).map((t) => {
        const backup = t.backupPersonId ? context.people.get(t.backupPersonId) : undefined;
        return { start: t.startDate, end: t.endDate, backup: backup ? asPerson(backup) : null };
      }),
    ),
  });
  const manager = context.people.get(context.engagement.accountManagerId);
  if (manager === undefined) return null;
  const executive = context.engagement.executiveId
    ? context.people.get(context.engagement.executiveId)
    : undefined;
  return {
    people,
    recipients: {
      accountManager: asRecipient(manager),
      executive: executive ? asRecipient(executive) : null,
      vendorContacts: context.vendorContactIds
        .map((id) => context.people.get(id))
        .filter((p): p is Person => p !== undefined)
        .map(asRecipient),
    },
  };
}
