import type { LocalTime } from './calendar.types';
import { isValidLocalTime } from './calendar-validation';

/** Hours and minutes of a wall-clock time. */
export interface ClockTime {
  hour: number;
  minute: number;
}

/** Splits `HH:mm`; throws on anything else (input is validated at the API boundary). */
export function parseLocalTime(time: LocalTime): ClockTime {
  if (!isValidLocalTime(time)) throw new RangeError(`Not a local time (HH:mm): ${JSON.stringify(time)}`);
  return { hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) };
}

/** Minutes after midnight of `HH:mm`. */
export function minutesOfDay(time: LocalTime): number {
  const { hour, minute } = parseLocalTime(time);
  return hour * 60 + minute;
}
