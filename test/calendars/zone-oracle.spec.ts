import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime, IANAZone } from 'luxon';
import { readWallClock, resolveWallTime } from '../../src/calendars/domain/zoned-time';

// Cross-checks Luxon and our zoned-time helpers against Python's zoneinfo, an
// independent implementation over the tz database (scripts/zone-oracle.py writes the
// fixture). Node and Python may carry different tz releases: zones whose rules changed
// in a release between the two are reported instead of failed, and only those.

type Transition = [utc: string, offsetBefore: number, offsetAfter: number];
type WallTimeSample = [local: string, fold0: string, fold1: string, kind: 'unique' | 'skipped' | 'repeated'];
type InstantSample = [utc: string, local: string, offsetMinutes: number];

interface ZoneOracle {
  tzdataVersion: string;
  years: [number, number];
  zones: Record<
    string,
    { transitions: Transition[]; wallTimes: WallTimeSample[]; instants: InstantSample[] }
  >;
}

/**
 * tz releases that changed offsets of a fixture zone in 2025–2032 (from the tz NEWS
 * file). Add a line when a release changes one; the spec then tolerates that zone while
 * Node and Python disagree about the release, and checks it again once they agree.
 */
const RULE_CHANGES: Record<string, readonly string[]> = {
  'America/Mexico_City': ['2022f'], // Mexico abolished DST (October 2022)
  'Asia/Tehran': ['2022b'], // Iran abolished DST (2022)
  'America/Santiago': ['2022b'], // Chile moved its 2022 DST start
  'Africa/Cairo': ['2023c'], // Egypt brought DST back (2023)
  'Asia/Beirut': ['2023b', '2023c'], // Lebanon's DST postponed and restored (March 2023)
};

const fixture = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'zone-oracle.json'), 'utf8'),
) as ZoneOracle;
const nodeTz = process.versions.tz ?? 'unknown';
const [older, newer] = [fixture.tzdataVersion, nodeTz].sort();
const flagged = new Set(
  Object.entries(RULE_CHANGES)
    .filter(
      ([, releases]) => older !== newer && releases.some((release) => older < release && release <= newer),
    )
    .map(([zone]) => zone),
);
const zones = Object.keys(fixture.zones);
const checked = zones.filter((zone) => !flagged.has(zone));
const millis = (iso: string): number => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();

describe(`Luxon and zoned-time against Python zoneinfo (tzdata ${fixture.tzdataVersion}; Node tz ${nodeTz})`, () => {
  it('covers the zones Cadence is used in, 2025 to 2032', () => {
    expect(fixture.years).toEqual([2025, 2032]);
    expect(zones).toEqual(
      expect.arrayContaining([
        'America/New_York',
        'America/Los_Angeles',
        'America/Bogota',
        'America/Sao_Paulo',
        'Europe/London',
        'Europe/Warsaw',
        'Africa/Cairo',
        'Asia/Riyadh',
        'Asia/Manila',
        'Asia/Kolkata',
        'Asia/Shanghai',
        'Asia/Ho_Chi_Minh',
        'Australia/Sydney',
        'Australia/Adelaide',
        'Pacific/Auckland',
        'Asia/Kathmandu',
        'Pacific/Chatham',
        'America/St_Johns',
        'Asia/Tehran',
        'Europe/Dublin',
        'Africa/Casablanca',
        'America/Mexico_City',
      ]),
    );
    expect(zones.length).toBeGreaterThanOrEqual(40);
  });

  it('tolerates only the few zones whose rules changed between the two tz releases', () => {
    if (flagged.size > 0) {
      console.warn(
        `tz ${fixture.tzdataVersion} (fixture) vs ${nodeTz} (Node): not comparing ${[...flagged].join(', ')}`,
      );
    }
    // A guard so the list cannot quietly swallow the whole check.
    expect(flagged.size).toBeLessThanOrEqual(5);
    expect(checked.length).toBeGreaterThanOrEqual(zones.length - 5);
  });

  describe.each(checked)('%s', (zoneName) => {
    const { transitions, wallTimes, instants } = fixture.zones[zoneName];
    const zone = IANAZone.create(zoneName);

    it('changes offset exactly when the tz database says', () => {
      for (const [utc, before, after] of transitions) {
        expect([utc, zone.offset(millis(utc) - 1000), zone.offset(millis(utc))]).toEqual([
          utc,
          before,
          after,
        ]);
      }
      // …and nowhere else in the range (weekly steps: no zone here changes twice within a week).
      let changes = 0;
      let previous = zone.offset(millis('2025-01-01T00:00:00Z'));
      for (let t = millis('2025-01-01T00:00:00Z'); t <= millis('2033-01-01T00:00:00Z'); t += 7 * 86_400_000) {
        const offset = zone.offset(t);
        if (offset !== previous) changes++;
        previous = offset;
      }
      expect(changes).toBe(transitions.length);
    });

    it('resolves wall times as zoneinfo does with fold=0 (skipped: moved forward; repeated: first)', () => {
      for (const [local, fold0, , kind] of wallTimes) {
        const resolved = resolveWallTime(local.slice(0, 10), local.slice(11, 16), zoneName);
        expect([local, kind, resolved.utcMillis]).toEqual([local, resolved.kind, millis(fold0)]);
      }
    });

    it('agrees with Luxon, which lists both instants of a repeated time', () => {
      for (const [local, fold0, fold1, kind] of wallTimes) {
        const dt = DateTime.fromISO(local, { zone: zoneName });
        if (kind === 'repeated') {
          const both = dt.getPossibleOffsets().map((candidate) => candidate.toMillis());
          expect([local, both.sort((a, b) => a - b)]).toEqual([local, [millis(fold0), millis(fold1)]]);
        } else {
          expect([local, dt.toMillis()]).toEqual([local, millis(fold0)]);
        }
      }
    });

    it('reads instants back as the same wall clock and offset', () => {
      for (const [utc, local, offset] of instants) {
        const reading = readWallClock(millis(utc), zoneName);
        expect([utc, `${reading.date}T${reading.time}`, reading.offsetMinutes]).toEqual([utc, local, offset]);
        const luxon = DateTime.fromMillis(millis(utc), { zone: zoneName });
        expect([utc, luxon.toFormat("yyyy-MM-dd'T'HH:mm:ss"), luxon.offset]).toEqual([utc, local, offset]);
      }
    });
  });
});
