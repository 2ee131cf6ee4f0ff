import { DAY_MS, type EpochDay } from './civil-date';
import type { CalendarView } from './calendar-view';
import { localDayAt, localToUtcMs } from './zone-offset';

// Module-level aliases: global lookups are slow in sandboxes such as jest's vm (about 30x
// for this arithmetic), and these functions run several times per touchpoint.
const { abs, max, min } = Math;
const { isNaN } = Number;

/** A half-open UTC interval `[start, end)` in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The UTC bounds of a local calendar date in a zone: from the first instant its clock reads
 * 00:00 to the first instant of the next date. 23 or 25 hours long on DST days.
 */
export function localDayBounds(zone: string, day: EpochDay): Span {
  return { start: localToUtcMs(zone, day, 0), end: localToUtcMs(zone, day + 1, 0) };
}

/**
 * Sorts spans and merges those that overlap or touch. Reuses the given span objects (callers
 * pass lists they just built), and skips the sort when the list is already in order, which is
 * the usual case for windows read day by day.
 */
export function mergeSpans(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  let ordered = true;
  for (let i = 1; i < spans.length && ordered; i++) ordered = spans[i].start >= spans[i - 1].start;
  const sorted = ordered ? spans : [...spans].sort((x, y) => x.start - y.start);
  const merged: Span[] = [sorted[0]];
  for (let i = 1; i < sorted.length; i++) {
    const last = merged[merged.length - 1];
    if (sorted[i].start <= last.end) last.end = max(last.end, sorted[i].end);
    else merged.push(sorted[i]);
  }
  return merged;
}

/** Intersection of two sorted, disjoint span lists (linear merge). */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = max(a[i].start, b[j].start);
    const end = min(a[i].end, b[j].end);
    if (start < end) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

/** Set by {@link windowsAround} when a day it read is closed by a holiday, time off or blackout. */
export interface WindowScan {
  closedByEvent: boolean;
}

/**
 * A person's working windows that intersect `[fromMs, toMs)`, sorted and merged. The day
 * before the first local date is included because a night shift belongs to the date it starts.
 * With `nominal`, days closed only by a holiday, time off or a blackout count as open.
 */
function windowsAround(
  view: CalendarView,
  fromMs: number,
  toMs: number,
  nominal: boolean,
  scan?: WindowScan,
): Span[] {
  const spans: Span[] = [];
  const last = localDayAt(view.zone, toMs);
  for (let day = localDayAt(view.zone, fromMs) - 1; day <= last; day++) {
    const d = view.day(day);
    if (scan !== undefined && isNaN(d.start) && !isNaN(d.nominalStart)) scan.closedByEvent = true;
    const start = nominal ? d.nominalStart : d.start;
    const end = nominal ? d.nominalEnd : d.end;
    if (!isNaN(start) && end > fromMs && start < toMs) spans.push({ start, end });
  }
  return mergeSpans(spans);
}

/** The windows of every participant around one organizer-local day, and their intersection. */
export interface DayWindows {
  /** The organizer-local date(s)' UTC bounds; a slot starts inside them. */
  bounds: Span;
  /** Per participant (same order as the views), windows within a day either side. */
  perPerson: Span[][];
  /** Where every participant is inside working hours. */
  common: Span[];
  /** Whether a holiday, time off or blackout closed a day nearby (else nominal = actual). */
  closedByEvent: boolean;
}

/**
 * Collects {@link DayWindows} for an organizer-local date, with windows up to `marginMs`
 * either side of it: a day to measure how far any slot strays from anyone's window, or just
 * the meeting's length when only slots inside everyone's hours matter (fewer days to read).
 */
export function collectDayWindows(
  views: readonly CalendarView[],
  organizerZone: string,
  day: EpochDay,
  nominal: boolean,
  marginMs: number = DAY_MS,
): DayWindows {
  return collectWindows(views, localDayBounds(organizerZone, day), nominal, marginMs);
}

/** Everyone's windows from `marginMs` before `bounds` to `marginMs` after, and their intersection. */
export function collectWindows(
  views: readonly CalendarView[],
  bounds: Span,
  nominal: boolean,
  marginMs: number = DAY_MS,
): DayWindows {
  const from = bounds.start - marginMs;
  const to = bounds.end + marginMs;
  const scan: WindowScan = { closedByEvent: false };
  const perPerson = views.map((v) => windowsAround(v, from, to, nominal, scan));
  let common = perPerson[0] ?? [];
  for (let i = 1; i < perPerson.length; i++) common = intersectSpans(common, perPerson[i]);
  return { bounds, perPerson, common, closedByEvent: scan.closedByEvent };
}

/**
 * The in-window start nearest `targetMs` for a meeting of `durationMs` that starts within
 * `bounds` (an organizer-local day), or null when no common window is long enough. Ties go to
 * the earlier start.
 */
export function nearestCommonStart(
  common: readonly Span[],
  bounds: Span,
  durationMs: number,
  targetMs: number,
): number | null {
  let best: number | null = null;
  for (const span of common) {
    const lo = max(span.start, bounds.start);
    const hi = min(span.end - durationMs, bounds.end - 1);
    if (lo > hi) continue;
    const candidate = min(max(targetMs, lo), hi);
    const distance = abs(candidate - targetMs);
    if (
      best === null ||
      distance < abs(best - targetMs) ||
      (distance === abs(best - targetMs) && candidate < best)
    ) {
      best = candidate;
    }
  }
  return best;
}

/** The longest common window (ms) that starts within the day's bounds. */
export function longestCommonMs(windows: DayWindows): number {
  let longest = 0;
  for (const span of windows.common) {
    const start = max(span.start, windows.bounds.start);
    if (start < windows.bounds.end && span.end - start > longest) longest = span.end - start;
  }
  return longest;
}
