import { DateTime } from 'luxon';
import { formatInstant, formatLocalDate, formatLocalTime, resolveLocale } from './format';

// Thu 25 Mar 2027, 14:00 UTC: 22:00 in Manila, 10:00 in New York (already on
// EDT since 14 Mar), 15:00 in Warsaw (still CET until 28 Mar).
const instant = new Date('2027-03-25T14:00:00Z');

describe('formatInstant', () => {
  it('shows a Manila vendor the local time with the offset and the IANA zone', () => {
    expect(formatInstant(instant, { zone: 'Asia/Manila', locale: 'en-PH' })).toBe(
      'Thu, Mar 25, 2027, 10:00 PM GMT+8 (Asia/Manila)',
    );
  });

  it('uses the locale for order, words and clock', () => {
    expect(formatInstant(instant, { zone: 'Europe/Warsaw', locale: 'pl-PL' })).toBe(
      'czw., 25 mar 2027, 15:00 CET (Europe/Warsaw)',
    );
    expect(formatInstant(instant, { zone: 'Europe/Warsaw', locale: 'en-GB' })).toBe(
      'Thu, 25 Mar 2027, 15:00 CET (Europe/Warsaw)',
    );
  });

  it('names daylight time where the zone is on it', () => {
    expect(formatInstant(instant, { zone: 'America/New_York', locale: 'en-US' })).toBe(
      'Thu, Mar 25, 2027, 10:00 AM EDT (America/New_York)',
    );
  });

  it('accepts a Luxon DateTime in any zone as the same instant', () => {
    const dt = DateTime.fromISO('2027-03-25T19:30:00', { zone: 'Asia/Kolkata' });
    expect(formatInstant(dt, { zone: 'Asia/Manila', locale: 'en-PH' })).toBe(
      'Thu, Mar 25, 2027, 10:00 PM GMT+8 (Asia/Manila)',
    );
  });

  it('does not repeat the zone when the short name is the zone', () => {
    expect(formatInstant(instant, { zone: 'UTC', locale: 'en-GB' })).toBe('Thu, 25 Mar 2027, 14:00 UTC');
  });

  it('falls back to English for a malformed or unknown locale instead of the machine default', () => {
    expect(formatInstant(instant, { zone: 'Asia/Manila', locale: 'en_PH!' })).toBe(
      'Thu, Mar 25, 2027, 10:00 PM GMT+8 (Asia/Manila)',
    );
    expect(formatInstant(instant, { zone: 'Asia/Manila', locale: 'xx-YY' })).toBe(
      'Thu, Mar 25, 2027, 10:00 PM GMT+8 (Asia/Manila)',
    );
    expect(formatInstant(instant, { zone: 'Asia/Manila', locale: null })).toBe(
      'Thu, Mar 25, 2027, 10:00 PM GMT+8 (Asia/Manila)',
    );
  });

  it('refuses a zone that is not an IANA name', () => {
    expect(() => formatInstant(instant, { zone: 'Mars/Olympus', locale: 'en' })).toThrow();
  });
});

describe('formatLocalTime', () => {
  it('shows the time of day with the zone named', () => {
    expect(formatLocalTime(instant, { zone: 'Asia/Manila', locale: 'en-PH' })).toBe(
      '10:00 PM GMT+8 (Asia/Manila)',
    );
  });
});

describe('formatLocalDate', () => {
  it('shows a calendar date in the locale without shifting it through any zone', () => {
    expect(formatLocalDate('2027-04-09', { locale: 'en-PH' })).toBe('Fri, Apr 9, 2027');
    expect(formatLocalDate('2027-04-09', { locale: 'en-GB' })).toBe('Fri, 9 Apr 2027');
  });

  it('shows a DateTime as its own local date', () => {
    // 23:30 on 8 Apr in New York is already 9 Apr in UTC; the reader's date is the 8th.
    const dt = DateTime.fromISO('2027-04-08T23:30:00', { zone: 'America/New_York' });
    expect(formatLocalDate(dt, { locale: 'en-US' })).toBe('Thu, Apr 8, 2027');
  });
});

describe('resolveLocale', () => {
  it('keeps a supported locale and replaces the rest with en', () => {
    expect(resolveLocale('en-PH')).toBe('en-PH');
    expect(resolveLocale('fil-PH')).toBe('fil-PH');
    expect(resolveLocale('not a locale')).toBe('en');
    expect(resolveLocale('')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });
});
