import { DateTime } from 'luxon';
import { toEpochDay } from './civil-date';
import { offsetMinutes, resolveLocalTime, zoneTransitionsBetween } from './zone-offset';

const ms = (iso: string): number => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const iso = (utcMs: number): string => DateTime.fromMillis(utcMs, { zone: 'utc' }).toISO();

describe('zone offsets', () => {
  it('switches New York to EDT at 07:00 UTC on Mar 14 2027', () => {
    expect(offsetMinutes('America/New_York', ms('2027-03-14T06:59:59.999Z'))).toBe(-300);
    expect(offsetMinutes('America/New_York', ms('2027-03-14T07:00:00Z'))).toBe(-240);
  });

  it('finds the exact instants of a year of clock changes', () => {
    const changes = zoneTransitionsBetween(
      'America/New_York',
      ms('2027-01-01T00:00:00Z'),
      ms('2028-01-01T00:00:00Z'),
    );
    expect(changes.map((c) => [iso(c.atMs), c.offsetBeforeMinutes, c.offsetAfterMinutes])).toEqual([
      ['2027-03-14T07:00:00.000Z', -300, -240],
      ['2027-11-07T06:00:00.000Z', -240, -300],
    ]);
    expect(
      zoneTransitionsBetween('Asia/Manila', ms('2027-01-01T00:00:00Z'), ms('2028-01-01T00:00:00Z')),
    ).toEqual([]);
  });

  it('agrees with Luxon around every transition of a few zones', () => {
    const zones = [
      'Europe/Warsaw',
      'Australia/Sydney',
      'Africa/Cairo',
      'America/Santiago',
      'Australia/Lord_Howe',
    ];
    for (const zone of zones) {
      for (const c of zoneTransitionsBetween(zone, ms('2025-01-01T00:00:00Z'), ms('2033-01-01T00:00:00Z'))) {
        for (const probe of [c.atMs - 1, c.atMs, c.atMs + 1, c.atMs - 3_600_000, c.atMs + 3_600_000]) {
          expect(offsetMinutes(zone, probe)).toBe(DateTime.fromMillis(probe, { zone }).offset);
        }
      }
    }
  });

  it('resolves an ordinary local time exactly', () => {
    expect(resolveLocalTime('America/New_York', toEpochDay('2027-03-25'), 600)).toEqual({
      utcMs: ms('2027-03-25T14:00:00Z'),
      resolution: 'exact',
    });
  });

  it('resolves a time the clock skips to the instant the clocks jump', () => {
    // 02:30 never shows in New York on Mar 14 2027: the clock goes 01:59:59 → 03:00.
    expect(resolveLocalTime('America/New_York', toEpochDay('2027-03-14'), 150)).toEqual({
      utcMs: ms('2027-03-14T07:00:00Z'),
      resolution: 'skipped',
    });
    // Egypt springs forward at midnight on the last Friday of April: 00:30 does not exist.
    expect(resolveLocalTime('Africa/Cairo', toEpochDay('2027-04-30'), 30)).toEqual({
      utcMs: ms('2027-04-29T22:00:00Z'),
      resolution: 'skipped',
    });
  });

  it('resolves a time the clock shows twice to its first occurrence', () => {
    expect(resolveLocalTime('America/New_York', toEpochDay('2027-11-07'), 90)).toEqual({
      utcMs: ms('2027-11-07T05:30:00Z'),
      resolution: 'repeated',
    });
  });

  it('refuses a zone the tz database does not know', () => {
    expect(() => offsetMinutes('Mars/Olympus_Mons', 0)).toThrow('Unknown IANA time zone');
  });
});
