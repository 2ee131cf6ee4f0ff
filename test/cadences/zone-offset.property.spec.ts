import fc from 'fast-check';
import { DateTime } from 'luxon';
import { fromEpochDay, toEpochDay } from '../../src/cadences/domain/civil-date';
import { localDayAt, offsetMinutes, resolveLocalTime } from '../../src/cadences/domain/zone-offset';
import { ALL_ZONES } from './property-arbitraries';

// The memoised zone arithmetic against Luxon for every zone this runtime knows, 2025–2032.

const first = DateTime.fromISO('2025-01-01T00:00:00Z', { zone: 'utc' }).toMillis();
const last = DateTime.fromISO('2033-01-01T00:00:00Z', { zone: 'utc' }).toMillis();

describe('zone offsets against Luxon', () => {
  it('agree on the offset and the local date of any instant in any zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_ZONES), fc.integer({ min: first, max: last }), (zone, at) => {
        const luxon = DateTime.fromMillis(at, { zone });
        return (
          offsetMinutes(zone, at) === luxon.offset && fromEpochDay(localDayAt(zone, at)) === luxon.toISODate()
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trip a local date and time through UTC, saying when the clock skips or repeats it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_ZONES),
        fc.integer({ min: toEpochDay('2025-01-01'), max: toEpochDay('2032-12-31') }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, day, minute) => {
          const wall = { hour: Math.floor(minute / 60), minute: minute % 60 };
          const date = DateTime.fromISO(fromEpochDay(day), { zone });
          const luxon = date.set(wall);
          const { utcMs, resolution } = resolveLocalTime(zone, day, minute);
          const back = DateTime.fromMillis(utcMs, { zone });
          if (luxon.hour === wall.hour && luxon.minute === wall.minute) {
            // The wall time exists: it comes back unchanged, the first of two when repeated.
            const possible = luxon.getPossibleOffsets().map((d) => d.toMillis());
            return (
              back.toISODate() === date.toISODate() &&
              back.hour === wall.hour &&
              back.minute === wall.minute &&
              utcMs === Math.min(...possible) &&
              resolution === (possible.length > 1 ? 'repeated' : 'exact')
            );
          }
          // The clock skips it: the answer is the instant of the jump, whose wall time is later.
          return (
            resolution === 'skipped' &&
            offsetMinutes(zone, utcMs - 1) !== offsetMinutes(zone, utcMs) &&
            back.hour * 60 + back.minute > minute
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
