import fc from 'fast-check';
import { DateTime } from 'luxon';
import { utcIso, zonedIso } from './instant-format';

const luxon = (date: Date, zone: string): string | null =>
  DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true });

const INSTANTS = [
  '2027-03-09T14:00:00.000Z',
  '2027-03-09T14:00:00.250Z',
  '2027-03-14T06:59:59.999Z', // New York springs forward at 07:00Z
  '2027-03-14T07:00:00.000Z',
  '2027-10-31T01:30:00.000Z', // London falls back at 01:00Z
  '2027-12-31T23:30:00.000Z',
  '1969-12-31T23:59:59.500Z',
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.000Z',
].map((iso) => new Date(iso));

const ZONES = [
  'UTC',
  'utc',
  'Etc/UTC',
  'Europe/London',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
];

describe('instant formatting', () => {
  it('writes UTC instants exactly as Luxon does, milliseconds only when there are some', () => {
    for (const date of [...INSTANTS, new Date(Date.UTC(10_000, 0, 1)), new Date(-62_198_755_200_000 - 1)]) {
      expect(utcIso(date)).toBe(luxon(date, 'utc'));
    }
    expect(utcIso(new Date('2027-03-09T14:00:00.000Z'))).toBe('2027-03-09T14:00:00Z');
  });

  it('writes instants in a zone exactly as Luxon does, across clock changes, and again', () => {
    for (let round = 0; round < 2; round++) {
      for (const zone of ZONES) {
        for (const date of INSTANTS) expect(zonedIso(date, zone)).toBe(luxon(date, zone));
      }
    }
    expect(zonedIso(new Date('2027-03-09T14:00:00.000Z'), 'Asia/Manila')).toBe('2027-03-09T22:00:00+08:00');
  });

  it('agrees with Luxon for any zone the runtime knows and any instant of 1990–2040', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => zonedIso(new Date(ms), zone) === luxon(new Date(ms), zone),
      ),
      { numRuns: 2000 },
    );
  });

  it('fails on an unknown zone as Luxon does', () => {
    expect(() => zonedIso(new Date('2027-03-09T14:00:00.000Z'), 'Mars/Olympus_Mons')).toThrow();
  });
});
