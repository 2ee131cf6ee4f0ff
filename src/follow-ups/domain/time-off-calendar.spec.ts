import type { CalendarProfile } from '../../calendars/domain/calendar.types';
import { createHolidayCalendar } from '../../calendars/domain/holiday-calendar';
import { createSeasonalHours } from '../../calendars/domain/seasonal-hours';
import { createWorkingCalendar } from '../../calendars/domain/working-calendar';
import { timeOffLookup, timeOffOn, withoutTimeOff, withTimeOff } from './time-off-calendar';

const context = {
  holidays: createHolidayCalendar({
    data: { holidayTypes: { default: ['public'], countries: new Map() }, overlays: new Map() },
  }),
  seasonalHours: createSeasonalHours([]),
  blackouts: [],
};

const maria: CalendarProfile = {
  personId: 'maria',
  timeZone: 'Asia/Manila',
  country: 'PH',
  region: null,
  workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
  workingHours: { start: '09:00', end: '18:00' },
  side: 'vendor',
  // Thursday 25 March 2027 is also Maundy Thursday, a PH holiday.
  timeOff: [{ start: '2027-03-22', end: '2027-03-25' }],
};
const present = createWorkingCalendar({ ...maria, timeOff: [] }, context);
const away = createWorkingCalendar(maria, context);
const ana = { personId: 'ana', calendar: present };

describe('withoutTimeOff', () => {
  it('gives a time-off day back the window the person’s hours give it', () => {
    const day = withoutTimeOff(away).day('2027-03-23');
    expect(day.off).toEqual([]);
    expect(day.window?.toISO()).toBe(present.day('2027-03-23').window?.toISO());
  });

  it('keeps every other reason to be off', () => {
    const day = withoutTimeOff(away).day('2027-03-25');
    expect(day.window).toBeNull();
    expect(day.off.map((reason) => reason.kind)).toEqual(['holiday']);
  });

  it('answers the same frozen day every time, and the original day when nothing changes', () => {
    const calendar = withoutTimeOff(away);
    expect(calendar.day('2027-03-23')).toBe(calendar.day('2027-03-23'));
    expect(Object.isFrozen(calendar.day('2027-03-23').off)).toBe(true);
    expect(calendar.day('2027-03-17')).toBe(away.day('2027-03-17'));
  });
});

describe('withTimeOff', () => {
  it('takes the lookup’s days out of the calendar, saying why', () => {
    const calendar = withTimeOff(present, timeOffLookup([{ start: '2027-03-17', end: '2027-03-17' }]));
    expect(calendar.day('2027-03-17')).toMatchObject({
      window: null,
      off: [{ kind: 'time_off', label: 'Time off' }],
    });
    expect(calendar.day('2027-03-18').window).not.toBeNull();
  });

  it('is the calendar itself without a lookup', () => {
    expect(withTimeOff(present, undefined)).toBe(present);
  });
});

describe('timeOffLookup', () => {
  it('covers both ends of a range, and prefers a range that names a backup', () => {
    const lookup = timeOffLookup([
      { start: '2027-03-22', end: '2027-03-26' },
      { start: '2027-03-24', end: '2027-03-24', backup: ana },
    ]);
    expect(lookup('2027-03-21')).toBeUndefined();
    expect(lookup('2027-03-22')).toEqual({ backup: null });
    expect(lookup('2027-03-24')?.backup?.personId).toBe('ana');
    expect(lookup('2027-03-26')).toEqual({ backup: null });
  });
});

describe('timeOffOn', () => {
  it('reads time off from the lookup or from the calendar, with the recipient’s own backup as fallback', () => {
    expect(timeOffOn({ personId: 'maria', calendar: away }, '2027-03-23')).toEqual({ backup: null });
    expect(
      timeOffOn({ personId: 'maria', calendar: away, backup: ana }, '2027-03-23')?.backup?.personId,
    ).toBe('ana');
    expect(timeOffOn({ personId: 'maria', calendar: away }, '2027-03-17')).toBeUndefined();
    const listed = {
      personId: 'maria',
      calendar: present,
      timeOff: timeOffLookup([{ start: '2027-03-17', end: '2027-03-17' }]),
    };
    expect(timeOffOn(listed, '2027-03-17')).toEqual({ backup: null });
  });
});
