import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addDays,
  datesBetween,
  daysBetween,
  fromDayNumber,
  isLocalDate,
  parseLocalDate,
  toDayNumber,
  weekdayOf,
  yearOf,
} from './local-date';
import { WEEKDAYS } from './calendar.types';

describe('local dates', () => {
  it('accepts real dates only', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2100-02-29')).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('2027-13-01')).toBe(false);
    expect(isLocalDate('2027-04-31')).toBe(false);
    expect(isLocalDate('2027-4-01')).toBe(false);
    expect(isLocalDate(20270401)).toBe(false);
    expect(() => parseLocalDate('2027-02-30')).toThrow(RangeError);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('knows the weekday of real dates', () => {
    expect(weekdayOf('1970-01-01')).toBe('thu');
    expect(weekdayOf('2027-01-04')).toBe('mon'); // ISO week 1 of 2027 starts here
    expect(weekdayOf('2027-03-25')).toBe('thu'); // Maundy Thursday 2027
    expect(weekdayOf('2027-03-12')).toBe('fri');
    expect(weekdayOf('1969-12-28')).toBe('sun');
  });

  it('lists the dates of a range, both ends included', () => {
    expect(datesBetween('2027-12-30', '2028-01-02')).toEqual([
      '2027-12-30',
      '2027-12-31',
      '2028-01-01',
      '2028-01-02',
    ]);
    expect(datesBetween('2027-01-02', '2027-01-01')).toEqual([]);
    expect(yearOf('2032-11-02')).toBe(2032);
  });

  it('agrees with Luxon on every date from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_006 }), (dayNumber) => {
        const date = fromDayNumber(dayNumber);
        const luxon = DateTime.fromMillis(dayNumber * 86_400_000, { zone: 'utc' });
        expect(date).toBe(luxon.toISODate());
        expect(toDayNumber(date)).toBe(dayNumber);
        expect(weekdayOf(date)).toBe(WEEKDAYS[luxon.weekday - 1]);
      }),
      { numRuns: 2000 },
    );
  });
});
