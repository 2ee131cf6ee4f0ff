import { IANAZone } from 'luxon';

// UTC offsets of IANA zones, read from Luxon (which reads Node's tz database through
// Intl) and remembered per zone and year as a short list of transitions. Luxon's own
// lookup formats a date through Intl on every call (about 7 µs); the planner resolves
// wall times for thousands of people-days a second, so each zone-year is scanned once
// (a day at a time, then bisected to the second) and later lookups are a short search.
// A zone that changed offset twice within one day would be missed; none does.

const DAY_MS = 86_400_000;

interface YearOffsets {
  /** The UTC year the table covers: [start, end). */
  start: number;
  end: number;
  /** Instants (ms) at which the offset changes, ascending. */
  changes: number[];
  /** offsets[0] applies from the start of the year, offsets[i + 1] from changes[i]. */
  offsets: number[];
}

const zones = new Map<string, IANAZone>();
const tables = new Map<string, Map<number, YearOffsets>>();
/** The table each zone used last: consecutive lookups nearly always fall in the same year. */
const lastTable = new Map<string, YearOffsets>();

function zoneOf(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    if (!zone.isValid) throw new RangeError(`Unknown IANA time zone: ${JSON.stringify(name)}`);
    zones.set(name, zone);
  }
  return zone;
}

/** Milliseconds of 1 January 00:00 UTC of a year (proleptic Gregorian, pure arithmetic). */
function yearStart(year: number): number {
  const y = year - 1;
  const days = 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 719_162;
  return days * DAY_MS;
}

function utcYear(ms: number): number {
  let year = Math.floor(ms / (365.2425 * DAY_MS)) + 1970;
  while (yearStart(year) > ms) year--;
  while (yearStart(year + 1) <= ms) year++;
  return year;
}

function scanYear(zone: IANAZone, year: number): YearOffsets {
  const start = yearStart(year);
  const end = yearStart(year + 1);
  const changes: number[] = [];
  const offsets = [zone.offset(start)];
  let previous = start;
  let previousOffset = offsets[0];
  for (let t = start + DAY_MS; t <= end; t += DAY_MS) {
    const offset = zone.offset(t);
    if (offset !== previousOffset) {
      // Bisect to the second: offset(low) is the old offset, offset(high) the new one.
      let low = previous;
      let high = t;
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (zone.offset(middle) === previousOffset) low = middle;
        else high = middle;
      }
      if (high < end) {
        changes.push(high);
        offsets.push(offset);
      }
      previousOffset = offset;
    }
    previous = t;
  }
  return { start, end, changes, offsets };
}

/**
 * The UTC offset in minutes of an IANA zone at an instant, as Luxon's IANAZone.offset
 * gives it, from a per-(zone, year) cache. Throws on an unknown zone.
 */
export function zoneOffsetMinutes(zoneName: string, utcMillis: number): number {
  const last = lastTable.get(zoneName);
  const table =
    last && last.start <= utcMillis && utcMillis < last.end ? last : yearTable(zoneName, utcMillis);
  let index = 0;
  while (index < table.changes.length && table.changes[index] <= utcMillis) index++;
  return table.offsets[index];
}

function yearTable(zoneName: string, utcMillis: number): YearOffsets {
  const year = utcYear(utcMillis);
  let byYear = tables.get(zoneName);
  if (!byYear) {
    byYear = new Map();
    tables.set(zoneName, byYear);
  }
  let table = byYear.get(year);
  if (!table) {
    table = scanYear(zoneOf(zoneName), year);
    byYear.set(year, table);
  }
  lastTable.set(zoneName, table);
  return table;
}
