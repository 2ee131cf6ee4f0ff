import type { Weekday } from '../../calendars/domain/calendar.types';
import type { CadenceFrequency, PlanningRange } from './cadence.types';
import {
  civilFromDays,
  daysFromCivil,
  isoWeekKey,
  isoWeekMonday,
  monthKey,
  toEpochDay,
  weekdayIndex,
  weekdayToIndex,
  type EpochDay,
} from './civil-date';

/** One period of a cadence in its owner's local calendar. */
export interface CadencePeriod {
  /** `2027-W12` for weekly and biweekly cadences, `2027-03` for monthly ones. */
  key: string;
  /** The date the rule puts the occurrence on. */
  ruleDay: EpochDay;
  /** ISO week of the rule date, used to name the week in messages. */
  weekKey: string;
  /**
   * Dates an occurrence of this period may move to, in calendar order: the rule date's ISO
   * week (Mon–Sun), cut to the month for monthly cadences, and never before `startsOn`.
   */
  days: EpochDay[];
}

/** The first date on or after `from` that falls on `weekday`. */
export function firstWeekdayOnOrAfter(from: EpochDay, weekday: Weekday): EpochDay {
  return from + ((weekdayToIndex(weekday) - weekdayIndex(from) + 7) % 7);
}

/**
 * Expands a cadence into the periods whose rule date lies in `range` (inclusive).
 *
 * - weekly: every week on `weekday`, from the first such date on or after `startsOn`;
 * - biweekly: every other week, in phase with that first date;
 * - monthly: the n-th `weekday` of each month, n taken from that first date ("2nd Tuesday")
 *   and capped at 4 so that every month has one.
 */
export function expandPeriods(
  frequency: CadenceFrequency,
  weekday: Weekday,
  startsOnDate: string,
  range: PlanningRange,
): CadencePeriod[] {
  const startsOn = toEpochDay(startsOnDate);
  const from = Math.max(toEpochDay(range.from), startsOn);
  const to = toEpochDay(range.to);
  const first = firstWeekdayOnOrAfter(startsOn, weekday);
  const periods: CadencePeriod[] = [];
  if (to < from) return periods;

  switch (frequency) {
    case 'weekly':
    case 'biweekly': {
      const step = frequency === 'weekly' ? 7 : 14;
      // Jump straight to the first rule date at or after `from` instead of walking from startsOn.
      const skip = from > first ? Math.ceil((from - first) / step) : 0;
      for (let day = first + skip * step; day <= to; day += step) {
        periods.push(weekPeriod(day, startsOn));
      }
      return periods;
    }
    case 'monthly': {
      const ordinal = Math.min(4, Math.ceil(civilFromDays(first).day / 7));
      let { year, month } = civilFromDays(Math.max(first, from));
      for (;;) {
        const day = nthWeekdayOfMonth(year, month, weekday, ordinal);
        if (day > to) return periods;
        if (day >= from && day >= first) periods.push(monthPeriod(day, startsOn));
        month += 1;
        if (month > 12) {
          month = 1;
          year += 1;
        }
      }
    }
  }
}

/** The n-th (1-based) given weekday of a month. */
function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, n: number): EpochDay {
  return firstWeekdayOnOrAfter(daysFromCivil(year, month, 1), weekday) + (n - 1) * 7;
}

function weekPeriod(ruleDay: EpochDay, startsOn: EpochDay): CadencePeriod {
  const monday = isoWeekMonday(ruleDay);
  const days: EpochDay[] = [];
  for (let d = Math.max(monday, startsOn); d < monday + 7; d++) days.push(d);
  const weekKey = isoWeekKey(ruleDay);
  return { key: weekKey, ruleDay, weekKey, days };
}

function monthPeriod(ruleDay: EpochDay, startsOn: EpochDay): CadencePeriod {
  const monday = isoWeekMonday(ruleDay);
  const { year, month } = civilFromDays(ruleDay);
  const firstOfMonth = daysFromCivil(year, month, 1);
  const firstOfNext = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  const days: EpochDay[] = [];
  for (let d = Math.max(monday, firstOfMonth, startsOn); d < Math.min(monday + 7, firstOfNext); d++)
    days.push(d);
  return { key: monthKey(ruleDay), ruleDay, weekKey: isoWeekKey(ruleDay), days };
}
