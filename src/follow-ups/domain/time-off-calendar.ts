import type { DayAvailability, LocalDate, WorkingCalendar } from '../../calendars/domain/calendar.types';
import { workingWindow } from '../../calendars/domain/working-window';
import type { FollowUpPerson, FollowUpRecipient, TimeOffDay, TimeOffLookup } from './follow-up.types';

// Time off is the one day-off reason a follow-up can route around (a backup stands in),
// so the planner needs a person's calendar both without it (where would the step land?)
// and with it (when are they back?). Holidays, weekends and blackouts stay in both.

const TIME_OFF_REASON = Object.freeze({ kind: 'time_off' as const, label: 'Time off' });

/** A time-off range as stored (local dates, both included) with its backup. */
export interface TimeOffRange {
  start: LocalDate;
  end: LocalDate;
  backup?: FollowUpPerson | null;
}

/** A lookup over stored time-off ranges; where ranges overlap, the first with a backup wins. */
export function timeOffLookup(ranges: readonly TimeOffRange[]): TimeOffLookup {
  return (date) => {
    let found: TimeOffDay | undefined;
    for (const range of ranges) {
      if (range.start > date || date > range.end) continue;
      if (range.backup) return { backup: range.backup };
      found ??= { backup: null };
    }
    return found;
  };
}

/**
 * The calendar as if the person took no time off: a date whose only reason to be off is
 * time off gets back the window its hours give (the same window createWorkingCalendar
 * would have computed).
 */
export function withoutTimeOff(calendar: WorkingCalendar): WorkingCalendar {
  return memoised(calendar, (day) => {
    const kept = day.off.filter((reason) => reason.kind !== 'time_off');
    if (kept.length === day.off.length) return day;
    const window = kept.length === 0 ? workingWindow(day.date, day.hours, calendar.timeZone) : null;
    return { ...day, off: kept, window };
  });
}

/** The calendar with the lookup's time-off days off as well. */
export function withTimeOff(calendar: WorkingCalendar, lookup: TimeOffLookup | undefined): WorkingCalendar {
  if (!lookup) return calendar;
  return memoised(calendar, (day) => {
    if (lookup(day.date) === undefined || day.off.some((reason) => reason.kind === 'time_off')) return day;
    return { ...day, off: [...day.off, TIME_OFF_REASON], window: null };
  });
}

/** The recipient's time off on a date, from either the lookup or their calendar; undefined when not away. */
export function timeOffOn(recipient: FollowUpRecipient, date: LocalDate): TimeOffDay | undefined {
  const listed = recipient.timeOff?.(date);
  const inCalendar = recipient.calendar.day(date).off.some((reason) => reason.kind === 'time_off');
  if (listed === undefined && !inCalendar) return undefined;
  return { backup: listed?.backup ?? recipient.backup ?? null };
}

function memoised(
  calendar: WorkingCalendar,
  map: (day: DayAvailability) => DayAvailability,
): WorkingCalendar {
  const memo = new Map<LocalDate, DayAvailability>();
  return {
    personId: calendar.personId,
    timeZone: calendar.timeZone,
    side: calendar.side,
    day(date) {
      const known = memo.get(date);
      if (known) return known;
      const original = calendar.day(date);
      const mapped = map(original);
      if (mapped !== original) {
        // Keep the calendar's promise: days are frozen and shared.
        Object.freeze(mapped.off);
        Object.freeze(mapped);
      }
      memo.set(date, mapped);
      return mapped;
    },
  };
}
