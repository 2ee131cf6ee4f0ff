import { DateTime } from 'luxon';
import type { CalendarProfile, WorkingCalendar } from '../../calendars/domain/calendar.types';
import { createHolidayCalendar } from '../../calendars/domain/holiday-calendar';
import { createSeasonalHours } from '../../calendars/domain/seasonal-hours';
import { createWorkingCalendar } from '../../calendars/domain/working-calendar';
import {
  addWorkingTime,
  isWorkingAt,
  MAX_SEARCH_DAYS,
  NoWorkingTimeError,
  nextWorkingMoment,
  workingDateAt,
  workingMillisBetween,
} from './working-time';

// Holidays from date-holidays alone (no overlays), on a week of March 2027 with none in
// the Philippines; the scenario specs in test/follow-ups use the repository's calendar data.
const holidays = createHolidayCalendar({
  data: { holidayTypes: { default: ['public'], countries: new Map() }, overlays: new Map() },
});
const seasonalHours = createSeasonalHours([
  {
    name: 'Ramadan hours',
    countries: ['SA'],
    hijriMonth: 9,
    hours: { start: '09:00', end: '15:00' },
    source: 'test',
  },
]);

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

function calendar(overrides: Partial<CalendarProfile> = {}): WorkingCalendar {
  const profile: CalendarProfile = {
    personId: 'maria',
    timeZone: 'Asia/Manila',
    country: 'PH',
    region: null,
    workWeek: weekdays,
    workingHours: { start: '09:00', end: '18:00' },
    side: 'vendor',
    timeOff: [],
    ...overrides,
  };
  return createWorkingCalendar(profile, { holidays, seasonalHours, blackouts: [] });
}

const maria = calendar();
const mariaNights = calendar({ workingHours: { start: '21:00', end: '06:00' } });
const jim = calendar({
  personId: 'jim',
  timeZone: 'America/New_York',
  country: 'US',
  side: 'client',
  workingHours: { start: '09:00', end: '17:00' },
});

/** A wall-clock time in a zone, e.g. at('2027-03-17 10:00', 'Asia/Manila'). */
function at(local: string, zone = 'Asia/Manila'): DateTime {
  return DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone });
}

/** An instant as wall-clock time in a zone, for readable expectations. */
function local(instant: DateTime, zone = 'Asia/Manila'): string {
  return instant.setZone(zone).toFormat('ccc yyyy-MM-dd HH:mm');
}

describe('addWorkingTime with hours', () => {
  it('stays inside the day when the hours fit', () => {
    expect(local(addWorkingTime(maria, at('2027-03-17 10:00'), { hours: 2 }))).toBe('Wed 2027-03-17 12:00');
  });

  it('carries what is left of the day over to the next morning', () => {
    expect(local(addWorkingTime(maria, at('2027-03-17 17:00'), { hours: 2 }))).toBe('Thu 2027-03-18 10:00');
  });

  it('ends at the close of the window when the hours run out exactly there', () => {
    const end = addWorkingTime(maria, at('2027-03-17 16:00'), { hours: 2 });
    expect(local(end)).toBe('Wed 2027-03-17 18:00');
    expect(isWorkingAt(maria, end)).toBe(false);
    expect(local(nextWorkingMoment(maria, end))).toBe('Thu 2027-03-18 09:00');
  });

  it('starts counting at the next window when asked outside working hours', () => {
    expect(local(addWorkingTime(maria, at('2027-03-17 07:00'), { hours: 1 }))).toBe('Wed 2027-03-17 10:00');
    expect(local(addWorkingTime(maria, at('2027-03-17 20:00'), { hours: 1 }))).toBe('Thu 2027-03-18 10:00');
  });

  it('skips the weekend of the person’s work week', () => {
    expect(local(addWorkingTime(maria, at('2027-03-19 17:00'), { hours: 2 }))).toBe('Mon 2027-03-22 10:00');
    const omar = calendar({
      personId: 'omar',
      timeZone: 'Asia/Riyadh',
      country: 'SA',
      workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
      workingHours: { start: '08:00', end: '17:00' },
    });
    // Thursday evening in Riyadh: Friday and Saturday are the weekend.
    expect(
      local(addWorkingTime(omar, at('2027-01-07 16:00', 'Asia/Riyadh'), { hours: 2 }), 'Asia/Riyadh'),
    ).toBe('Sun 2027-01-10 09:00');
  });

  it('skips time off that is part of the calendar', () => {
    const away = calendar({ timeOff: [{ start: '2027-06-07', end: '2027-06-09' }] });
    expect(local(addWorkingTime(away, at('2027-06-04 17:00'), { hours: 2 }))).toBe('Thu 2027-06-10 10:00');
  });

  it('counts fractions of an hour', () => {
    expect(local(addWorkingTime(maria, at('2027-03-17 17:45'), { hours: 0.5 }))).toBe('Thu 2027-03-18 09:15');
  });

  it('walks a night shift across midnight and into the next night', () => {
    // Monday's shift runs 21:00 Mon to 06:00 Tue; an hour is left of it at 05:00.
    expect(local(addWorkingTime(mariaNights, at('2027-03-16 05:00'), { hours: 2 }))).toBe(
      'Tue 2027-03-16 22:00',
    );
    // Friday's shift ends Saturday 06:00; the next one starts Monday 21:00.
    expect(local(addWorkingTime(mariaNights, at('2027-03-20 05:00'), { hours: 2 }))).toBe(
      'Mon 2027-03-22 22:00',
    );
  });

  it('keeps counting real hours across a change to daylight time', () => {
    // Friday 12 March 2027 16:00 EST; New York springs forward on Sunday the 14th.
    const monday = addWorkingTime(jim, at('2027-03-12 16:00', 'America/New_York'), { hours: 2 });
    expect(local(monday, 'America/New_York')).toBe('Mon 2027-03-15 10:00');
    expect(monday.toISO()).toBe('2027-03-15T14:00:00.000Z');
  });

  it('returns the start itself, in UTC, for no working time at all', () => {
    const evening = at('2027-03-17 20:00');
    expect(addWorkingTime(maria, evening, {}).toISO()).toBe('2027-03-17T12:00:00.000Z');
    expect(addWorkingTime(maria, evening, { hours: 0, days: 0 }).toMillis()).toBe(evening.toMillis());
  });
});

describe('addWorkingTime with days', () => {
  it('lands at the same point of the next working day', () => {
    expect(local(addWorkingTime(maria, at('2027-03-17 16:00'), { days: 1 }))).toBe('Thu 2027-03-18 16:00');
    expect(local(addWorkingTime(maria, at('2027-03-19 16:00'), { days: 1 }))).toBe('Mon 2027-03-22 16:00');
    expect(local(addWorkingTime(maria, at('2027-03-17 09:00'), { days: 3 }))).toBe('Mon 2027-03-22 09:00');
  });

  it('counts from the start of the next window when asked outside working hours', () => {
    expect(local(addWorkingTime(maria, at('2027-03-17 19:00'), { days: 1 }))).toBe('Fri 2027-03-19 09:00');
    expect(local(addWorkingTime(maria, at('2027-03-17 07:00'), { days: 1 }))).toBe('Thu 2027-03-18 09:00');
    expect(local(addWorkingTime(maria, at('2027-03-17 18:00'), { days: 1 }))).toBe('Fri 2027-03-19 09:00');
  });

  it('clamps to the end of a shorter window (Ramadan hours)', () => {
    const omar = calendar({
      personId: 'omar',
      timeZone: 'Asia/Riyadh',
      country: 'SA',
      workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
      workingHours: { start: '08:00', end: '17:00' },
    });
    // Sunday 7 February 08:00–17:00; Monday 8 February is the first day of Ramadan hours, 09:00–15:00.
    expect(
      local(addWorkingTime(omar, at('2027-02-07 16:00', 'Asia/Riyadh'), { days: 1 }), 'Asia/Riyadh'),
    ).toBe('Mon 2027-02-08 15:00');
    expect(
      local(addWorkingTime(omar, at('2027-02-07 10:00', 'Asia/Riyadh'), { days: 1 }), 'Asia/Riyadh'),
    ).toBe('Mon 2027-02-08 11:00');
  });

  it('keeps the wall-clock time across a change to daylight time', () => {
    const monday = addWorkingTime(jim, at('2027-03-12 16:00', 'America/New_York'), { days: 1 });
    expect(local(monday, 'America/New_York')).toBe('Mon 2027-03-15 16:00');
  });

  it('clamps a night shift that is an hour short on the night the clocks spring forward', () => {
    const nights = calendar({
      personId: 'nina',
      timeZone: 'America/New_York',
      country: 'US',
      workWeek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      workingHours: { start: '22:00', end: '06:00' },
    });
    // 05:30 Saturday is 7.5 h into Friday's 8 h shift; Saturday's shift loses 02:00–03:00 and lasts 7 h.
    const result = addWorkingTime(nights, at('2027-03-13 05:30', 'America/New_York'), { days: 1 });
    expect(local(result, 'America/New_York')).toBe('Sun 2027-03-14 06:00');
  });

  it('adds days first, then hours', () => {
    expect(local(addWorkingTime(maria, at('2027-03-17 16:00'), { days: 1, hours: 3 }))).toBe(
      'Fri 2027-03-19 10:00',
    );
  });

  it('moves a night shift to the same point of the next night', () => {
    expect(local(addWorkingTime(mariaNights, at('2027-03-19 23:00'), { days: 1 }))).toBe(
      'Mon 2027-03-22 23:00',
    );
    expect(local(addWorkingTime(mariaNights, at('2027-03-20 02:00'), { days: 1 }))).toBe(
      'Tue 2027-03-23 02:00',
    );
  });
});

describe('addWorkingTime refuses', () => {
  it('negative, non-finite and fractional-day amounts', () => {
    const start = at('2027-03-17 10:00');
    expect(() => addWorkingTime(maria, start, { hours: -1 })).toThrow(RangeError);
    expect(() => addWorkingTime(maria, start, { hours: Number.NaN })).toThrow(RangeError);
    expect(() => addWorkingTime(maria, start, { days: 0.5 })).toThrow(RangeError);
  });

  it('to search forever for someone who never works', () => {
    const nobody = calendar({ personId: 'ghost', workWeek: [] });
    expect(() => addWorkingTime(nobody, at('2027-03-17 10:00'), { hours: 1 })).toThrow(NoWorkingTimeError);
    expect(() => nextWorkingMoment(nobody, at('2027-03-17 10:00'))).toThrow(
      `ghost has no working time in the ${MAX_SEARCH_DAYS} days from 2027-03-17 (Asia/Manila)`,
    );
    expect(() => addWorkingTime(nobody, at('2027-03-17 10:00'), { days: 1 })).toThrow(NoWorkingTimeError);
  });

  it('and gives up on a time off longer than the search, but not on one shorter', () => {
    const sabbatical = calendar({ timeOff: [{ start: '2027-04-01', end: '2027-06-30' }] });
    expect(() => nextWorkingMoment(sabbatical, at('2027-04-01 10:00'))).toThrow(NoWorkingTimeError);
    const holiday = calendar({ timeOff: [{ start: '2027-04-01', end: '2027-05-14' }] });
    expect(local(nextWorkingMoment(holiday, at('2027-04-01 10:00')))).toBe('Mon 2027-05-17 09:00');
  });
});

describe('nextWorkingMoment', () => {
  it('is the moment itself inside working hours', () => {
    expect(local(nextWorkingMoment(maria, at('2027-03-17 09:00')))).toBe('Wed 2027-03-17 09:00');
    expect(local(nextWorkingMoment(maria, at('2027-03-17 17:59')))).toBe('Wed 2027-03-17 17:59');
  });

  it('is the start of the next window outside them', () => {
    expect(local(nextWorkingMoment(maria, at('2027-03-17 03:00')))).toBe('Wed 2027-03-17 09:00');
    expect(local(nextWorkingMoment(maria, at('2027-03-20 12:00')))).toBe('Mon 2027-03-22 09:00');
  });

  it('knows a night shift that started yesterday is still running', () => {
    expect(local(nextWorkingMoment(mariaNights, at('2027-03-20 03:00')))).toBe('Sat 2027-03-20 03:00');
    expect(local(nextWorkingMoment(mariaNights, at('2027-03-21 03:00')))).toBe('Mon 2027-03-22 21:00');
  });
});

describe('isWorkingAt and workingDateAt', () => {
  it('count the start of a window in and its end out', () => {
    expect(isWorkingAt(maria, at('2027-03-17 09:00'))).toBe(true);
    expect(isWorkingAt(maria, at('2027-03-17 18:00'))).toBe(false);
    expect(isWorkingAt(maria, at('2027-03-20 10:00'))).toBe(false);
  });

  it('give a night shift the date it started on', () => {
    expect(workingDateAt(mariaNights, at('2027-03-20 03:00'))).toBe('2027-03-19');
    expect(workingDateAt(mariaNights, at('2027-03-19 22:00'))).toBe('2027-03-19');
    expect(workingDateAt(mariaNights, at('2027-03-19 12:00'))).toBeNull();
  });

  it('do not depend on the zone the instant is written in', () => {
    const instant = at('2027-03-17 10:00').setZone('Pacific/Kiritimati');
    expect(isWorkingAt(maria, instant)).toBe(true);
    expect(workingDateAt(maria, instant)).toBe('2027-03-17');
  });
});

describe('workingMillisBetween', () => {
  it('counts only working time, and nothing backwards', () => {
    const hour = 3_600_000;
    expect(workingMillisBetween(maria, at('2027-03-17 17:00'), at('2027-03-18 10:00'))).toBe(2 * hour);
    expect(workingMillisBetween(maria, at('2027-03-19 00:00'), at('2027-03-22 23:00'))).toBe(18 * hour);
    expect(workingMillisBetween(mariaNights, at('2027-03-20 05:00'), at('2027-03-22 22:00'))).toBe(2 * hour);
    expect(workingMillisBetween(maria, at('2027-03-18 10:00'), at('2027-03-17 10:00'))).toBe(0);
  });
});
