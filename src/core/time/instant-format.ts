import { DateTime } from 'luxon';

/**
 * Instants as the API writes them (`2027-03-09T14:00:00Z`, `2027-03-09T22:00:00+08:00`):
 * exactly what `DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true })`
 * answers, without its cost on hot paths. A touchpoint listing formats every touchpoint in
 * every participant's zone, and Luxon finds an IANA zone's offset through
 * `Intl.DateTimeFormat#formatToParts` on every call: most of the listing's CPU time.
 */

/** `Date#toISOString` is Luxon's UTC ISO form for years 0–9999 (stored instants are fixed-width). */
const MIN_FAST_MS = Date.UTC(0, 0, 1);
const MAX_FAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Bounds the memo below: a few MB at most, whatever the portfolio. */
const MAX_MEMO = 50_000;
let memo = new Map<string, string>();

/** `2027-03-09T14:00:00Z` (milliseconds only when there are some). */
export function utcIso(date: Date): string {
  const ms = date.getTime();
  if (!(ms >= MIN_FAST_MS && ms <= MAX_FAST_MS)) return luxonIso(date, 'utc');
  const iso = date.toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

/**
 * The instant in `zone` with its offset, `2027-03-09T22:00:00+08:00`. Remembered per zone
 * and instant: the answer depends on nothing else (the process's zone database is fixed),
 * and schedules repeat the same instants across engagements and views.
 */
export function zonedIso(date: Date, zone: string): string {
  const ms = date.getTime();
  const key = `${zone}|${ms}`;
  let iso = memo.get(key);
  if (iso === undefined) {
    iso = luxonIso(date, zone);
    if (memo.size >= MAX_MEMO) memo = new Map();
    memo.set(key, iso);
  }
  return iso;
}

function luxonIso(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}
