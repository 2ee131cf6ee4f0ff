import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../calendars/domain/calendar.types';
import { fromDayNumber } from '../../calendars/domain/local-date';
import { dayFactsReader, windowMillis, type WindowMillis } from '../../calendars/domain/working-calendar';
import { wallTimeToUtcMillis } from '../../calendars/domain/zoned-time';
import { zoneOffsetMinutes } from '../../calendars/domain/zone-offsets';

/** How far back to look for a vendor working day before giving up on the calendar. */
const SEARCH_DAYS = 21;
/** A request lands at least this long before the vendor's day ends. */
const BEFORE_END_MS = 30 * 60_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * When to send the request for a report due at `dueAt`: `leadDays` vendor
 * working days earlier, at the due's local time moved inside that day's
 * working window. A Friday 17:00 due for a 09:00–18:00 vendor is asked for on
 * Thursday at 17:00; a 20:00 due is asked for at 17:30, half an hour before
 * they leave, so the mail lands while they are still at work. Without a
 * working day in reach it falls back to `leadDays` calendar days earlier.
 */
export function reportRequestAt(vendor: WorkingCalendar, dueAt: DateTime, leadDays: number): DateTime {
  if (leadDays <= 0) return dueAt;
  const found = requestInWorkingTime(vendor, dueAt.toMillis(), leadDays);
  return found === null ? dueAt.minus({ days: leadDays }) : DateTime.fromMillis(found, { zone: 'utc' });
}

/**
 * {@link reportRequestAt} on epoch milliseconds, for the planner, which calls it for every
 * report it plans: day numbers, cached zone offsets and the calendar's windows as numbers
 * rather than Luxon objects. The due's local time is read to the minute, as the wall clock
 * shows it (seconds dropped).
 */
export function reportRequestAtMillis(vendor: WorkingCalendar, dueMs: number, leadDays: number): number {
  if (leadDays <= 0) return dueMs;
  // Without a working day in reach: leadDays calendar days earlier in UTC (always 24 hours each).
  return requestInWorkingTime(vendor, dueMs, leadDays) ?? dueMs - leadDays * DAY_MS;
}

/** The request instant inside the vendor's working window `leadDays` working days back, or null. */
function requestInWorkingTime(vendor: WorkingCalendar, dueMs: number, leadDays: number): number | null {
  const zone = vendor.timeZone;
  const local = dueMs + zoneOffsetMinutes(zone, dueMs) * MINUTE_MS;
  const dueDay = Math.floor(local / DAY_MS);
  const minute = Math.floor((local - dueDay * DAY_MS) / MINUTE_MS);
  const windowOn = windowReader(vendor);
  let found = 0;
  for (let day = dueDay - 1; day >= dueDay - SEARCH_DAYS; day--) {
    const window = windowOn(day);
    if (window === null) continue;
    found += 1;
    if (found < leadDays) continue;
    const latest = Math.max(window.startMs, window.endMs - BEFORE_END_MS);
    const wanted = wallTimeToUtcMillis(day, minute, zone);
    return Math.min(Math.max(wanted, window.startMs), latest);
  }
  return null;
}

/** A calendar's working window by day number: from its facts when it has them, else its days. */
function windowReader(calendar: WorkingCalendar): (dayNumber: number) => WindowMillis | null {
  const facts = dayFactsReader(calendar);
  if (facts === undefined) return (dayNumber) => windowMillis(calendar.day(fromDayNumber(dayNumber)));
  return (dayNumber) => {
    const { startMs, endMs } = facts(dayNumber);
    return Number.isNaN(startMs) ? null : { startMs, endMs };
  };
}
