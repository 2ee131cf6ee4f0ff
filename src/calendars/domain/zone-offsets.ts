import { IANAZone } from 'luxon';

// Module-level aliases: global lookups are slow in sandboxes such as jest's vm (about 30x
// for this arithmetic), and these functions run several times per touchpoint.
const { floor, max, min } = Math;

/**
 * Fast UTC-offset lookup for IANA zones, plus local wall-clock ⇄ UTC conversion.
 *
 * Offsets come from Luxon (which reads Node's tz database through Intl). Luxon's
 * `IANAZone.offset` asks `Intl` every time (about 5 µs here), and `DateTime.fromObject` in a
 * zone costs about 14 µs; the planner converts a few instants per touchpoint for tens of
 * thousands of engagements, so offsets are memoised per zone and per UTC week. A week whose
 * offset is the same at both ends is taken as constant; a week where it differs is bisected
 * once to its exact transition(s). No zone changes its clocks and back within one week (the
 * closest pair, Morocco's Ramadan suspension, is about five weeks apart); the specs compare
 * every transition of 2025–2032 with Python's zoneinfo and random instants with Luxon.
 *
 * The memo is a pure function cache (the same answer the tz database would give), bounded,
 * and safe to clear at any time.
 */

/** Milliseconds in a civil day, used only for local-clock arithmetic. */
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WEEK_MS = 7 * DAY_MS;

interface Transition {
  /** First UTC millisecond with the new offset. */
  at: number;
  before: number;
  after: number;
}

/** A week's offset when constant, else its offset at the start and its transitions in order. */
type WeekEntry = number | { startOffset: number; transitions: Transition[] };

interface ZoneMemo {
  zone: IANAZone;
  weeks: Map<number, WeekEntry>;
  /** Offset at the first instant of each week: each boundary is asked of Intl once. */
  boundaries: Map<number, number>;
  /** The last week asked for: consecutive lookups mostly hit the same week. */
  lastWeek: number;
  lastEntry: WeekEntry;
}

const MAX_WEEKS_PER_ZONE = 20_000;
const memos = new Map<string, ZoneMemo>();
let lastMemo: ZoneMemo | undefined;
let lastZoneName = '';

function memoFor(zoneName: string): ZoneMemo {
  if (zoneName === lastZoneName && lastMemo !== undefined) return lastMemo;
  let memo = memos.get(zoneName);
  if (memo === undefined) {
    const zone = IANAZone.create(zoneName);
    if (!zone.isValid) throw new RangeError(`Unknown IANA time zone: ${JSON.stringify(zoneName)}`);
    memo = { zone, weeks: new Map(), boundaries: new Map(), lastWeek: NaN, lastEntry: 0 };
    memos.set(zoneName, memo);
  }
  lastZoneName = zoneName;
  lastMemo = memo;
  return memo;
}

function boundaryOffset(memo: ZoneMemo, week: number): number {
  let offset = memo.boundaries.get(week);
  if (offset === undefined) {
    offset = memo.zone.offset(week * WEEK_MS);
    memo.boundaries.set(week, offset);
  }
  return offset;
}

function weekEntry(memo: ZoneMemo, week: number): WeekEntry {
  if (week === memo.lastWeek) return memo.lastEntry;
  let entry = memo.weeks.get(week);
  if (entry === undefined) {
    const before = boundaryOffset(memo, week);
    const after = boundaryOffset(memo, week + 1);
    entry =
      before === after
        ? before
        : {
            startOffset: before,
            transitions: bisectTransitions(memo.zone, week * WEEK_MS, (week + 1) * WEEK_MS, before, after),
          };
    if (memo.weeks.size >= MAX_WEEKS_PER_ZONE) {
      memo.weeks.clear();
      memo.boundaries.clear();
    }
    memo.weeks.set(week, entry);
  }
  memo.lastWeek = week;
  memo.lastEntry = entry;
  return entry;
}

/** The transitions in `(start, end]` taking the offset from `before` to `after`, to the millisecond. */
function bisectTransitions(
  zone: IANAZone,
  start: number,
  end: number,
  before: number,
  after: number,
): Transition[] {
  const found: Transition[] = [];
  let from = start;
  let current = before;
  while (current !== after) {
    let lo = from;
    let hi = end;
    while (hi - lo > 1) {
      const mid = floor((lo + hi) / 2);
      if (zone.offset(mid) === current) lo = mid;
      else hi = mid;
    }
    const next = zone.offset(hi);
    found.push({ at: hi, before: current, after: next });
    current = next;
    from = hi;
  }
  return found;
}

/**
 * The UTC offset in minutes of an IANA zone at an instant (e.g. -240 for New York in summer),
 * as Luxon's `IANAZone.offset` gives it.
 * @throws RangeError for a zone name the runtime's tz database does not know.
 */
export function zoneOffsetMinutes(zoneName: string, utcMs: number): number {
  const entry = weekEntry(memoFor(zoneName), floor(utcMs / WEEK_MS));
  if (typeof entry === 'number') return entry;
  let offset = entry.startOffset;
  for (const t of entry.transitions) if (utcMs >= t.at) offset = t.after;
  return offset;
}

/** An offset change of one zone. */
export interface ZoneTransition {
  zone: string;
  /** First UTC millisecond with the new offset. */
  atMs: number;
  offsetBeforeMinutes: number;
  offsetAfterMinutes: number;
}

/** Every offset change of a zone in `[fromMs, toMs)`, in time order. */
export function zoneTransitionsBetween(zoneName: string, fromMs: number, toMs: number): ZoneTransition[] {
  const memo = memoFor(zoneName);
  const found: ZoneTransition[] = [];
  for (let week = floor(fromMs / WEEK_MS); week * WEEK_MS < toMs; week++) {
    const entry = weekEntry(memo, week);
    if (typeof entry === 'number') continue;
    for (const t of entry.transitions) {
      if (t.at >= fromMs && t.at < toMs) {
        found.push({
          zone: zoneName,
          atMs: t.at,
          offsetBeforeMinutes: t.before,
          offsetAfterMinutes: t.after,
        });
      }
    }
  }
  return found;
}

/** The local wall clock of an instant, as milliseconds of a UTC-like timeline (`day * DAY_MS + ms of day`). */
export function toLocalMs(zoneName: string, utcMs: number): number {
  return utcMs + zoneOffsetMinutes(zoneName, utcMs) * MINUTE_MS;
}

/** The zone's local date at an instant, as a day number (days since 1970-01-01). */
export function localDayAt(zoneName: string, utcMs: number): number {
  return floor(toLocalMs(zoneName, utcMs) / DAY_MS);
}

/** How a wall-clock time mapped to an instant. */
export type LocalTimeResolution = 'exact' | 'repeated' | 'skipped';

/** A wall-clock time resolved to one instant. */
export interface ResolvedLocalTime {
  utcMs: number;
  resolution: LocalTimeResolution;
}

/**
 * The instant at which a zone's wall clock first reads the given local date (a day number)
 * and time.
 *
 * That one rule settles both DST edge cases explicitly (pitfalls.md: "decide which instant you
 * mean"): a repeated time (fall back, 01:30 twice) resolves to its first occurrence, and a
 * skipped time (spring forward, 02:30 never shown) resolves to the instant the clocks jump,
 * the first moment the clock shows a later time. Luxon instead pushes a skipped time forward by
 * the gap (02:30 → 03:30), which would silently move a 02:30 deadline an hour later than needed.
 */
export function resolveLocalTime(zoneName: string, day: number, minuteOfDay: number): ResolvedLocalTime {
  const localMs = day * DAY_MS + minuteOfDay * MINUTE_MS;
  const early = zoneOffsetMinutes(zoneName, localMs - DAY_MS);
  const late = zoneOffsetMinutes(zoneName, localMs + DAY_MS);
  const fromEarly = localMs - early * MINUTE_MS;
  if (early === late) return { utcMs: fromEarly, resolution: 'exact' };
  const earlyValid = zoneOffsetMinutes(zoneName, fromEarly) === early;
  const fromLate = localMs - late * MINUTE_MS;
  const lateValid = zoneOffsetMinutes(zoneName, fromLate) === late;
  if (earlyValid && lateValid) return { utcMs: min(fromEarly, fromLate), resolution: 'repeated' };
  if (earlyValid) return { utcMs: fromEarly, resolution: 'exact' };
  if (lateValid) return { utcMs: fromLate, resolution: 'exact' };
  // In the gap: the jump happened between the two readings.
  const jumps = zoneTransitionsBetween(zoneName, min(fromEarly, fromLate), max(fromEarly, fromLate) + 1);
  return { utcMs: jumps.length > 0 ? jumps[0].atMs : max(fromEarly, fromLate), resolution: 'skipped' };
}

/** Shorthand for {@link resolveLocalTime} when only the instant matters. */
export function localToUtcMs(zoneName: string, day: number, minuteOfDay: number): number {
  return resolveLocalTime(zoneName, day, minuteOfDay).utcMs;
}
