import type { DayOffReason, Side } from '../../calendars/domain/calendar.types';
import type { ZoneLabels } from './cadence.types';
import { DAY_MS, MINUTE_MS, parseLocalTime, shortWeekdayName, type EpochDay } from './civil-date';
import type { CalendarView } from './calendar-view';
import { describeDstTransitions, explainOffsetChange } from './dst';
import { localDayAt, toLocalMs } from './zone-offset';

/**
 * Why the planner withdraws an occurrence that is no longer expected at all (not a holiday
 * skip): its cadence changed, or stopped. Stored as the touchpoint's adjustment reason.
 */
export const WITHDRAWN_REASONS = {
  changed: 'The cadence no longer has an occurrence in this period',
  stopped: 'The cadence was stopped',
} as const;

/** True for an adjustment reason the planner gave when withdrawing an occurrence. */
export function isWithdrawalReason(reason: string): boolean {
  return reason === WITHDRAWN_REASONS.changed || reason === WITHDRAWN_REASONS.stopped;
}

/** A participant's day off that an occurrence would land on. */
export interface DayOffHit {
  personId: string;
  side: Side;
  /** The participant's local date. */
  day: EpochDay;
  off: readonly DayOffReason[];
}

/**
 * The days off a slot would make someone work on. For each participant:
 * - inside a working window: none;
 * - inside the window the day would have without its holiday, time off or blackout: that day
 *   (a night shift belongs to the date it starts, so the 02:00 part of Thursday's shift is a
 *   Thursday hit);
 * - otherwise any local date of the slot that is off, weekends included.
 */
export function dayOffHits(views: readonly CalendarView[], startMs: number, endMs: number): DayOffHit[] {
  const hits: DayOffHit[] = [];
  for (const view of views) {
    const first = localDayAt(view.zone, startMs);
    const candidates = [view.day(first - 1), view.day(first)];
    if (candidates.some((d) => d.start <= startMs && endMs <= d.end)) continue;
    const closed = candidates.find((d) => d.nominalStart <= startMs && endMs <= d.nominalEnd);
    if (closed !== undefined) {
      hits.push({ personId: view.personId, side: view.side, day: closed.day, off: closed.availability.off });
      continue;
    }
    const last = localDayAt(view.zone, endMs - 1);
    for (let day = first; day <= last; day++) {
      const d = view.day(day);
      if (Number.isNaN(d.start) && d.availability.off.length > 0) {
        hits.push({ personId: view.personId, side: view.side, day, off: d.availability.off });
      }
    }
  }
  return hits;
}

/** The distinct labels of the hits, e.g. "Maundy Thursday (PH)"; "; "-separated. */
export function describeDayOffHits(hits: readonly DayOffHit[]): string {
  const labels: string[] = [];
  for (const hit of hits) {
    for (const o of hit.off) {
      const label = offLabel(hit, o);
      if (!labels.includes(label)) labels.push(label);
    }
  }
  return labels.join('; ');
}

/**
 * A day-off label that says whose day it is. Holidays and blackouts name their country or side
 * already ("Maundy Thursday (PH)"); a bare "Weekend" or "Time off" gets the side appended, so
 * a US weekend and an Egyptian one are not merged into "Weekend Fri–Sun".
 */
function offLabel(hit: Pick<DayOffHit, 'side'>, reason: DayOffReason): string {
  const bare = (reason.kind === 'weekend' || reason.kind === 'time_off') && !reason.label.includes('(');
  return bare ? `${reason.label} (${hit.side})` : reason.label;
}

/**
 * Why a whole period has no day to meet on, with each day off and the participant-local
 * weekdays it covers: "no common working day in week 2027-W12: Eid al-Fitr (EG, tentative)
 * Tue–Thu, weekend (EG) Fri–Sat".
 */
export function describeNoCommonDay(weekKey: string, hits: readonly DayOffHit[]): string {
  return describeDaysOff(`no common working day in week ${weekKey}`, hits);
}

/**
 * A headline followed by every day off grouped by label with the local weekdays it covers:
 * "<head>: Holy Week (PH) Mon–Wed, weekend (PH) Sat–Sun". Just the headline when no hits.
 */
export function describeDaysOff(head: string, hits: readonly DayOffHit[]): string {
  const byLabel = new Map<string, Set<EpochDay>>();
  for (const hit of hits) {
    for (const o of hit.off) {
      const label = offLabel(hit, o);
      const days = byLabel.get(label) ?? new Set<EpochDay>();
      days.add(hit.day);
      byLabel.set(label, days);
    }
  }
  const groups = [...byLabel.entries()]
    .map(([label, days]) => ({ label, days: [...days].sort((a, b) => a - b) }))
    .sort((a, b) => a.days[0] - b.days[0] || a.label.localeCompare(b.label))
    .map((g) => `${g.label} ${dayRuns(g.days)}`);
  return groups.length === 0 ? head : `${head}: ${groups.join(', ')}`;
}

function dayRuns(days: readonly EpochDay[]): string {
  const runs: string[] = [];
  let runStart = days[0];
  for (let i = 1; i <= days.length; i++) {
    if (i < days.length && days[i] === days[i - 1] + 1) continue;
    const runEnd = days[i - 1];
    runs.push(
      runStart === runEnd
        ? shortWeekdayName(runStart)
        : `${shortWeekdayName(runStart)}–${shortWeekdayName(runEnd)}`,
    );
    runStart = days[i];
  }
  return runs.join(' and ');
}

/**
 * Why the usual time no longer fits on a working day: the seasonal hours in force
 * ("Ramadan hours (SA)") and the clock changes that moved the zones apart
 * ("US moved clocks on Mar 14 2027; EU on Mar 28 2027").
 */
export function describeTimeChange(
  views: readonly CalendarView[],
  referenceMs: number,
  atMs: number,
  labels?: ZoneLabels,
): string {
  const parts: string[] = [];
  for (const view of views) {
    const rule = view.day(owningDay(view, atMs)).availability.hoursRule;
    if (rule !== undefined && !parts.includes(rule)) parts.push(rule);
  }
  const clocks = describeDstTransitions(
    explainOffsetChange(
      views.map((v) => v.zone),
      referenceMs,
      atMs,
    ),
    labels,
  );
  if (clocks.length > 0) parts.push(clocks);
  return parts.length > 0 ? parts.join('; ') : "the usual time is outside someone's working hours";
}

/** The local date whose shift an instant belongs to (the day before, inside a night shift). */
function owningDay(view: CalendarView, utcMs: number): EpochDay {
  const localMs = toLocalMs(view.zone, utcMs);
  const day = Math.floor(localMs / DAY_MS);
  const minute = Math.floor((localMs - day * DAY_MS) / MINUTE_MS);
  const hours = view.day(day - 1).availability.hours;
  const start = parseLocalTime(hours.start);
  const end = parseLocalTime(hours.end);
  return end <= start && minute < end ? day - 1 : day;
}
