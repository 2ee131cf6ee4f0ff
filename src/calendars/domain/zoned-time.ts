import type { LocalDate, LocalTime } from './calendar.types';
import { civilToDayNumber, dayNumberToCivil, formatLocalDate, parseLocalDate } from './local-date';
import { parseLocalTime } from './local-time';
import { zoneOffsetMinutes } from './zone-offsets';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** How a wall-clock time mapped to an instant. */
export type WallTimeKind = 'unique' | 'skipped' | 'repeated';

/** One wall-clock time of one zone, resolved to a UTC instant. */
export interface ResolvedWallTime {
  /** Milliseconds since the epoch (UTC). */
  utcMillis: number;
  /** The zone's offset from UTC at that instant, in minutes. */
  offsetMinutes: number;
  /** `skipped`: the time did not exist (spring forward); `repeated`: it happened twice (fall back). */
  kind: WallTimeKind;
}

/** A UTC instant seen on one zone's wall clock. */
export interface WallClockReading {
  date: LocalDate;
  /** `HH:mm:ss`. */
  time: string;
  offsetMinutes: number;
}

/**
 * Resolves a wall-clock time in an IANA zone to a UTC instant, with an explicit
 * policy for the two DST edge cases. Luxon alone is not consistent for repeated
 * times: 3.7 resolves 01:30 on a fall-back day to the later instant in New York and
 * London but to the earlier one in Sydney.
 *
 * - skipped (02:30 on a spring-forward day): read with the offset in force *before*
 *   the gap, so the time moves forward by the gap's length (02:30 EST -> 03:30 EDT).
 *   This is RFC 5545's rule for DTSTART in a gap, Python's `fold=0`, and Luxon's push.
 * - repeated (01:30 on a fall-back day): the earlier of the two instants, i.e. the
 *   first occurrence (01:30 EDT in New York), Python's `fold=0`.
 *
 * Assumes a zone changes offset at most once within a day either side of the time,
 * which holds for every zone in the tz database in the years Cadence plans for.
 */
export function resolveWallTime(date: LocalDate, time: LocalTime, zoneName: string): ResolvedWallTime {
  const { hour, minute } = parseLocalTime(time);
  return resolveWall(civilToDayNumber(parseLocalDate(date)), hour * 60 + minute, zoneName);
}

/**
 * {@link resolveWallTime} for a day number (days since 1970-01-01) and minutes after
 * midnight, returning only the instant. Working calendars resolve two wall times per
 * person-day; this skips parsing strings and building a result object for each.
 */
export function wallTimeToUtcMillis(dayNumber: number, minuteOfDay: number, zoneName: string): number {
  return resolveWall(dayNumber, minuteOfDay, zoneName).utcMillis;
}

function resolveWall(dayNumber: number, minuteOfDay: number, zoneName: string): ResolvedWallTime {
  const offsetAt = (utcMillis: number): number => zoneOffsetMinutes(zoneName, utcMillis);
  // The wall time read as if it were UTC; subtracting the right offset gives the instant.
  const wall = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
  const offsetBefore = offsetAt(wall - DAY_MS);
  const offsetAfter = offsetAt(wall + DAY_MS);
  const utcBefore = wall - offsetBefore * MINUTE_MS;
  const utcAfter = wall - offsetAfter * MINUTE_MS;
  const beforeFits = offsetAt(utcBefore) === offsetBefore;
  const afterFits = offsetBefore !== offsetAfter && offsetAt(utcAfter) === offsetAfter;
  if (beforeFits && afterFits) {
    // Fall back: both offsets read back; the earlier instant is the first occurrence.
    return utcBefore <= utcAfter
      ? { utcMillis: utcBefore, offsetMinutes: offsetBefore, kind: 'repeated' }
      : { utcMillis: utcAfter, offsetMinutes: offsetAfter, kind: 'repeated' };
  }
  if (beforeFits) return { utcMillis: utcBefore, offsetMinutes: offsetBefore, kind: 'unique' };
  if (afterFits) return { utcMillis: utcAfter, offsetMinutes: offsetAfter, kind: 'unique' };
  // Spring forward: neither reads back; keep the offset from before the gap.
  return { utcMillis: utcBefore, offsetMinutes: offsetAt(utcBefore), kind: 'skipped' };
}

/** What a zone's wall clock showed at a UTC instant. */
export function readWallClock(utcMillis: number, zoneName: string): WallClockReading {
  const offsetMinutes = zoneOffsetMinutes(zoneName, utcMillis);
  const local = utcMillis + offsetMinutes * MINUTE_MS;
  const dayNumber = Math.floor(local / DAY_MS);
  const seconds = Math.floor((local - dayNumber * DAY_MS) / 1000);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return { date: formatLocalDate(dayNumberToCivil(dayNumber)), time: `${hh}:${mm}:${ss}`, offsetMinutes };
}
