import Holidays from 'date-holidays';
import fc from 'fast-check';
import {
  WEEKDAYS,
  type Blackout,
  type CalendarProfile,
  type Side,
} from '../../src/calendars/domain/calendar.types';
import { createHolidayCalendar } from '../../src/calendars/domain/holiday-calendar';
import { createLibraryHolidaySource } from '../../src/calendars/domain/library-holidays';
import { addDays, fromDayNumber, toDayNumber, weekdayOf } from '../../src/calendars/domain/local-date';
import { minutesOfDay } from '../../src/calendars/domain/local-time';
import { createSeasonalHours } from '../../src/calendars/domain/seasonal-hours';
import { createWorkingCalendar } from '../../src/calendars/domain/working-calendar';
import { crossesMidnight } from '../../src/calendars/domain/working-window';
import { readWallClock, resolveWallTime } from '../../src/calendars/domain/zoned-time';
import { repoCalendarData } from './calendar-data.fixture';

// Random people (any IANA zone Node knows, any country date-holidays knows, any hours,
// any work week) on random dates of 2025–2032. `npm test` runs under TZ=UTC; the last
// property switches the process between machine zones itself, so a dependency on the
// machine's zone fails even there.

const data = repoCalendarData();
const holidays = createHolidayCalendar({ data });
const seasonalHours = createSeasonalHours(data.seasonalHours);
const zones = Intl.supportedValuesOf('timeZone');
const countries = Object.keys(new Holidays().getCountries());
const MINUTE_MS = 60_000;
// The largest DST shift in the tz database (Antarctica/Troll, two hours).
const MAX_SHIFT_MINUTES = 120;

const localTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
const dayNumber = fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2032-12-31') });
const side = fc.constantFrom<Side>('client', 'vendor');

const person = fc.record({
  timeZone: fc.constantFrom(...zones),
  country: fc.constantFrom(...countries),
  workWeek: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  start: localTime,
  end: localTime,
  side,
  date: dayNumber,
  timeOffStart: fc.integer({ min: -10, max: 10 }),
  timeOffLength: fc.integer({ min: 0, max: 5 }),
  blackoutOffsets: fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), side), { maxLength: 3 }),
});

describe('every working window, for anyone, anywhere, any day', () => {
  it('lies within the person’s working day and never on a weekend, holiday, time off or own-side blackout', () => {
    fc.assert(
      fc.property(person, (p) => {
        fc.pre(p.start !== p.end);
        const date = fromDayNumber(p.date);
        const timeOff = [
          { start: addDays(date, p.timeOffStart), end: addDays(date, p.timeOffStart + p.timeOffLength) },
        ];
        const blackouts: Blackout[] = p.blackoutOffsets.map(([offset, blackoutSide]) => ({
          date: addDays(date, offset),
          side: blackoutSide,
          name: 'Shutdown',
        }));
        const profile: CalendarProfile = {
          personId: 'p',
          timeZone: p.timeZone,
          country: p.country,
          region: null,
          workWeek: p.workWeek,
          workingHours: { start: p.start, end: p.end },
          side: p.side,
          timeOff,
        };
        const calendar = createWorkingCalendar(profile, { holidays, seasonalHours, blackouts });
        // A week around the drawn date, so weekends and neighbouring holidays come up often.
        for (let offset = -3; offset <= 3; offset++) {
          const day = calendar.day(addDays(date, offset));
          const isOff =
            !p.workWeek.includes(weekdayOf(day.date)) ||
            holidays.on(p.country, null, day.date).length > 0 ||
            timeOff.some((range) => range.start <= day.date && day.date <= range.end) ||
            blackouts.some((blackout) => blackout.side === p.side && blackout.date === day.date);
          expect(day.window === null).toBe(isOff);
          expect(day.off.length > 0).toBe(isOff);
          for (const reason of day.off) {
            expect(reason.label).not.toBe('');
            if (reason.kind === 'holiday') expect(reason.holidayId).toMatch(new RegExp(`^${p.country}-`));
          }
          if (!day.window) continue;

          const start = day.window.start.toMillis();
          const end = day.window.end.toMillis();
          const startResolution = resolveWallTime(day.date, day.hours.start, p.timeZone);
          const startsAt = readWallClock(start, p.timeZone);
          const endsAt = readWallClock(end, p.timeZone);
          const nightShift = crossesMidnight(day.hours);
          // Starts at the person's start time on that date (or later, when a DST gap skipped it).
          if (startResolution.kind === 'skipped') {
            expect(start).toBeGreaterThan(resolveWallTime(day.date, '00:00', p.timeZone).utcMillis - 1);
          } else {
            expect(startsAt).toMatchObject({ date: day.date, time: `${day.hours.start}:00` });
          }
          // Ends on the same date, or the next one for a night shift, never later.
          expect(endsAt.date <= (nightShift ? addDays(day.date, 1) : day.date)).toBe(true);
          // As long as the hours say, give or take a DST change.
          const nominal = (minutesOfDay(day.hours.end) - minutesOfDay(day.hours.start) + 1440) % 1440 || 1440;
          const actual = (end - start) / MINUTE_MS;
          expect(actual).toBeGreaterThanOrEqual(0);
          if (actual > 0) expect(Math.abs(actual - nominal)).toBeLessThanOrEqual(MAX_SHIFT_MINUTES);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is the same whatever time zone the machine is in', () => {
    // Fresh date-holidays caches, so each machine zone computes its holidays itself.
    const machineZones = ['Pacific/Chatham', 'America/St_Johns'] as const;
    const calendars = machineZones.map((machineZone) => ({
      machineZone,
      holidays: createHolidayCalendar({ data, library: createLibraryHolidaySource() }),
    }));
    const original = process.env.TZ;
    try {
      fc.assert(
        fc.property(person, (p) => {
          fc.pre(p.start !== p.end);
          const profile: CalendarProfile = {
            personId: 'p',
            timeZone: p.timeZone,
            country: p.country,
            region: null,
            workWeek: p.workWeek,
            workingHours: { start: p.start, end: p.end },
            side: p.side,
            timeOff: [],
          };
          const answers = calendars.map(({ machineZone, holidays: machineHolidays }) => {
            process.env.TZ = machineZone;
            const day = createWorkingCalendar(profile, {
              holidays: machineHolidays,
              seasonalHours,
              blackouts: [],
            }).day(fromDayNumber(p.date));
            return {
              window: day.window?.toISO() ?? null,
              off: day.off,
              hours: day.hours,
              hoursRule: day.hoursRule,
            };
          });
          expect(answers[1]).toEqual(answers[0]);
        }),
        { numRuns: 60 },
      );
    } finally {
      process.env.TZ = original;
    }
  });
});
