import { join } from 'node:path';
import type { DateTime } from 'luxon';
import type { CalendarProfile, WorkingCalendar } from '../../src/calendars/domain/calendar.types';
import { createHolidayCalendar } from '../../src/calendars/domain/holiday-calendar';
import { createSeasonalHours } from '../../src/calendars/domain/seasonal-hours';
import { createWorkingCalendar } from '../../src/calendars/domain/working-calendar';
import type { FollowUpRecipient, PlannedFollowUpStep } from '../../src/follow-ups/domain/follow-up.types';
import type { Playbook } from '../../src/follow-ups/domain/playbook.types';
import { loadPlaybooks } from '../../src/follow-ups/playbook.loader';
import { repoCalendarData } from '../calendars/calendar-data.fixture';

// Real calendars (the repository's holiday and calendar data) and the repository's own
// playbooks, for scenario specs on real dates.

const data = repoCalendarData();
const holidays = createHolidayCalendar({ data });
const seasonalHours = createSeasonalHours(data.seasonalHours);

/** A person's working calendar as the app builds it. */
export function calendarOf(profile: CalendarProfile): WorkingCalendar {
  return createWorkingCalendar(profile, { holidays, seasonalHours, blackouts: [] });
}

/** config/playbooks/default.yaml, loaded and validated by the real loader. */
export function defaultPlaybook(): Playbook {
  const root = join(__dirname, '..', '..');
  const playbook = loadPlaybooks(join(root, 'config', 'playbooks'), root).get('default');
  if (!playbook) throw new Error('config/playbooks/default.yaml did not load');
  return playbook;
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** A profile with Monday–Friday and no time off unless told otherwise. */
export function profile(
  personId: string,
  fields: Pick<CalendarProfile, 'timeZone' | 'country' | 'side'> & Partial<CalendarProfile>,
): CalendarProfile {
  return {
    region: null,
    workWeek: weekdays,
    workingHours: { start: '09:00', end: '17:00' },
    timeOff: [],
    personId,
    ...fields,
  };
}

/** A follow-up recipient with the real calendar of `profile(personId, fields)`. */
export function recipient(personId: string, fields: Parameters<typeof profile>[1]): FollowUpRecipient {
  return { personId, calendar: calendarOf(profile(personId, fields)) };
}

/** An instant as a wall clock, with weekday and zone offset: "Thu 2027-04-08 17:00 +08:00". */
export function wallClock(at: DateTime, zone: string): string {
  return at.setZone(zone).toFormat('ccc yyyy-MM-dd HH:mm ZZ');
}

/** Each planned step in the words of a test: index, role, recipient, channel, local due time. */
export function describePlan(
  plan: readonly PlannedFollowUpStep[],
  zones: Readonly<Record<string, string>>,
): string[] {
  return plan.map((step) => {
    const zone = zones[step.recipientId];
    if (zone === undefined) throw new Error(`no zone for ${step.recipientId}`);
    return `#${step.stepIndex ?? '-'} ${step.role} → ${step.recipientId} by ${step.channel} at ${wallClock(step.dueAt, zone)}`;
  });
}
