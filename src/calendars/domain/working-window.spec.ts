import { toDayNumber } from './local-date';
import { minutesOfDay } from './local-time';
import { crossesMidnight, workingWindow, workingWindowMillis } from './working-window';

const utc = (date: string, start: string, end: string, zone: string): [string, string, number] => {
  const window = workingWindow(date, { start, end }, zone);
  return [window.start.toISO(), window.end.toISO(), window.length('hours')];
};

describe('working windows', () => {
  it('turns local hours into a UTC interval', () => {
    expect(utc('2027-03-10', '09:00', '18:00', 'Asia/Manila')).toEqual([
      '2027-03-10T01:00:00.000Z',
      '2027-03-10T10:00:00.000Z',
      9,
    ]);
  });

  it('ends a night shift on the next date', () => {
    expect(crossesMidnight({ start: '21:00', end: '06:00' })).toBe(true);
    expect(crossesMidnight({ start: '09:00', end: '17:00' })).toBe(false);
    expect(utc('2027-03-10', '21:00', '06:00', 'Asia/Manila')).toEqual([
      '2027-03-10T13:00:00.000Z',
      '2027-03-10T22:00:00.000Z',
      9,
    ]);
  });

  it('is an hour shorter across a spring-forward night and an hour longer across a fall-back one', () => {
    expect(utc('2027-03-13', '21:00', '06:00', 'America/New_York')[2]).toBe(8);
    expect(utc('2027-11-06', '21:00', '06:00', 'America/New_York')[2]).toBe(10);
    expect(utc('2027-03-28', '00:00', '09:00', 'Europe/London')[2]).toBe(8);
  });

  it('moves a start that does not exist forward and takes the first of a repeated one', () => {
    expect(utc('2027-03-14', '02:30', '10:00', 'America/New_York')).toEqual([
      '2027-03-14T07:30:00.000Z', // 03:30 EDT
      '2027-03-14T14:00:00.000Z',
      6.5,
    ]);
    expect(utc('2027-11-07', '01:30', '09:00', 'America/New_York')).toEqual([
      '2027-11-07T05:30:00.000Z', // the first 01:30, still EDT
      '2027-11-07T14:00:00.000Z',
      8.5,
    ]);
  });

  it('moves hours that lie wholly in the skipped hour forward together', () => {
    expect(utc('2027-03-14', '02:15', '02:45', 'America/New_York').slice(0, 2)).toEqual([
      '2027-03-14T07:15:00.000Z',
      '2027-03-14T07:45:00.000Z',
    ]);
  });

  it('is empty when a skipped start would move past the end', () => {
    expect(utc('2027-03-14', '02:30', '03:00', 'America/New_York')[2]).toBe(0);
  });

  it('gives the same instants as numbers, for day numbers and minutes', () => {
    const cases: [string, string, string, string][] = [
      ['2027-03-10', '09:00', '18:00', 'Asia/Manila'],
      ['2027-03-10', '21:00', '06:00', 'Asia/Manila'],
      ['2027-03-13', '21:00', '06:00', 'America/New_York'],
      ['2027-11-06', '21:00', '06:00', 'America/New_York'],
      ['2027-03-28', '00:00', '09:00', 'Europe/London'],
      ['2027-03-14', '02:30', '03:00', 'America/New_York'], // empty: the start is skipped past the end
    ];
    for (const [date, start, end, zone] of cases) {
      const window = workingWindow(date, { start, end }, zone);
      expect(workingWindowMillis(toDayNumber(date), minutesOfDay(start), minutesOfDay(end), zone)).toEqual({
        startMs: window.start.toMillis(),
        endMs: window.end.toMillis(),
      });
    }
  });
});
