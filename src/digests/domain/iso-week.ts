import { DateTime } from 'luxon';
import type { LocalDate } from '../../calendars/domain/calendar.types';
import type { DigestWeek } from './digest.model';

/** `2027-W10`: an ISO week-year (not always the calendar year) and a two-digit week number. */
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/**
 * Reads `2027-W10` strictly: the shape, and a week that exists in that week-year
 * (2026 has a week 53, 2027 has not). Null for anything else.
 */
export function parseIsoWeek(text: string): { weekYear: number; weekNumber: number } | null {
  const match = ISO_WEEK.exec(text);
  if (match === null) return null;
  const weekYear = Number(match[1]);
  const weekNumber = Number(match[2]);
  if (weekYear < 1000 || weekNumber < 1) return null;
  // Week 28 of any week-year is mid-year: its `weeksInWeekYear` says whether 53 exists.
  if (
    weekNumber >
    DateTime.fromObject({ weekYear, weekNumber: 28, weekday: 1 }, { zone: 'UTC' }).weeksInWeekYear
  )
    return null;
  return { weekYear, weekNumber };
}

/** The ISO week a local date falls in: `2027-01-03` (a Sunday) is `2026-W53`. */
export function isoWeekOf(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat("kkkk-'W'WW");
}

/**
 * The Monday-to-Sunday dates of an ISO week.
 * @throws RangeError for a malformed or non-existent week
 */
export function digestWeekOf(isoWeek: string): DigestWeek {
  const parsed = parseIsoWeek(isoWeek);
  if (parsed === null) throw new RangeError(`not an ISO week: ${isoWeek}`);
  const monday = DateTime.fromObject({ ...parsed, weekday: 1 }, { zone: 'UTC' });
  return { isoWeek, start: monday.toISODate(), end: monday.plus({ days: 6 }).toISODate() };
}

/** The ISO week `weeks` weeks after (or before, when negative) the given one. */
export function addIsoWeeks(isoWeek: string, weeks: number): string {
  const monday = DateTime.fromISO(digestWeekOf(isoWeek).start, { zone: 'UTC' });
  return isoWeekOf(monday.plus({ weeks }).toISODate());
}
