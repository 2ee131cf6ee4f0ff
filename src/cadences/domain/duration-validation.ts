import type { WorkingHours } from '../../calendars/domain/calendar.types';
import { parseLocalTime } from './civil-date';

/** Length of daily working hours in minutes; a shift that crosses midnight counts to its end. */
export function workingHoursMinutes(hours: WorkingHours): number {
  const start = parseLocalTime(hours.start);
  const end = parseLocalTime(hours.end);
  return end > start ? end - start : end + 24 * 60 - start;
}

/**
 * The longest meeting that can ever sit inside every participant's hours: no common window can
 * be longer than the shortest participant's working day (DST nights aside).
 */
export function maxMeetingMinutes(hours: readonly WorkingHours[]): number {
  return hours.length === 0 ? 0 : Math.min(...hours.map(workingHoursMinutes));
}

/** Whether a meeting of this length can ever fit the participants' hours. */
export function canDurationEverFit(durationMinutes: number, hours: readonly WorkingHours[]): boolean {
  return (
    Number.isInteger(durationMinutes) && durationMinutes > 0 && durationMinutes <= maxMeetingMinutes(hours)
  );
}

/** The verdict on a meeting duration, with a message fit for a 400 on `durationMinutes`. */
export type DurationCheck = { ok: true } | { ok: false; message: string };

/**
 * Checks `durationMinutes` for a meeting cadence: a whole number of minutes, more than 0, and
 * no longer than the shortest working day among the participants.
 */
export function checkMeetingDuration(durationMinutes: number, hours: readonly WorkingHours[]): DurationCheck {
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) {
    return { ok: false, message: 'must be a whole number of minutes greater than 0' };
  }
  const max = maxMeetingMinutes(hours);
  if (durationMinutes > max) {
    return {
      ok: false,
      message: `must be at most ${max} minutes: no participant works longer than that in a day, so a longer meeting can never fit`,
    };
  }
  return { ok: true };
}
