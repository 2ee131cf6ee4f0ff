import { DateTime } from 'luxon';
import type { LocalDate, WorkingCalendar } from '../../calendars/domain/calendar.types';
import { addDays } from '../../calendars/domain/local-date';
import { windowMillis } from '../../calendars/domain/working-calendar';
import { readWallClock } from '../../calendars/domain/zoned-time';

// Working-time arithmetic on one person's WorkingCalendar. The calendar decides which
// local dates are working days and gives each one window as a UTC interval (a night
// shift belongs to the date it starts; DST days have shorter or longer windows). Here
// we only walk those windows in UTC milliseconds, so zones and DST are never redone.
//
// Windows are half-open, [start, end): at the end of a window a person has stopped work.
//
// Semantics, precisely:
// - Working hours: walk forward from `from`, counting only time inside windows. From
//   outside a window the count starts at the next window's start. The result can be a
//   window's end when the amount runs out exactly there (16:00 + 2 h for a person who
//   stops at 18:00 is 18:00, not 09:00 the next morning); nextWorkingMoment then moves a
//   delivery to the next window.
// - Working days: from inside a window, N working days later is the same elapsed offset
//   into the window N working days on (Thu 16:00 + 1 day = Fri 16:00), clamped to that
//   window's end when it is shorter (Ramadan hours, a DST night). From outside a window
//   the position is the start of the next window (offset 0), so Thu 19:00 + 1 working
//   day = Mon 09:00 when Friday is a holiday, and the same as from Fri 09:00.
//   The offset is elapsed time, which equals the wall-clock offset except on a day whose
//   window itself contains a DST change (a night shift on the night the clocks move).
// - Days are applied before hours when both are given.
// - A search for the next working window gives up after MAX_SEARCH_DAYS local dates with
//   NoWorkingTimeError, so a person with an empty work week cannot loop forever.

/** How far ahead the next working window is looked for before giving up. */
export const MAX_SEARCH_DAYS = 60;

const HOUR_MS = 3_600_000;

/** An amount of working time: whole working days, then working hours (fractions allowed). */
export interface WorkingTimeAmount {
  hours?: number;
  days?: number;
}

/** A person has no working window in MAX_SEARCH_DAYS: an empty work week, or a very long time off. */
export class NoWorkingTimeError extends Error {
  readonly code = 'NO_WORKING_TIME';

  constructor(
    readonly personId: string,
    readonly timeZone: string,
    readonly from: LocalDate,
  ) {
    super(
      `${personId} has no working time in the ${MAX_SEARCH_DAYS} days from ${from} (${timeZone}): ` +
        'check their work week, working hours and time off',
    );
    this.name = 'NoWorkingTimeError';
  }
}

/** One working day's window in UTC milliseconds, with the local date it belongs to. */
interface DatedWindow {
  date: LocalDate;
  start: number;
  end: number;
}

/**
 * `amount` of the person's working time after `from` (see the semantics above). A zero
 * amount returns `from` unchanged, even outside working hours: "immediately" is the
 * caller's nextWorkingMoment, not this function's. The result is in UTC.
 * @throws RangeError for a negative, non-finite or fractional-days amount
 * @throws NoWorkingTimeError when no working window exists within MAX_SEARCH_DAYS
 */
export function addWorkingTime(
  calendar: WorkingCalendar,
  from: DateTime,
  amount: WorkingTimeAmount,
): DateTime {
  const hours = amount.hours ?? 0;
  const days = amount.days ?? 0;
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Working hours must be 0 or more: ${hours}`);
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`Working days must be a whole number, 0 or more: ${days}`);
  let at = from.toMillis();
  if (days > 0) at = addWorkingDays(calendar, at, days);
  if (hours > 0) at = addWorkingMillis(calendar, at, Math.round(hours * HOUR_MS));
  return utc(at);
}

/**
 * `at` when the person is working then, else the start of their next working window: the
 * earliest moment a message to them may go out (queued, never dropped). The result is in UTC.
 * @throws NoWorkingTimeError when no working window exists within MAX_SEARCH_DAYS
 */
export function nextWorkingMoment(calendar: WorkingCalendar, at: DateTime): DateTime {
  const ms = at.toMillis();
  return utc(Math.max(ms, nextWindow(calendar, ms).start));
}

/** True when `at` falls inside one of the person's working windows (start included, end not). */
export function isWorkingAt(calendar: WorkingCalendar, at: DateTime): boolean {
  return windowContaining(calendar, at.toMillis()) !== null;
}

/**
 * The local date of the working window `at` falls in (for a night shift, the date it
 * started), or null outside working hours. Says which day's time off or holiday governs a
 * delivery at `at`.
 */
export function workingDateAt(calendar: WorkingCalendar, at: DateTime): LocalDate | null {
  return windowContaining(calendar, at.toMillis())?.date ?? null;
}

/**
 * The person's working time between two instants, in milliseconds (0 when `to` is not
 * after `from`). The inverse of addWorkingTime with hours: adding the result to `from`
 * reaches `to` whenever `to` is inside or at the end of a window.
 */
export function workingMillisBetween(calendar: WorkingCalendar, from: DateTime, to: DateTime): number {
  const start = from.toMillis();
  const end = to.toMillis();
  if (end <= start) return 0;
  let total = 0;
  const last = localDateAt(calendar, end);
  for (let date = addDays(localDateAt(calendar, start), -1); date <= last; date = addDays(date, 1)) {
    const window = windowOn(calendar, date);
    if (window) total += Math.max(0, Math.min(end, window.end) - Math.max(start, window.start));
  }
  return total;
}

function addWorkingMillis(calendar: WorkingCalendar, from: number, amount: number): number {
  let cursor = from;
  let remaining = amount;
  for (;;) {
    const window = nextWindow(calendar, cursor);
    cursor = Math.max(cursor, window.start);
    const available = window.end - cursor;
    if (remaining <= available) return cursor + remaining;
    remaining -= available;
    cursor = window.end;
  }
}

function addWorkingDays(calendar: WorkingCalendar, from: number, days: number): number {
  const inside = windowContaining(calendar, from);
  const base = inside ?? nextWindow(calendar, from);
  const offset = inside ? from - inside.start : 0;
  let target = base;
  for (let n = 0; n < days; n++) target = nextWorkingDayAfter(calendar, target.date);
  return Math.min(target.start + offset, target.end);
}

/** The window containing `at`, if any. A window of date d lies within local dates d and d+1. */
function windowContaining(calendar: WorkingCalendar, at: number): DatedWindow | null {
  const date = localDateAt(calendar, at);
  for (const candidate of [addDays(date, -1), date]) {
    const window = windowOn(calendar, candidate);
    if (window && window.start <= at && at < window.end) return window;
  }
  return null;
}

/** The first window ending after `at`: the one containing it, or the next to start. */
function nextWindow(calendar: WorkingCalendar, at: number): DatedWindow {
  const today = localDateAt(calendar, at);
  // From yesterday: last night's shift may still be running.
  for (let offset = -1; offset <= MAX_SEARCH_DAYS; offset++) {
    const window = windowOn(calendar, addDays(today, offset));
    if (window && window.end > at) return window;
  }
  throw new NoWorkingTimeError(calendar.personId, calendar.timeZone, today);
}

function nextWorkingDayAfter(calendar: WorkingCalendar, date: LocalDate): DatedWindow {
  for (let offset = 1; offset <= MAX_SEARCH_DAYS; offset++) {
    const window = windowOn(calendar, addDays(date, offset));
    if (window) return window;
  }
  throw new NoWorkingTimeError(calendar.personId, calendar.timeZone, date);
}

/** A date's window, or null when the date is off or its window is empty (a start skipped past the end by DST). */
function windowOn(calendar: WorkingCalendar, date: LocalDate): DatedWindow | null {
  const window = windowMillis(calendar.day(date));
  if (!window) return null;
  const { startMs: start, endMs: end } = window;
  return end > start ? { date, start, end } : null;
}

function localDateAt(calendar: WorkingCalendar, at: number): LocalDate {
  return readWallClock(at, calendar.timeZone).date;
}

function utc(ms: number): DateTime {
  return DateTime.fromMillis(ms, { zone: 'utc' });
}
