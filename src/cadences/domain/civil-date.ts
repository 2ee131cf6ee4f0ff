import {
  WEEKDAYS,
  type LocalDate,
  type LocalTime,
  type Weekday,
} from '../../calendars/domain/calendar.types';

// Module-level aliases: global lookups are slow in sandboxes such as jest's vm (about 30x
// for this arithmetic), and these functions run several times per touchpoint.
const { floor } = Math;

/**
 * Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), with no zone.
 *
 * Placement walks dates far more often than it converts instants, so date arithmetic is
 * plain integer maths here (Howard Hinnant's civil-date algorithms) instead of a Luxon
 * DateTime per step: that keeps the planner's hot path free of allocations.
 */
export type EpochDay = number;

/** Milliseconds in a civil day, used only for local-clock arithmetic (never to add a day to an instant). */
export const DAY_MS = 86_400_000;
/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 of a proleptic Gregorian year, month (1–12) and day. */
export function daysFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The year, month (1–12) and day of an epoch day. */
export function civilFromDays(epochDay: EpochDay): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36_524) - floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const day = doy - floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whether a string is a real `YYYY-MM-DD` date (2027-02-29 is not). */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const back = civilFromDays(daysFromCivil(year, month, day));
  return back.month === month && back.day === day;
}

/**
 * Parses a `YYYY-MM-DD` local date into an epoch day.
 * @throws Error when the string is not a real date, so a bad date never turns into a silent shift.
 */
export function toEpochDay(date: LocalDate): EpochDay {
  if (!isLocalDate(date)) throw new Error(`Not a local date (YYYY-MM-DD): ${date}`);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Formats an epoch day as `YYYY-MM-DD`. */
export function fromEpochDay(epochDay: EpochDay): LocalDate {
  const { year, month, day } = civilFromDays(epochDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

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

/** Whether a string is a wall-clock time `HH:mm` between 00:00 and 23:59. */
export function isLocalTime(value: string): boolean {
  return LOCAL_TIME.test(value);
}

/**
 * Minutes after midnight of a `HH:mm` wall-clock time.
 * @throws Error on anything else, e.g. `24:00` or `9:00`.
 */
export function parseLocalTime(time: LocalTime): number {
  const m = LOCAL_TIME.exec(time);
  if (!m) throw new Error(`Not a local time (HH:mm): ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
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
