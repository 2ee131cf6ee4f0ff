import type { WorkingCalendar } from '../../calendars/domain/calendar.types';
import { SharedWorkingDays, createWorkingCalendar } from '../../calendars/domain/working-calendar';
import { createHolidayCalendar } from '../../calendars/domain/holiday-calendar';
import { createSeasonalHours } from '../../calendars/domain/seasonal-hours';
import { calendarsOf, person } from '../../../test/cadences/real-calendars';
import { createCalendarView } from './calendar-view';
import { toEpochDay } from './civil-date';

const [maria] = calendarsOf([
  person('maria', 'Asia/Manila', 'PH', 'vendor', { timeOff: [{ start: '2027-06-07', end: '2027-06-09' }] }),
]);
/** The same calendar behind a wrapper of its own: read only through `day()`. */
const wrapped: WorkingCalendar = {
  personId: maria.personId,
  timeZone: maria.timeZone,
  side: maria.side,
  day: (date) => maria.day(date),
};

describe('calendar views', () => {
  it('shares one view per calendar, so plans handed the same calendar share its days', () => {
    expect(createCalendarView(maria)).toBe(createCalendarView(maria));
    expect(createCalendarView(wrapped)).not.toBe(createCalendarView(maria));
  });

  it('reads a calendar made by createWorkingCalendar exactly as one read through day()', () => {
    const fast = createCalendarView(maria);
    const slow = createCalendarView(wrapped);
    // A working day, Maundy Thursday and Good Friday, a weekend, time off, a DST-free zone's
    // ordinary week: every kind of day.
    for (const date of ['2027-03-24', '2027-03-25', '2027-03-26', '2027-03-27', '2027-06-08', '2027-06-10']) {
      const day = toEpochDay(date);
      const a = fast.day(day);
      const b = slow.day(day);
      expect([a.day, a.start, a.end, a.nominalStart, a.nominalEnd]).toEqual([
        b.day,
        b.start,
        b.end,
        b.nominalStart,
        b.nominalEnd,
      ]);
      expect(a.availability).toBe(maria.day(date));
      expect(b.availability).toBe(maria.day(date));
    }
  });

  it('shares the days of calendars that read the same working days, but not the person', () => {
    const shared = new SharedWorkingDays();
    const holidays = createHolidayCalendar({
      data: { holidayTypes: { default: ['public'], countries: new Map() }, overlays: new Map() },
    });
    const context = { holidays, seasonalHours: createSeasonalHours([]), blackouts: [], shared };
    const ana = createCalendarView(
      createWorkingCalendar(person('ana', 'Asia/Manila', 'PH', 'vendor'), context),
    );
    const ben = createCalendarView(
      createWorkingCalendar(person('ben', 'Asia/Manila', 'PH', 'vendor'), context),
    );
    const away = createCalendarView(
      createWorkingCalendar(
        person('cy', 'Asia/Manila', 'PH', 'vendor', {
          timeOff: [{ start: '2027-06-07', end: '2027-06-09' }],
        }),
        context,
      ),
    );
    const day = toEpochDay('2027-06-08');
    expect([ana.personId, ben.personId]).toEqual(['ana', 'ben']);
    expect(ben.day(day)).toBe(ana.day(day));
    expect(away.day(day)).not.toBe(ana.day(day));
    expect(Number.isNaN(away.day(day).start)).toBe(true);
    expect(Number.isNaN(ana.day(day).start)).toBe(false);
  });
});
