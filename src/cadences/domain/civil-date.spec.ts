import { DateTime } from 'luxon';
import {
  formatLocalTime,
  formatShortDate,
  fromEpochDay,
  isLocalDate,
  isoWeekKey,
  monthKey,
  parseLocalTime,
  toEpochDay,
  weekdayOf,
} from './civil-date';

describe('civil dates', () => {
  it('counts days from 1970-01-01 and back', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(fromEpochDay(toEpochDay('2027-03-25'))).toBe('2027-03-25');
    expect(toEpochDay('2028-03-01') - toEpochDay('2028-02-28')).toBe(2);
  });

  it('names weekdays the way the API does', () => {
    expect(weekdayOf(toEpochDay('2027-03-25'))).toBe('thu');
    expect(weekdayOf(toEpochDay('2027-10-29'))).toBe('fri');
    expect(weekdayOf(toEpochDay('1970-01-01'))).toBe('thu');
  });

  it('uses the ISO week-year, not the calendar year, in week keys', () => {
    expect(isoWeekKey(toEpochDay('2027-01-01'))).toBe('2026-W53');
    expect(isoWeekKey(toEpochDay('2027-01-04'))).toBe('2027-W01');
    expect(isoWeekKey(toEpochDay('2027-03-25'))).toBe('2027-W12');
    expect(isoWeekKey(toEpochDay('2024-12-30'))).toBe('2025-W01');
  });

  it('agrees with Luxon on every ISO week key from 2024 to 2033', () => {
    for (let day = toEpochDay('2024-01-01'); day <= toEpochDay('2033-12-31'); day++) {
      const luxon = DateTime.fromISO(fromEpochDay(day), { zone: 'utc' });
      expect(isoWeekKey(day)).toBe(luxon.toFormat("kkkk-'W'WW"));
      expect(weekdayOf(day)).toBe(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][luxon.weekday - 1]);
    }
  });

  it('keys months by calendar year and month', () => {
    expect(monthKey(toEpochDay('2027-03-31'))).toBe('2027-03');
  });

  it('rejects dates that do not exist', () => {
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-13-01')).toBe(false);
    expect(() => toEpochDay('2027-3-1')).toThrow('Not a local date');
  });

  it('parses only HH:mm wall-clock times', () => {
    expect(parseLocalTime('09:30')).toBe(570);
    expect(parseLocalTime('23:59')).toBe(1439);
    expect(() => parseLocalTime('24:00')).toThrow();
    expect(() => parseLocalTime('9:00')).toThrow();
    expect(formatLocalTime(570)).toBe('09:30');
  });

  it('formats short dates in English whatever the machine locale', () => {
    expect(formatShortDate(toEpochDay('2027-03-14'))).toBe('Mar 14 2027');
  });
});
