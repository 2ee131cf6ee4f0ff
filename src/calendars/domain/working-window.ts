import { DateTime, Interval } from 'luxon';
import type { LocalDate, WorkingHours } from './calendar.types';
import { toDayNumber } from './local-date';
import { minutesOfDay } from './local-time';
import { wallTimeToUtcMillis } from './zoned-time';

/** True when the hours cross midnight (21:00–06:00), i.e. the end is not after the start. */
export function crossesMidnight(hours: WorkingHours): boolean {
  return minutesOfDay(hours.end) <= minutesOfDay(hours.start);
}

/** A working window as epoch milliseconds, `[startMs, endMs]`. */
export interface WindowMillis {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * The UTC interval of one day's working hours in a zone. Wall times are resolved by
 * resolveWallTime, so:
 * - a night shift (end not after start) ends on the next date and belongs to `date`;
 * - on a spring-forward day the window is shorter and on a fall-back day longer, because
 *   the wall-clock hours are kept, not the duration;
 * - a start time that does not exist moves forward by the gap (02:30 -> 03:30);
 * - an ambiguous start or end time takes the earlier offset (its first occurrence).
 * If a skipped start moves past the end (02:30–03:00 on a spring-forward day) the window is empty.
 */
export function workingWindow(date: LocalDate, hours: WorkingHours, zone: string): Interval {
  const { startMs, endMs } = workingWindowMillis(
    toDayNumber(date),
    minutesOfDay(hours.start),
    minutesOfDay(hours.end),
    zone,
  );
  return windowInterval(startMs, endMs);
}

/**
 * {@link workingWindow} as numbers, for a day number (days since 1970-01-01) and hours in
 * minutes after midnight: the same instants, without parsing strings or building Luxon
 * objects (a working calendar computes one per person-day, the planner tens of thousands).
 */
export function workingWindowMillis(
  dayNumber: number,
  startMinute: number,
  endMinute: number,
  zone: string,
): WindowMillis {
  const startMs = wallTimeToUtcMillis(dayNumber, startMinute, zone);
  const endDay = endMinute <= startMinute ? dayNumber + 1 : dayNumber;
  return { startMs, endMs: Math.max(startMs, wallTimeToUtcMillis(endDay, endMinute, zone)) };
}

/** A window in epoch milliseconds as the UTC Interval the calendar API hands out. */
export function windowInterval(startMs: number, endMs: number): Interval {
  return Interval.fromDateTimes(
    DateTime.fromMillis(startMs, { zone: 'utc' }),
    DateTime.fromMillis(endMs, { zone: 'utc' }),
  );
}
