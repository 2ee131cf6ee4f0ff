import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { zoneOffsetMinutes } from './zone-offsets';

const zones = Intl.supportedValuesOf('timeZone');
const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2034, 0, 1);

describe('cached zone offsets', () => {
  it('equal Luxon’s offset for any zone at any instant of 2024–2033', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: FROM, max: TO }), (zone, instant) => {
        expect(zoneOffsetMinutes(zone, instant)).toBe(IANAZone.create(zone).offset(instant));
      }),
      { numRuns: 3000 },
    );
  });

  it('switch at the exact second of a transition', () => {
    const springForward = Date.UTC(2027, 2, 14, 7, 0, 0); // 02:00 EST -> 03:00 EDT
    expect(zoneOffsetMinutes('America/New_York', springForward - 1000)).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', springForward)).toBe(-240);
    const chathamBack = Date.UTC(2027, 3, 3, 14, 0, 0); // 03:45 +13:45 -> 02:45 +12:45
    expect(zoneOffsetMinutes('Pacific/Chatham', chathamBack - 1000)).toBe(825);
    expect(zoneOffsetMinutes('Pacific/Chatham', chathamBack)).toBe(765);
  });

  it('handles New Year in a zone far from UTC', () => {
    expect(zoneOffsetMinutes('Pacific/Kiritimati', Date.UTC(2027, 0, 1) - 1)).toBe(840);
    expect(zoneOffsetMinutes('Pacific/Auckland', Date.UTC(2027, 11, 31, 23, 59))).toBe(780);
  });

  it('refuses an unknown zone', () => {
    expect(() => zoneOffsetMinutes('Mars/Olympus_Mons', FROM)).toThrow(/Unknown IANA time zone/);
  });
});
