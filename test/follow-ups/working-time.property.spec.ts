import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  WEEKDAYS,
  type CalendarProfile,
  type WorkingCalendar,
} from '../../src/calendars/domain/calendar.types';
import { addDays } from '../../src/calendars/domain/local-date';
import {
  addWorkingTime,
  isWorkingAt,
  nextWorkingMoment,
  workingMillisBetween,
} from '../../src/follow-ups/domain/working-time';
import { calendarOf } from './follow-up.fixture';

// Random people (zones with and without DST, night shifts, odd work weeks, real holidays
// and seasonal hours of the repository's data) at random instants of 2026–2029. `npm test`
// runs this under TZ=UTC; run it under another TZ too (TZ=Asia/Kathmandu) to prove nothing
// reads the machine's zone.

const places = [
  ['Asia/Manila', 'PH'],
  ['America/New_York', 'US'],
  ['Europe/Warsaw', 'PL'],
  ['Asia/Kolkata', 'IN'],
  ['Asia/Riyadh', 'SA'],
  ['Africa/Cairo', 'EG'],
  ['America/Bogota', 'CO'],
  ['Australia/Sydney', 'AU'],
  ['Europe/London', 'GB'],
  ['America/Santiago', 'CL'],
] as const;

const localTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);

const person = fc
  .record({
    place: fc.constantFrom(...places),
    workWeek: fc.subarray([...WEEKDAYS], { minLength: 2 }),
    start: localTime,
    end: localTime,
    timeOffStart: fc.integer({ min: 0, max: 20 }),
    timeOffLength: fc.integer({ min: 0, max: 6 }),
  })
  .filter((p) => p.start !== p.end);

const START = DateTime.fromISO('2026-01-01T00:00:00Z').toMillis();
const END = DateTime.fromISO('2029-12-31T00:00:00Z').toMillis();
const instant = fc.integer({ min: START, max: END }).map((ms) => DateTime.fromMillis(ms, { zone: 'utc' }));
const hours = fc.integer({ min: 1, max: 40 * 4 }).map((quarters) => quarters / 4);
const days = fc.integer({ min: 1, max: 15 });

type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

/** The person's calendar, with a few days of time off soon after `from`. */
function personCalendar(p: Person, from: DateTime): WorkingCalendar {
  const [timeZone, country] = p.place;
  const firstDay = from.setZone(timeZone).toISODate();
  const profile: CalendarProfile = {
    personId: 'p',
    timeZone,
    country,
    region: null,
    workWeek: p.workWeek,
    workingHours: { start: p.start, end: p.end },
    side: 'vendor',
    timeOff: [
      { start: addDays(firstDay, p.timeOffStart), end: addDays(firstDay, p.timeOffStart + p.timeOffLength) },
    ],
  };
  return calendarOf(profile);
}

/** The working day whose window holds `at`, counting a window's end as inside it. */
function windowHolding(calendar: WorkingCalendar, at: DateTime): string | null {
  const date = at.setZone(calendar.timeZone).toISODate();
  for (const candidate of [addDays(date, -1), date]) {
    const day = calendar.day(candidate);
    if (day.window && day.off.length === 0 && day.window.start <= at && at <= day.window.end)
      return candidate;
  }
  return null;
}

describe('working time, for anyone, anywhere', () => {
  it('adds working hours to land inside a working window (or at its end), never on a day off', () => {
    fc.assert(
      fc.property(person, instant, hours, (p, from, amount) => {
        const calendar = personCalendar(p, from);
        const result = addWorkingTime(calendar, from, { hours: amount });
        expect(result > from).toBe(true);
        expect(windowHolding(calendar, result)).not.toBeNull();
      }),
    );
  });

  it('adds working days to land inside a working window (or at its end), never on a day off', () => {
    fc.assert(
      fc.property(person, instant, days, (p, from, amount) => {
        const calendar = personCalendar(p, from);
        const result = addWorkingTime(calendar, from, { days: amount });
        expect(result > from).toBe(true);
        expect(windowHolding(calendar, result)).not.toBeNull();
      }),
    );
  });

  it('counts exactly the working time asked for', () => {
    fc.assert(
      fc.property(person, instant, hours, (p, from, amount) => {
        const calendar = personCalendar(p, from);
        const result = addWorkingTime(calendar, from, { hours: amount });
        expect(workingMillisBetween(calendar, from, result)).toBe(amount * 3_600_000);
      }),
    );
  });

  it('gives the next working moment: not before, working, and no working time skipped', () => {
    fc.assert(
      fc.property(person, instant, (p, at) => {
        const calendar = personCalendar(p, at);
        const next = nextWorkingMoment(calendar, at);
        expect(next >= at).toBe(true);
        expect(isWorkingAt(calendar, next)).toBe(true);
        expect(workingMillisBetween(calendar, at, next)).toBe(0);
        expect(nextWorkingMoment(calendar, next).toMillis()).toBe(next.toMillis());
      }),
    );
  });

  it('never goes back when asked for more', () => {
    fc.assert(
      fc.property(person, instant, hours, hours, days, days, (p, from, h1, h2, d1, d2) => {
        const calendar = personCalendar(p, from);
        const [hLow, hHigh] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const [dLow, dHigh] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(
          addWorkingTime(calendar, from, { hours: hLow }) <= addWorkingTime(calendar, from, { hours: hHigh }),
        ).toBe(true);
        expect(
          addWorkingTime(calendar, from, { days: dLow }) <= addWorkingTime(calendar, from, { days: dHigh }),
        ).toBe(true);
      }),
    );
  });

  it('adds hours in pieces to the same instant as at once', () => {
    fc.assert(
      fc.property(person, instant, hours, hours, (p, from, a, b) => {
        const calendar = personCalendar(p, from);
        const stepwise = addWorkingTime(calendar, addWorkingTime(calendar, from, { hours: a }), { hours: b });
        expect(stepwise.toMillis()).toBe(addWorkingTime(calendar, from, { hours: a + b }).toMillis());
      }),
    );
  });
});
