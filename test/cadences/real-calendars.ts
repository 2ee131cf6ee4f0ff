import type {
  Blackout,
  CalendarProfile,
  LocalDate,
  Side,
  Weekday,
  WorkingCalendar,
} from '../../src/calendars/domain/calendar.types';
import { createHolidayCalendar } from '../../src/calendars/domain/holiday-calendar';
import { createSeasonalHours } from '../../src/calendars/domain/seasonal-hours';
import { createWorkingCalendar } from '../../src/calendars/domain/working-calendar';
import { repoCalendarData } from '../calendars/calendar-data.fixture';

// Real working calendars: date-holidays plus the repository's overlays and seasonal hours,
// exactly what the planner is given in production.

const data = repoCalendarData();
const holidays = createHolidayCalendar({ data });
const seasonalHours = createSeasonalHours(data.seasonalHours);

const MON_FRI: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const SUN_THU: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu'];

/** A person as the API would store them; Monday–Friday and 09:00–17:00 unless said. */
export function person(
  personId: string,
  timeZone: string,
  country: string,
  side: Side,
  extra: {
    hours?: [string, string];
    workWeek?: 'mon-fri' | 'sun-thu';
    timeOff?: { start: LocalDate; end: LocalDate }[];
  } = {},
): CalendarProfile {
  const [start, end] = extra.hours ?? ['09:00', '17:00'];
  return {
    personId,
    timeZone,
    country,
    region: null,
    workWeek: extra.workWeek === 'sun-thu' ? SUN_THU : MON_FRI,
    workingHours: { start, end },
    side,
    timeOff: extra.timeOff ?? [],
  };
}

/** The working calendars of some people on one engagement. */
export function calendarsOf(
  profiles: readonly CalendarProfile[],
  blackouts: readonly Blackout[] = [],
): WorkingCalendar[] {
  return profiles.map((p) => createWorkingCalendar(p, { holidays, seasonalHours, blackouts }));
}
