import { DateTime } from 'luxon';
import { offsetMinutes } from './zone-offset';

/**
 * Instants as the API writes them (`2027-03-09T14:00:00Z`, `2027-03-09T22:00:00+08:00`):
 * exactly what `DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true })`
 * answers, without its cost on hot paths. A touchpoint listing formats every touchpoint in
 * every participant's zone, and Luxon finds an IANA zone's offset through
 * `Intl.DateTimeFormat#formatToParts` on every call: most of the listing's CPU time. Here the
 * offset comes from the planner's per-zone offset memo and `Date#toISOString` writes the rest.
 */

/** `Date#toISOString` is Luxon's ISO form for years 0–9999 (stored instants are fixed-width). */
const MIN_FAST_MS = Date.UTC(0, 0, 1);
const MAX_FAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MINUTE_MS = 60_000;

/** Names Luxon takes as its fixed UTC zone, which it writes as `Z` rather than `+00:00`. */
const FIXED_UTC = new Set(['utc', 'gmt']);

/** `2027-03-09T14:00:00Z` (milliseconds only when there are some). */
export function utcIso(date: Date): string {
  const ms = date.getTime();
  if (!inFastRange(ms)) return luxonIso(date, 'utc');
  return `${isoBody(ms)}Z`;
}

/** The instant in `zone` with its offset, `2027-03-09T22:00:00+08:00`. Throws on an unknown zone. */
export function zonedIso(date: Date, zone: string): string {
  const ms = date.getTime();
  if (!inFastRange(ms) || FIXED_UTC.has(zone.toLowerCase())) return luxonIso(date, zone);
  const offset = offsetMinutes(zone, ms);
  const local = ms + offset * MINUTE_MS;
  // Local mean time before standard zones has offsets in seconds: Luxon's own path handles them.
  if (!Number.isInteger(offset) || !inFastRange(local)) return luxonIso(date, zone);
  return `${isoBody(local, ms)}${offsetText(offset)}`;
}

function inFastRange(ms: number): boolean {
  return ms >= MIN_FAST_MS && ms <= MAX_FAST_MS;
}

/** `YYYY-MM-DDTHH:mm:ss`, with `.SSS` when the instant has milliseconds. */
function isoBody(wallMs: number, instantMs = wallMs): string {
  const iso = new Date(wallMs).toISOString();
  return instantMs % 1000 === 0 ? iso.slice(0, 19) : iso.slice(0, 23);
}

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hours}:${String(abs % 60).padStart(2, '0')}`;
}

function luxonIso(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}
