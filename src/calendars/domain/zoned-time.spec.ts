import { DateTime } from 'luxon';
import { toDayNumber } from './local-date';
import { readWallClock, resolveWallTime, wallTimeToUtcMillis } from './zoned-time';

const iso = (millis: number): string => DateTime.fromMillis(millis, { zone: 'utc' }).toISO();

describe('wall-clock times in IANA zones', () => {
  it('maps an ordinary time to its single instant', () => {
    const resolved = resolveWallTime('2027-03-10', '09:00', 'Asia/Manila');
    expect(iso(resolved.utcMillis)).toBe('2027-03-10T01:00:00.000Z');
    expect(resolved).toMatchObject({ kind: 'unique', offsetMinutes: 480 });
    expect(iso(resolveWallTime('2027-01-15', '10:00', 'Asia/Kathmandu').utcMillis)).toBe(
      '2027-01-15T04:15:00.000Z',
    );
  });

  it('moves a skipped spring-forward time forward by the gap', () => {
    const ny = resolveWallTime('2027-03-14', '02:30', 'America/New_York');
    expect(ny.kind).toBe('skipped');
    expect(iso(ny.utcMillis)).toBe('2027-03-14T07:30:00.000Z'); // 03:30 EDT
    expect(ny.offsetMinutes).toBe(-240);
    // Chatham springs forward at 02:45 local, by an hour, to +13:45.
    const chatham = resolveWallTime('2027-09-26', '03:00', 'Pacific/Chatham');
    expect(chatham.kind).toBe('skipped');
    expect(readWallClock(chatham.utcMillis, 'Pacific/Chatham')).toEqual({
      date: '2027-09-26',
      time: '04:00:00',
      offsetMinutes: 825,
    });
  });

  it('takes the first occurrence of a repeated fall-back time in every zone', () => {
    // Luxon's own choice differs here between New York, London (later) and Sydney (earlier).
    expect(iso(resolveWallTime('2027-11-07', '01:30', 'America/New_York').utcMillis)).toBe(
      '2027-11-07T05:30:00.000Z',
    );
    expect(iso(resolveWallTime('2027-10-31', '01:30', 'Europe/London').utcMillis)).toBe(
      '2027-10-31T00:30:00.000Z',
    );
    expect(iso(resolveWallTime('2027-04-04', '02:30', 'Australia/Sydney').utcMillis)).toBe(
      '2027-04-03T15:30:00.000Z',
    );
    expect(resolveWallTime('2027-10-31', '01:30', 'Europe/London').kind).toBe('repeated');
  });

  it('reads the wall clock of an instant', () => {
    expect(readWallClock(Date.UTC(2027, 2, 14, 6, 59, 59), 'America/New_York')).toEqual({
      date: '2027-03-14',
      time: '01:59:59',
      offsetMinutes: -300,
    });
    expect(readWallClock(Date.UTC(2027, 2, 14, 7, 0, 0), 'America/New_York')).toEqual({
      date: '2027-03-14',
      time: '03:00:00',
      offsetMinutes: -240,
    });
    expect(readWallClock(Date.UTC(2027, 0, 1, 0, 0), 'Pacific/Auckland').date).toBe('2027-01-01');
  });

  it('refuses an unknown zone', () => {
    expect(() => resolveWallTime('2027-03-10', '09:00', 'Mars/Olympus_Mons')).toThrow(
      /Unknown IANA time zone/,
    );
  });

  it('resolves day numbers and minutes to the same instants as dates and times', () => {
    const cases: [string, string, string][] = [
      ['2027-03-14', '02:30', 'America/New_York'], // skipped
      ['2027-11-07', '01:30', 'America/New_York'], // repeated
      ['2027-04-04', '02:30', 'Australia/Sydney'], // repeated, southern autumn
      ['2027-10-03', '02:30', 'Australia/Sydney'], // skipped, southern spring
      ['2027-03-28', '00:00', 'Europe/London'],
      ['2027-01-15', '10:00', 'Asia/Kathmandu'],
      ['2027-09-05', '00:00', 'America/Santiago'], // midnight spring-forward
    ];
    for (const [date, time, zone] of cases) {
      const minute = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
      expect(wallTimeToUtcMillis(toDayNumber(date), minute, zone)).toBe(
        resolveWallTime(date, time, zone).utcMillis,
      );
    }
  });
});
