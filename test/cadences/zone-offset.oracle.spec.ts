import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { toEpochDay } from '../../src/cadences/domain/civil-date';
import {
  offsetMinutes,
  resolveLocalTime,
  zoneTransitionsBetween,
} from '../../src/cadences/domain/zone-offset';

// The planner's memoised zone arithmetic against an independent oracle: Python's zoneinfo
// (scripts/zone-oracle.py wrote test/fixtures/zone-oracle.json), every transition of ~50 zones
// from 2025 to 2032, wall times in every gap and overlap, and instants either side.

interface ZoneOracle {
  transitions: [string, number, number][];
  wallTimes: [string, string, string, 'unique' | 'skipped' | 'repeated'][];
  instants: [string, string, number][];
}
const oracle = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'zone-oracle.json'), 'utf8')) as {
  zones: Record<string, ZoneOracle>;
};
const ms = (iso: string): number => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const from = ms('2025-01-01T00:00:00Z');
const to = ms('2033-01-01T00:00:00Z');

describe.each(Object.entries(oracle.zones))('%s against Python zoneinfo', (zone, data) => {
  it('finds exactly the same transitions, to the second', () => {
    const ours = zoneTransitionsBetween(zone, from, to).map((t) => [
      DateTime.fromMillis(t.atMs, { zone: 'utc' }).toISO({ suppressMilliseconds: true }),
      t.offsetBeforeMinutes,
      t.offsetAfterMinutes,
    ]);
    expect(ours).toEqual(data.transitions);
  });

  it('reads the same offset at every sampled instant', () => {
    for (const [at, , offset] of data.instants)
      expect([at, offsetMinutes(zone, ms(at))]).toEqual([at, offset]);
  });

  it('resolves wall times as documented: exact, first of two, or the instant the clocks jump', () => {
    for (const [wall, fold0, fold1, kind] of data.wallTimes) {
      const [date, time] = wall.split('T');
      const [h, m] = time.split(':').map(Number);
      const resolved = resolveLocalTime(zone, toEpochDay(date), h * 60 + m);
      if (kind === 'unique') {
        expect([wall, resolved]).toEqual([wall, { utcMs: ms(fold0), resolution: 'exact' }]);
      } else if (kind === 'repeated') {
        expect([wall, resolved]).toEqual([
          wall,
          { utcMs: Math.min(ms(fold0), ms(fold1)), resolution: 'repeated' },
        ]);
      } else {
        // In a gap, fold=0 reads it with the old offset and fold=1 with the new one; the jump lies between.
        const jump = data.transitions
          .map(([at]) => ms(at))
          .find((t) => t > Math.min(ms(fold0), ms(fold1)) - 1 && t <= Math.max(ms(fold0), ms(fold1)));
        expect([wall, resolved]).toEqual([wall, { utcMs: jump, resolution: 'skipped' }]);
      }
    }
  });
});
