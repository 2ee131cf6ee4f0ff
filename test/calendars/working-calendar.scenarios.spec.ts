import type { CalendarProfile, DayAvailability } from '../../src/calendars/domain/calendar.types';
import { createHolidayCalendar, type HolidayCalendar } from '../../src/calendars/domain/holiday-calendar';
import type { HolidayAdjustment } from '../../src/calendars/domain/holiday.types';
import { listHolidays } from '../../src/calendars/domain/holiday-listing';
import { createSeasonalHours } from '../../src/calendars/domain/seasonal-hours';
import { createWorkingCalendar } from '../../src/calendars/domain/working-calendar';
import { repoCalendarData } from './calendar-data.fixture';

// People of real engagements, on real dates, with the repository's calendar data.

const data = repoCalendarData();
const seasonalHours = createSeasonalHours(data.seasonalHours);

function calendarOf(profile: CalendarProfile, holidays: HolidayCalendar = createHolidayCalendar({ data })) {
  return createWorkingCalendar(profile, { holidays, seasonalHours, blackouts: [] });
}

function utc(day: DayAvailability): [string, string] | null {
  return day.window ? [day.window.start.toISO(), day.window.end.toISO()] : null;
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

const manilaNightShift: CalendarProfile = {
  personId: 'maria',
  timeZone: 'Asia/Manila',
  country: 'PH',
  region: null,
  workWeek: weekdays,
  workingHours: { start: '21:00', end: '06:00' },
  side: 'vendor',
  timeOff: [],
};

const newYorkManager: CalendarProfile = {
  personId: 'jim',
  timeZone: 'America/New_York',
  country: 'US',
  region: null,
  workWeek: weekdays,
  workingHours: { start: '09:00', end: '17:00' },
  side: 'client',
  timeOff: [],
};

const riyadhLead: CalendarProfile = {
  personId: 'omar',
  timeZone: 'Asia/Riyadh',
  country: 'SA',
  region: null,
  workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
  workingHours: { start: '08:00', end: '17:00' },
  side: 'vendor',
  timeOff: [],
};

const cairoLead: CalendarProfile = {
  personId: 'nour',
  timeZone: 'Africa/Cairo',
  country: 'EG',
  region: null,
  workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
  workingHours: { start: '09:00', end: '17:00' },
  side: 'vendor',
  timeOff: [],
};

describe('a Manila night shift and a New York manager across the US change to daylight time', () => {
  const maria = calendarOf(manilaNightShift);
  const jim = calendarOf(newYorkManager);

  it('keeps the Manila shift fixed in UTC, on the date it starts', () => {
    // Friday 12 March: 21:00 Friday to 06:00 Saturday in Manila.
    expect(utc(maria.day('2027-03-12'))).toEqual(['2027-03-12T13:00:00.000Z', '2027-03-12T22:00:00.000Z']);
    expect(utc(maria.day('2027-03-15'))).toEqual(['2027-03-15T13:00:00.000Z', '2027-03-15T22:00:00.000Z']);
    expect(maria.day('2027-03-13').off).toEqual([{ kind: 'weekend', label: 'Weekend' }]);
  });

  it('moves the New York day an hour earlier in UTC after 14 March', () => {
    expect(utc(jim.day('2027-03-12'))).toEqual(['2027-03-12T14:00:00.000Z', '2027-03-12T22:00:00.000Z']);
    expect(utc(jim.day('2027-03-15'))).toEqual(['2027-03-15T13:00:00.000Z', '2027-03-15T21:00:00.000Z']);
  });

  it('takes the Manila shift off for Holy Week while New York works', () => {
    expect(maria.day('2027-03-25')).toMatchObject({ window: null, off: [{ label: 'Maundy Thursday (PH)' }] });
    expect(maria.day('2027-03-26').off.map((reason) => reason.label)).toEqual(['Good Friday (PH)']);
    expect(jim.day('2027-03-25').window).not.toBeNull();
  });
});

describe('Ramadan hours in Saudi Arabia, 2027', () => {
  const omar = calendarOf(riyadhLead);

  it('works his own hours until the last day of Sha‘ban', () => {
    expect(omar.day('2027-02-07')).toMatchObject({ hours: { start: '08:00', end: '17:00' } });
    expect(omar.day('2027-02-07').hoursRule).toBeUndefined();
    expect(utc(omar.day('2027-02-07'))).toEqual(['2027-02-07T05:00:00.000Z', '2027-02-07T14:00:00.000Z']);
  });

  it('works 09:00–15:00 from 1 Ramadan (8 February) to 29 Ramadan (8 March)', () => {
    for (const date of ['2027-02-08', '2027-02-21', '2027-03-08']) {
      expect(omar.day(date)).toMatchObject({
        hours: { start: '09:00', end: '15:00' },
        hoursRule: 'Ramadan hours (SA)',
      });
    }
    expect(utc(omar.day('2027-02-08'))).toEqual(['2027-02-08T06:00:00.000Z', '2027-02-08T12:00:00.000Z']);
  });

  it('is off for four days of Eid al-Fitr, then back on his own hours on Sunday 14 March', () => {
    expect(omar.day('2027-03-09').off).toEqual([
      {
        kind: 'holiday',
        label: 'Eid al-Fitr (SA, tentative)',
        tentative: true,
        holidayId: 'SA-2027-03-09-eid-al-fitr',
      },
    ]);
    expect(omar.day('2027-03-12').off.map((reason) => reason.kind)).toEqual(['weekend', 'holiday']);
    expect(omar.day('2027-03-14')).toMatchObject({ hours: { start: '08:00', end: '17:00' } });
    expect(utc(omar.day('2027-03-14'))).toEqual(['2027-03-14T05:00:00.000Z', '2027-03-14T14:00:00.000Z']);
  });
});

describe('an operator moves a tentative Eid by one day', () => {
  const id = 'EG-2027-03-09-eid-al-fitr';

  function withAdjustments(adjustments: HolidayAdjustment[]) {
    const holidays = createHolidayCalendar({ data, adjustments });
    return { holidays, nour: calendarOf(cairoLead, holidays) };
  }

  it('shows the computed Eid al-Fitr first', () => {
    const { nour } = withAdjustments([]);
    expect(nour.day('2027-03-09').off).toEqual([
      { kind: 'holiday', label: 'Eid al-Fitr (EG, tentative)', tentative: true, holidayId: id },
    ]);
    expect(nour.day('2027-03-14').window).not.toBeNull();
  });

  it('shifts the whole span, keeps the id, and stays tentative until confirmed', () => {
    const { holidays, nour } = withAdjustments([{ holidayId: id, action: 'move', date: '2027-03-10' }]);
    expect(nour.day('2027-03-09').window).not.toBeNull();
    expect(nour.day('2027-03-10').off).toEqual([
      { kind: 'holiday', label: 'Eid al-Fitr (EG, tentative)', tentative: true, holidayId: id },
    ]);
    expect(nour.day('2027-03-12').off.map((reason) => reason.kind)).toEqual(['weekend', 'holiday']);
    const [eid] = listHolidays(holidays, {
      country: 'EG',
      region: null,
      from: '2027-03-01',
      to: '2027-03-31',
    });
    expect(eid).toMatchObject({
      id,
      start: '2027-03-10',
      end: '2027-03-12',
      movedFrom: '2027-03-09',
      tentative: true,
    });
  });

  it('drops the tentative mark once confirmed', () => {
    const { nour } = withAdjustments([
      { holidayId: id, action: 'move', date: '2027-03-10' },
      { holidayId: id, action: 'confirm' },
    ]);
    expect(nour.day('2027-03-11').off).toEqual([
      { kind: 'holiday', label: 'Eid al-Fitr (EG)', tentative: false, holidayId: id },
    ]);
  });
});

describe('shutdowns and time off', () => {
  it('stops a vendor for its year-end shutdown and for time off, but not the client', () => {
    const blackouts = [{ date: '2027-12-27', side: 'vendor' as const, name: 'Year-end shutdown' }];
    const holidays = createHolidayCalendar({ data });
    const maria = createWorkingCalendar(
      { ...manilaNightShift, timeOff: [{ start: '2027-01-04', end: '2027-01-08' }] },
      { holidays, seasonalHours, blackouts },
    );
    const jim = createWorkingCalendar(newYorkManager, { holidays, seasonalHours, blackouts });
    expect(maria.day('2027-12-27').off).toEqual([
      { kind: 'blackout', label: 'Year-end shutdown (vendor blackout)' },
    ]);
    expect(jim.day('2027-12-27').window).not.toBeNull();
    expect(maria.day('2027-01-06').off).toEqual([{ kind: 'time_off', label: 'Time off' }]);
    expect(maria.day('2027-01-11').window).not.toBeNull();
  });
});

describe('a night shift across a DST change of its own zone', () => {
  it('is an hour shorter on the spring-forward night and an hour longer on the fall-back one', () => {
    const chicago = calendarOf({
      ...newYorkManager,
      personId: 'dana',
      timeZone: 'America/Chicago',
      workWeek: ['sat'],
      workingHours: { start: '22:00', end: '06:00' },
    });
    expect(chicago.day('2027-03-13').window?.length('hours')).toBe(7);
    expect(chicago.day('2027-03-20').window?.length('hours')).toBe(8);
    expect(chicago.day('2027-11-06').window?.length('hours')).toBe(9);
  });
});
