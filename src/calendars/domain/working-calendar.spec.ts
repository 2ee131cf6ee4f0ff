import type { CalendarProfile } from './calendar.types';
import { createHolidayCalendar } from './holiday-calendar';
import { createSeasonalHours } from './seasonal-hours';
import {
  createWorkingCalendar,
  dayFactsReader,
  SharedWorkingDays,
  windowMillis,
  type WorkingCalendarContext,
} from './working-calendar';
import { toDayNumber } from './local-date';
import { workingWindow } from './working-window';

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

function context(blackouts: WorkingCalendarContext['blackouts'] = []): WorkingCalendarContext {
  return { holidays, seasonalHours, blackouts };
}

const maria: CalendarProfile = {
  personId: 'maria',
  timeZone: 'Asia/Manila',
  country: 'PH',
  region: null,
  workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
  workingHours: { start: '09:00', end: '18:00' },
  side: 'vendor',
  timeOff: [{ start: '2027-06-07', end: '2027-06-09' }],
};

const omar: CalendarProfile = {
  personId: 'omar',
  timeZone: 'Asia/Riyadh',
  country: 'SA',
  region: null,
  workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
  workingHours: { start: '08:00', end: '17:00' },
  side: 'vendor',
  timeOff: [],
};

describe('working calendar', () => {
  it('gives a working day its window in UTC', () => {
    const day = createWorkingCalendar(maria, context()).day('2027-03-24');
    expect(day.off).toEqual([]);
    expect(day.window?.start.toISO()).toBe('2027-03-24T01:00:00.000Z');
    expect(day.window?.end.toISO()).toBe('2027-03-24T10:00:00.000Z');
    expect(day.hours).toEqual({ start: '09:00', end: '18:00' });
    expect(day.hoursRule).toBeUndefined();
  });

  it('says why a day is off, with every reason that applies', () => {
    const calendar = createWorkingCalendar(maria, context());
    expect(calendar.day('2027-03-25')).toMatchObject({
      window: null,
      off: [
        {
          kind: 'holiday',
          label: 'Maundy Thursday (PH)',
          tentative: false,
          holidayId: 'PH-2027-03-25-maundy-thursday',
        },
      ],
    });
    expect(calendar.day('2027-03-28').off.map((reason) => reason.kind)).toEqual(['weekend', 'holiday']);
    expect(calendar.day('2027-06-08').off).toEqual([{ kind: 'time_off', label: 'Time off' }]);
  });

  it('uses the work week of the person, not Monday to Friday', () => {
    const calendar = createWorkingCalendar(omar, context());
    expect(calendar.day('2027-01-08').off).toEqual([{ kind: 'weekend', label: 'Weekend' }]); // Friday
    expect(calendar.day('2027-01-09').off).toEqual([{ kind: 'weekend', label: 'Weekend' }]); // Saturday
    expect(calendar.day('2027-01-10').window).not.toBeNull(); // Sunday
  });

  it('applies only the blackouts of the person’s own side', () => {
    const blackouts = [
      { date: '2027-12-27', side: 'vendor' as const, name: 'Year-end shutdown' },
      { date: '2027-12-28', side: 'client' as const, name: 'Client offsite' },
    ];
    const calendar = createWorkingCalendar(maria, context(blackouts));
    expect(calendar.day('2027-12-27').off).toEqual([
      { kind: 'blackout', label: 'Year-end shutdown (vendor blackout)' },
    ]);
    expect(calendar.day('2027-12-28').window).not.toBeNull();
  });

  it('puts a day-shift worker on Ramadan hours and leaves a night shift on its own', () => {
    const day = createWorkingCalendar(omar, context()).day('2027-02-14');
    expect(day.hours).toEqual({ start: '09:00', end: '15:00' });
    expect(day.hoursRule).toBe('Ramadan hours (SA)');
    expect(day.window?.start.toISO()).toBe('2027-02-14T06:00:00.000Z');
    expect(day.window?.end.toISO()).toBe('2027-02-14T12:00:00.000Z');
    const nightShift = createWorkingCalendar(
      { ...omar, workingHours: { start: '22:00', end: '06:00' } },
      context(),
    );
    expect(nightShift.day('2027-02-14')).toMatchObject({ hours: { start: '22:00', end: '06:00' } });
    expect(nightShift.day('2027-02-14').hoursRule).toBeUndefined();
  });

  it('answers the same frozen day every time', () => {
    const calendar = createWorkingCalendar(maria, context());
    const day = calendar.day('2027-03-25');
    expect(calendar.day('2027-03-25')).toBe(day);
    expect(Object.isFrozen(day) && Object.isFrozen(day.off)).toBe(true);
  });

  it('refuses a malformed date', () => {
    expect(() => createWorkingCalendar(maria, context()).day('2027-02-30')).toThrow(RangeError);
  });

  describe('numbers for hot paths', () => {
    const dates = ['2027-03-24', '2027-03-25', '2027-03-27', '2027-06-08', '2027-02-14', '2027-11-07'];

    it('reads the same window as numbers as day().window gives as an Interval', () => {
      for (const profile of [maria, omar, { ...omar, workingHours: { start: '22:00', end: '06:00' } }]) {
        const calendar = createWorkingCalendar(profile, context());
        for (const date of dates) {
          const day = calendar.day(date);
          const millis = windowMillis(day);
          if (day.window === null) expect(millis).toBeNull();
          else
            expect(millis).toEqual({
              startMs: day.window.start.toMillis(),
              endMs: day.window.end.toMillis(),
            });
        }
      }
    });

    it('answers day facts by day number exactly as day() answers by date', () => {
      const calendar = createWorkingCalendar(omar, context());
      const facts = dayFactsReader(calendar);
      expect(facts).toBeDefined();
      for (const date of dates) {
        const fact = facts!(toDayNumber(date));
        const day = calendar.day(date);
        expect(fact.date).toBe(date);
        expect(fact.off).toEqual(day.off);
        expect(fact.hours).toEqual(day.hours);
        expect(fact.hoursRule).toBe(day.hoursRule);
        expect(Number.isNaN(fact.startMs) ? null : [fact.startMs, fact.endMs]).toEqual(
          day.window === null ? null : [day.window.start.toMillis(), day.window.end.toMillis()],
        );
      }
    });

    it('has no facts for a calendar it did not make, such as a wrapper', () => {
      const calendar = createWorkingCalendar(maria, context());
      expect(dayFactsReader({ ...calendar, day: (date) => calendar.day(date) })).toBeUndefined();
    });

    it('never reads a copied day with the window of the day it was copied from', () => {
      const day = createWorkingCalendar(maria, context()).day('2027-03-24');
      expect(windowMillis(day)).not.toBeNull();
      // What a wrapper does to take time off into account: spread the day, close it.
      expect(windowMillis({ ...day, window: null })).toBeNull();
      // The spread keeps the window (an own, enumerable property), and its numbers read back.
      expect(Object.keys(day)).toEqual(['date', 'window', 'off', 'hours']);
      const copy = { ...day };
      expect(copy.window?.toISO()).toBe(day.window?.toISO());
      expect(windowMillis(copy)).toEqual(windowMillis(day));
    });

    it('builds the Interval once, and serialises as a day always has', () => {
      const day = createWorkingCalendar(maria, context()).day('2027-03-24');
      expect(day.window).toBe(day.window);
      const eager = {
        date: day.date,
        window: workingWindow('2027-03-24', maria.workingHours, maria.timeZone),
        off: [],
        hours: maria.workingHours,
      };
      expect(JSON.stringify(day)).toBe(JSON.stringify(eager));
    });
  });

  describe('with shared days', () => {
    it('answers the same days as a calendar of its own, and shares them between people of the same inputs', () => {
      const shared = new SharedWorkingDays();
      const ana = createWorkingCalendar({ ...maria, personId: 'ana' }, { ...context(), shared });
      const ben = createWorkingCalendar({ ...maria, personId: 'ben' }, { ...context(), shared });
      const alone = createWorkingCalendar(maria, context());
      for (const date of ['2027-06-07', '2027-06-10', '2027-06-12']) {
        expect(ana.day(date)).toEqual(alone.day(date));
        expect(ben.day(date)).toBe(ana.day(date));
      }
      expect(ana.personId).toBe('ana');
      expect(ben.personId).toBe('ben');
    });

    it('keeps days apart when time off, blackouts or hours differ', () => {
      const shared = new SharedWorkingDays();
      const away = createWorkingCalendar(maria, { ...context(), shared });
      const present = createWorkingCalendar({ ...maria, timeOff: [] }, { ...context(), shared });
      const blackout = createWorkingCalendar(
        { ...maria, timeOff: [] },
        { ...context([{ date: '2027-06-10', side: 'vendor', name: 'Shutdown' }]), shared },
      );
      const otherSide = createWorkingCalendar(
        { ...maria, timeOff: [] },
        { ...context([{ date: '2027-06-10', side: 'client', name: 'Shutdown' }]), shared },
      );
      const late = createWorkingCalendar(
        { ...maria, timeOff: [], workingHours: { start: '13:00', end: '22:00' } },
        { ...context(), shared },
      );
      expect(away.day('2027-06-08').window).toBeNull();
      expect(present.day('2027-06-08').window).not.toBeNull();
      expect(blackout.day('2027-06-10').window).toBeNull();
      expect(otherSide.day('2027-06-10')).toBe(present.day('2027-06-10'));
      expect(late.day('2027-06-10').window?.start.toISO()).toBe('2027-06-10T05:00:00.000Z');
    });

    it('does not share days with calendars built on other holidays', () => {
      const shared = new SharedWorkingDays();
      const otherHolidays = createHolidayCalendar({
        data: { holidayTypes: { default: ['public'], countries: new Map() }, overlays: new Map() },
      });
      const first = createWorkingCalendar(omar, { ...context(), shared });
      const second = createWorkingCalendar(omar, { ...context(), holidays: otherHolidays, shared });
      expect(second.day('2027-03-24')).toEqual(first.day('2027-03-24'));
      expect(second.day('2027-03-24')).not.toBe(first.day('2027-03-24'));
    });
  });
});
