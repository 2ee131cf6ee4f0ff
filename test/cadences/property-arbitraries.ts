import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  WEEKDAYS,
  type Side,
  type Weekday,
  type WorkingCalendar,
} from '../../src/calendars/domain/calendar.types';
import { testCalendar } from '../support/test-calendar';

/** Every zone this runtime knows, so the properties also meet the odd ones (Lord Howe, Chatham, Kathmandu). */
export const ALL_ZONES = Intl.supportedValuesOf('timeZone');

const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const SUN_THU: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu'];

/** A usual work week most of the time, any non-empty set of days sometimes. */
export const workWeekArb: fc.Arbitrary<Weekday[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(MON_FRI) },
  { weight: 1, arbitrary: fc.constant(SUN_THU) },
  { weight: 2, arbitrary: fc.subarray([...WEEKDAYS], { minLength: 1 }) },
);

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Daily hours of 4 to 12 h starting on any quarter hour: about a third cross midnight. */
export const hoursArb = fc
  .record({ start: fc.integer({ min: 0, max: 95 }), quarters: fc.integer({ min: 16, max: 48 }) })
  .map(({ start, quarters }) => ({
    start: hhmm(start * 15),
    end: hhmm((start * 15 + quarters * 15) % 1440),
  }));

/** One person: a zone, a work week, hours, and some days off within the first ten weeks. */
export interface PersonSpec {
  zone: string;
  workWeek: Weekday[];
  hours: { start: string; end: string };
  offDays: number[];
}

export const personArb: fc.Arbitrary<PersonSpec> = fc.record({
  zone: fc.constantFrom(...ALL_ZONES),
  workWeek: workWeekArb,
  hours: hoursArb,
  offDays: fc.uniqueArray(fc.integer({ min: -7, max: 70 }), { maxLength: 10 }),
});

/** Any date from 2025 to late 2032, as an ISO date. */
export const startsOnArb: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 2830 })
  .map((days) => DateTime.fromISO('2025-01-01', { zone: 'utc' }).plus({ days }).toISODate());

/** Builds a test calendar for a generated person. */
export function calendarFor(
  spec: PersonSpec,
  personId: string,
  side: Side,
  startsOn: string,
): WorkingCalendar {
  const base = DateTime.fromISO(startsOn, { zone: 'utc' });
  const off = Object.fromEntries(
    spec.offDays.map((d) => [base.plus({ days: d }).toISODate(), `Day off ${d} (${personId})`]),
  );
  return testCalendar({
    personId,
    zone: spec.zone,
    side,
    workWeek: spec.workWeek,
    hours: spec.hours,
    off,
    zoneMath: 'memoised',
  });
}
