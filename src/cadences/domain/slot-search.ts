import type { Weekday } from '../../calendars/domain/calendar.types';
import type { RotationCandidate } from './burden-rotation';
import { MINUTE_MS, weekdayIndex, weekdayToIndex, type EpochDay } from './civil-date';
import type { CalendarView } from './calendar-view';
import {
  collectDayWindows,
  collectWindows,
  localDayBounds,
  nearestCommonStart,
  type DayWindows,
} from './common-window';
import { evaluateSlot } from './out-of-hours';
import { localDayAt, localToUtcMs } from './zone-offset';

// Module-level aliases: global lookups are slow in sandboxes such as jest's vm (about 30x
// for this arithmetic), and these functions run several times per touchpoint.
const { abs } = Math;

/** What every slot search of one meeting cadence needs. */
export interface SlotSearch {
  /** Every participant, the organizer included. */
  views: readonly CalendarView[];
  organizer: CalendarView;
  durationMs: number;
}

/**
 * The instant of an organizer-local date and time. Calendar arithmetic stays in the
 * organizer's zone, so 10:00 stays 10:00 across their DST changes (never `+ 168 h`).
 */
export function organizerInstant(search: SlotSearch, day: EpochDay, minuteOfDay: number): number {
  return localToUtcMs(search.organizer.zone, day, minuteOfDay);
}

/** Whether `[startMs, endMs)` lies inside a working window of every participant. */
export function insideEveryonesHours(
  views: readonly CalendarView[],
  startMs: number,
  endMs: number,
  nominal = false,
): boolean {
  for (const view of views) {
    const day = localDayAt(view.zone, startMs);
    // The same day first: cheap and right for day shifts; the day before covers night shifts.
    if (!inside(view, day, startMs, endMs, nominal) && !inside(view, day - 1, startMs, endMs, nominal))
      return false;
  }
  return true;
}

function inside(
  view: CalendarView,
  day: EpochDay,
  startMs: number,
  endMs: number,
  nominal: boolean,
): boolean {
  const d = view.day(day);
  return nominal ? d.nominalStart <= startMs && endMs <= d.nominalEnd : d.start <= startMs && endMs <= d.end;
}

/** Everyone's windows around an organizer-local date, a day either side (for burden measures). */
export function dayWindows(search: SlotSearch, day: EpochDay, nominal: boolean): DayWindows {
  return collectDayWindows(search.views, search.organizer.zone, day, nominal);
}

/** Everyone's windows that a meeting starting on an organizer-local date could sit in. */
export function meetingWindows(search: SlotSearch, day: EpochDay, nominal: boolean): DayWindows {
  return collectDayWindows(search.views, search.organizer.zone, day, nominal, search.durationMs);
}

/** Everyone's windows that meetings starting on a run of organizer-local dates could sit in. */
export function periodWindows(
  search: SlotSearch,
  firstDay: EpochDay,
  lastDay: EpochDay,
  nominal: boolean,
): DayWindows {
  const zone = search.organizer.zone;
  return collectWindows(
    search.views,
    { start: localDayBounds(zone, firstDay).start, end: localDayBounds(zone, lastDay).end },
    nominal,
    search.durationMs,
  );
}

/** The in-hours start on an organizer-local date nearest `targetMs`, or null. */
export function inHoursStart(
  search: SlotSearch,
  windows: DayWindows,
  day: EpochDay,
  targetMs: number,
): number | null {
  return nearestCommonStart(
    windows.common,
    localDayBounds(search.organizer.zone, day),
    search.durationMs,
    targetMs,
  );
}

/**
 * Scored candidate slots on an organizer-local date for the least-bad search.
 *
 * Burden is piecewise linear in the start time and whether a slot is allowed changes only
 * where the meeting meets a window edge or someone's local midnight, so the best allowed slot
 * is always among: window starts, window ends minus the duration, local midnights and
 * midnights minus the duration, the day's first instant, and the rule's own time. Scoring just
 * those keeps the search exact without sampling.
 */
export function rotationCandidates(
  search: SlotSearch,
  windows: DayWindows,
  dayRank: number,
  targetMs: number,
  nominal: boolean,
): RotationCandidate[] {
  const { bounds } = windows;
  const duration = search.durationMs;
  // A list rather than a Set: instants are not small integers, and hashing them cost more
  // than scanning the twenty-odd starts kept (includes() matches as a Set would, NaN too).
  const starts: number[] = [];
  const add = (start: number): void => {
    if (start < bounds.start || start >= bounds.end || starts.includes(start)) return;
    starts.push(start);
  };
  add(targetMs);
  add(bounds.start);
  for (const spans of windows.perPerson) {
    for (const w of spans) {
      add(w.start);
      add(w.end - duration);
    }
  }
  for (const view of search.views) {
    const last = localDayAt(view.zone, bounds.end + duration);
    for (let day = localDayAt(view.zone, bounds.start); day <= last; day++) {
      const midnight = localToUtcMs(view.zone, day, 0);
      add(midnight);
      add(midnight - duration);
    }
  }
  const candidates: RotationCandidate[] = [];
  for (const start of starts) {
    const evaluation = evaluateSlot(search.views, windows.perPerson, start, duration, nominal);
    candidates.push({ evaluation, dayRank, targetMs });
  }
  return candidates;
}

/**
 * The order in which a period's dates are tried when an occurrence must move: preferred
 * weekdays first, then the nearest date to the rule date, ties to the earlier date. The rule
 * date itself comes first when only the time is wrong, last when a day off hit it (moving to
 * another day is the point; the same day at another time is the last resort before skipping).
 */
export function searchOrder(
  days: readonly EpochDay[],
  ruleDay: EpochDay,
  preferred: readonly Weekday[],
  ruleDayFirst: boolean,
): EpochDay[] {
  const preferredIdx = new Set(preferred.map(weekdayToIndex));
  const rank = (d: EpochDay): number =>
    preferredIdx.size === 0 || preferredIdx.has(weekdayIndex(d)) ? 0 : 1;
  const others = days
    .filter((d) => d !== ruleDay)
    .sort((a, b) => rank(a) - rank(b) || abs(a - ruleDay) - abs(b - ruleDay) || a - b);
  if (!days.includes(ruleDay)) return others;
  return ruleDayFirst ? [ruleDay, ...others] : [...others, ruleDay];
}

/** Minutes to milliseconds. */
export function minutesToMs(minutes: number): number {
  return minutes * MINUTE_MS;
}
