import type { Weekday, WorkingHours } from './calendar.types';
import type { CalendarData } from './calendar-data.types';

/**
 * The usual work week of a country (config/calendars/work-weeks.yaml), e.g. Sunday to
 * Thursday in Saudi Arabia; Monday to Friday for countries the table does not list.
 */
export function defaultWorkWeek(data: Pick<CalendarData, 'workWeeks'>, country: string): readonly Weekday[] {
  return (data.workWeeks.countries.get(country) ?? data.workWeeks.default).workWeek;
}

/** The usual office hours of a country, e.g. 09:00–18:00 in the Philippines. */
export function defaultWorkingHours(data: Pick<CalendarData, 'workWeeks'>, country: string): WorkingHours {
  const { hours } = data.workWeeks.countries.get(country) ?? data.workWeeks.default;
  return { start: hours.start, end: hours.end };
}
