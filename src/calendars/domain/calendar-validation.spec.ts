import {
  canonicalRegion,
  isIanaZone,
  isSupportedCountry,
  isSupportedRegion,
  isValidLocalTime,
} from './calendar-validation';

describe('calendar field validation', () => {
  it('accepts the countries date-holidays knows, upper case', () => {
    for (const country of ['PH', 'IN', 'SA', 'EG', 'US', 'GB', 'PL', 'CO', 'AU', 'CN', 'VN']) {
      expect(isSupportedCountry(country)).toBe(true);
    }
    expect(isSupportedCountry('ph')).toBe(false);
    expect(isSupportedCountry('XX')).toBe(false);
    expect(isSupportedCountry(undefined)).toBe(false);
  });

  it('accepts regions as the library spells them or in ISO 3166-2 form', () => {
    expect(isSupportedRegion('AU', 'NSW')).toBe(true);
    expect(isSupportedRegion('AU', 'AU-NSW')).toBe(true);
    expect(canonicalRegion('AU', 'au-nsw')).toBe('NSW');
    expect(canonicalRegion('GB', 'SCT')).toBe('SCT');
    expect(isSupportedRegion('AU', 'CA')).toBe(false);
    expect(isSupportedRegion('SA', 'RUH')).toBe(false);
    expect(isSupportedRegion('XX', 'NSW')).toBe(false);
  });

  it('accepts HH:mm from 00:00 to 23:59 only', () => {
    expect(isValidLocalTime('00:00')).toBe(true);
    expect(isValidLocalTime('23:59')).toBe(true);
    expect(isValidLocalTime('24:00')).toBe(false);
    expect(isValidLocalTime('9:00')).toBe(false);
    expect(isValidLocalTime('09:60')).toBe(false);
    expect(isValidLocalTime('09:00:00')).toBe(false);
  });

  it('accepts IANA zones this Node knows', () => {
    expect(isIanaZone('Asia/Manila')).toBe(true);
    expect(isIanaZone('Pacific/Chatham')).toBe(true);
    expect(isIanaZone('Mars/Olympus_Mons')).toBe(false);
    expect(isIanaZone('')).toBe(false);
    expect(isIanaZone(42)).toBe(false);
  });
});
