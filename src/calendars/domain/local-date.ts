import { WEEKDAYS, type LocalDate, type Weekday } from './calendar.types';

// Pure civil-calendar arithmetic on `YYYY-MM-DD` strings. Day lookups sit on the
// planner's hot path, so this avoids building a Luxon DateTime (or a Date) per call:
// a date becomes a day number (days since 1970-01-01) and back, with integer maths
// (Howard Hinnant's days_from_civil / civil_from_days).

const DASH = 45;
const ZERO = 48;

// Module-level alias: global lookups are slow in sandboxes such as jest's vm (about 30x
// for this arithmetic), and the planner converts day numbers several times per touchpoint.
const { floor } = Math;

/** A calendar date split into numbers (month 1–12). */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days in a Gregorian month (month 1–12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The number written by the ASCII digits text[from, to), or -1 if any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Reads `YYYY-MM-DD` without a regex (this runs for every day lookup); null if not a real date. */
function readLocalDate(value: string): CivilDate | null {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return null;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real Gregorian date written `YYYY-MM-DD` (rejects 2027-02-29, 2027-13-01). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && readLocalDate(value) !== null;
}

/** Splits a `YYYY-MM-DD` string; throws on anything that is not a real date. */
export function parseLocalDate(date: LocalDate): CivilDate {
  const civil = typeof date === 'string' ? readLocalDate(date) : null;
  if (!civil) throw new RangeError(`Not a local date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return civil;
}

/** Formats numbers as `YYYY-MM-DD`. */
export function formatLocalDate({ year, month, day }: CivilDate): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before) of a year, month (1–12) and day. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01 (negative before). */
export function civilToDayNumber({ year, month, day }: CivilDate): number {
  return daysFromCivil(year, month, day);
}

/** The civil date of a day number (days since 1970-01-01). */
export function dayNumberToCivil(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36_524) - floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const day = doy - floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function toDayNumber(date: LocalDate): number {
  return civilToDayNumber(parseLocalDate(date));
}

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(dayNumber: number): LocalDate {
  return formatLocalDate(dayNumberToCivil(dayNumber));
}

/** Calendar arithmetic: `date` plus `days` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The weekday of a date, as the API spells it (`mon` … `sun`). */
export function weekdayOf(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (index 3 with Monday first).
  const index = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return WEEKDAYS[index];
}

/** The Gregorian year of a date. */
export function yearOf(date: LocalDate): number {
  return parseLocalDate(date).year;
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const first = toDayNumber(from);
  const last = toDayNumber(to);
  const out: LocalDate[] = [];
  for (let n = first; n <= last; n++) out.push(fromDayNumber(n));
  return out;
}
