import { DateTime, type Interval } from 'luxon';
import type { LocalDate } from '../../calendars/domain/calendar.types';
import type { ZoneLabels } from './cadence.types';
import { DAY_MS, formatShortDate, fromEpochDay, type EpochDay } from './civil-date';
import { zoneLabel } from './zone-label';
import { localDayAt, zoneTransitionsBetween, type ZoneTransition } from './zone-offset';

/** One clock change of one zone. */
export interface DstTransition {
  zone: string;
  /** The exact instant (UTC) from which the new offset applies. */
  at: DateTime;
  /** The zone's local date on which the clocks moved. */
  localDate: LocalDate;
  offsetBeforeMinutes: number;
  offsetAfterMinutes: number;
}

/**
 * Every clock change of the given zones inside a UTC interval, in time order.
 *
 * Offsets are compared day by day and each change is bisected to its exact instant (see
 * zone-offset.ts), so the answer comes from the runtime's tz database, never from a table.
 */
export function listDstTransitions(zones: readonly string[], range: Interval): DstTransition[] {
  return transitionsBetweenMs(zones, range.start.toMillis(), range.end.toMillis()).map(toDstTransition);
}

/** Like {@link listDstTransitions} with epoch milliseconds, for domain code that works in numbers. */
function transitionsBetweenMs(zones: readonly string[], fromMs: number, toMs: number): ZoneTransition[] {
  const all: ZoneTransition[] = [];
  for (const zone of new Set(zones)) all.push(...zoneTransitionsBetween(zone, fromMs, toMs));
  return all.sort((a, b) => a.atMs - b.atMs || a.zone.localeCompare(b.zone));
}

function toDstTransition(t: ZoneTransition): DstTransition {
  return {
    zone: t.zone,
    at: DateTime.fromMillis(t.atMs, { zone: 'utc' }),
    localDate: fromEpochDay(localDayOfTransition(t)),
    offsetBeforeMinutes: t.offsetBeforeMinutes,
    offsetAfterMinutes: t.offsetAfterMinutes,
  };
}

function localDayOfTransition(t: { zone: string; atMs: number }): EpochDay {
  return localDayAt(t.zone, t.atMs);
}

/**
 * Names clock changes the way people say them: "US moved clocks on Mar 14 2027; EU on Mar 28
 * 2027". Zones sharing a label and a date are said once; the order is the order of the changes.
 * Returns an empty string for no changes.
 */
export function describeDstTransitions(
  transitions: readonly (DstTransition | ZoneTransition)[],
  labels?: ZoneLabels,
): string {
  const groups: { label: string; day: EpochDay }[] = [];
  const sorted = [...transitions].sort((a, b) => instantOf(a) - instantOf(b));
  for (const t of sorted) {
    const label = zoneLabel(t.zone, labels);
    const day = localDayOfTransition({ zone: t.zone, atMs: instantOf(t) });
    if (!groups.some((g) => g.label === label && g.day === day)) groups.push({ label, day });
  }
  return groups
    .map((g, i) => `${g.label} ${i === 0 ? 'moved clocks on ' : 'on '}${formatShortDate(g.day)}`)
    .join('; ');
}

function instantOf(t: DstTransition | ZoneTransition): number {
  return 'atMs' in t ? t.atMs : t.at.toMillis();
}

/** How far around an occurrence a clock change still explains a moved window. */
const NEIGHBOURHOOD_MS = 35 * DAY_MS;

/**
 * The clock changes that explain why an occurrence at `atMs` no longer sits where it sat at
 * `referenceMs` (the cadence's first occurrence):
 * - the changes of the five weeks before `atMs`, else the latest change of every zone whose
 *   offset differs from the reference (AU left DST in April; the meeting in June is still off);
 * - plus, when something moved, the next change of every other zone within five weeks, which is
 *   what ends a DST "gap week" ("US moved clocks on Mar 14 2027; EU on Mar 28 2027").
 * Empty when no clock change is in sight.
 */
export function explainOffsetChange(
  zones: readonly string[],
  referenceMs: number,
  atMs: number,
): ZoneTransition[] {
  const unique = [...new Set(zones)];
  let past = transitionsBetweenMs(unique, atMs - NEIGHBOURHOOD_MS, atMs + 1);
  if (past.length === 0 && referenceMs < atMs) {
    past = [];
    for (const zone of unique) {
      const changes = zoneTransitionsBetween(zone, referenceMs, atMs + 1);
      const net = changes.reduce((sum, c) => sum + c.offsetAfterMinutes - c.offsetBeforeMinutes, 0);
      if (net !== 0) past.push(changes[changes.length - 1]);
    }
  }
  if (past.length === 0) return [];
  const upcoming: ZoneTransition[] = [];
  for (const zone of unique) {
    if (past.some((t) => t.zone === zone)) continue;
    const next = zoneTransitionsBetween(zone, atMs + 1, atMs + NEIGHBOURHOOD_MS);
    if (next.length > 0) upcoming.push(next[0]);
  }
  return [...past, ...upcoming].sort((a, b) => a.atMs - b.atMs);
}
