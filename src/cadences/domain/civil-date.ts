import { WEEKDAYS, type LocalTime, type Weekday } from '../../calendars/domain/calendar.types';
import { daysFromCivil, dayNumberToCivil as civilFromDays } from '../../calendars/domain/local-date';

// Module-level aliases: global lookups are slow in sandboxes such as jest's vm (about 30x
// for this arithmetic), and these functions run several times per touchpoint.
const { floor } = Math;

/**
 * Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), with no zone: the
 * calendars layer's day numbers.
 *
 * Placement walks dates far more often than it converts instants, so date arithmetic is
 * plain integer maths (Howard Hinnant's civil-date algorithms, in calendars' local-date)
 * instead of a Luxon DateTime per step: that keeps the planner's hot path free of allocations.
 */
export type EpochDay = number;

/** Milliseconds in a civil day, used only for local-clock arithmetic (never to add a day to an instant). */
export const DAY_MS = 86_400_000;
/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;

// Parsing and civil-date arithmetic live in the calendars layer; these are the names the
// cadence modules know them by. `toEpochDay` and `parseLocalTime` (minutes after midnight of
// `HH:mm`) throw a RangeError on a string that is not a real date or time.
export {
  daysFromCivil,
  dayNumberToCivil as civilFromDays,
  isLocalDate,
  toDayNumber as toEpochDay,
  fromDayNumber as fromEpochDay,
} from '../../calendars/domain/local-date';
export { minutesOfDay as parseLocalTime } from '../../calendars/domain/local-time';

/** Monday-first weekday index (0 = Monday … 6 = Sunday) of an epoch day; 1970-01-01 was a Thursday. */
export function weekdayIndex(epochDay: EpochDay): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

/** The weekday of an epoch day as the API spells it. */
export function weekdayOf(epochDay: EpochDay): Weekday {
  return WEEKDAYS[weekdayIndex(epochDay)];
}

/** Monday-first index of a weekday (`mon` = 0). */
export function weekdayToIndex(weekday: Weekday): number {
  return WEEKDAYS.indexOf(weekday);
}

/** The Monday of the ISO week that contains the day. */
export function isoWeekMonday(epochDay: EpochDay): EpochDay {
  return epochDay - weekdayIndex(epochDay);
}

/**
 * The ISO week key of a day, e.g. `2027-W12`. The year is the ISO week-year (its Thursday's
 * year), not the calendar year: 2027-01-01 belongs to `2026-W53`.
 */
export function isoWeekKey(epochDay: EpochDay): string {
  const thursday = isoWeekMonday(epochDay) + 3;
  const { year } = civilFromDays(thursday);
  const week = floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad2(week)}`;
}

/** The month key of a day, e.g. `2027-03`. */
export function monthKey(epochDay: EpochDay): string {
  const { year, month } = civilFromDays(epochDay);
  return `${year}-${pad2(month)}`;
}

/** Formats minutes after midnight (0–1439) as `HH:mm`. */
export function formatLocalTime(minuteOfDay: number): LocalTime {
  return `${pad2(floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** English short form used in reasons, `Mar 14 2027`, independent of the machine locale. */
export function formatShortDate(epochDay: EpochDay): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${MONTH_NAMES[month - 1]} ${day} ${year}`;
}

/** English short weekday, `Thu`, independent of the machine locale. */
export function shortWeekdayName(epochDay: EpochDay): string {
  return WEEKDAY_NAMES[weekdayIndex(epochDay)];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
