import { DateTime, Interval } from 'luxon';
import type { LocalDate, WorkingCalendar } from '../../calendars/domain/calendar.types';
import type { ZoneLabels } from './cadence.types';
import { createCalendarView } from './calendar-view';
import { MINUTE_MS, fromEpochDay, isoWeekKey, isoWeekMonday, toEpochDay } from './civil-date';
import { collectDayWindows, localDayBounds, longestCommonMs } from './common-window';
import { describeDstTransitions, listDstTransitions, type DstTransition } from './dst';

/** The longest common window starting on one organizer-local date. */
export interface DailyOverlap {
  date: LocalDate;
  minutes: number;
}

/** The common working window of one organizer-local ISO week. */
export interface WeeklyOverlap {
  weekKey: string;
  /** The week's Monday. */
  weekStart: LocalDate;
  /** The longest common window of any day of the week, in minutes. */
  minutes: number;
  days: DailyOverlap[];
  /** Seasonal hour rules in force that week for any participant, e.g. "Ramadan hours (SA)". */
  hoursRules: string[];
}

/** What {@link weeklyOverlap} measures. */
export interface OverlapInput {
  calendars: readonly WorkingCalendar[];
  /** Whose local weeks and days are measured. */
  organizerId: string;
  /** Any date of the first week. */
  from: LocalDate;
  weeks: number;
}

/**
 * The common working window of a set of calendars, week by week.
 *
 * Holidays, time off and blackouts are ignored (they are reported as days off; here the
 * question is how the hours line up), while weekends and seasonal hours count. A DST change on
 * one side only shows up as a week whose window is an hour shorter or longer.
 */
export function weeklyOverlap(input: OverlapInput): WeeklyOverlap[] {
  const views = input.calendars.map(createCalendarView);
  const organizer = views.find((v) => v.personId === input.organizerId);
  if (organizer === undefined) throw new Error(`Organizer ${input.organizerId} is not among the calendars`);
  const firstMonday = isoWeekMonday(toEpochDay(input.from));
  const weeks: WeeklyOverlap[] = [];
  for (let w = 0; w < input.weeks; w++) {
    const monday = firstMonday + 7 * w;
    const days: DailyOverlap[] = [];
    const hoursRules: string[] = [];
    for (let day = monday; day < monday + 7; day++) {
      const windows = collectDayWindows(views, organizer.zone, day, true);
      days.push({ date: fromEpochDay(day), minutes: Math.floor(longestCommonMs(windows) / MINUTE_MS) });
      for (const v of views) {
        const rule = v.day(day).availability.hoursRule;
        if (rule !== undefined && !hoursRules.includes(rule)) hoursRules.push(rule);
      }
    }
    weeks.push({
      weekKey: isoWeekKey(monday),
      weekStart: fromEpochDay(monday),
      minutes: Math.max(...days.map((d) => d.minutes)),
      days,
      hoursRules,
    });
  }
  return weeks;
}

/** A run of weeks whose common window differs from the usual one. */
export interface OverlapChange {
  fromWeek: string;
  toWeek: string;
  weeks: number;
  minutes: number;
  /** The most frequent weekly value of the whole range (the larger one on a tie). */
  usualMinutes: number;
  /** Whether the run starts after the range's first week / ends before its last. */
  startsInRange: boolean;
  endsInRange: boolean;
  /** Clock changes of the participants' zones from a week before the run to a week after it. */
  transitions: DstTransition[];
  hoursRules: string[];
}

/**
 * Finds the runs of weeks whose overlap differs from the usual one and what explains them.
 * `zones` are the participants' zones, `organizerZone` the zone the weeks are counted in.
 */
export function findOverlapChanges(
  weeks: readonly WeeklyOverlap[],
  zones: readonly string[],
  organizerZone: string,
): OverlapChange[] {
  if (weeks.length === 0) return [];
  const usual = usualMinutes(weeks);
  const changes: OverlapChange[] = [];
  let i = 0;
  while (i < weeks.length) {
    if (weeks[i].minutes === usual) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < weeks.length && weeks[j + 1].minutes === weeks[i].minutes) j++;
    const runStart = toEpochDay(weeks[i].weekStart);
    const runEnd = toEpochDay(weeks[j].weekStart) + 7;
    const around = Interval.fromDateTimes(
      DateTime.fromMillis(localDayBounds(organizerZone, runStart - 7).start, { zone: 'utc' }),
      DateTime.fromMillis(localDayBounds(organizerZone, runEnd + 7).start, { zone: 'utc' }),
    );
    const hoursRules = [...new Set(weeks.slice(i, j + 1).flatMap((w) => w.hoursRules))];
    changes.push({
      fromWeek: weeks[i].weekKey,
      toWeek: weeks[j].weekKey,
      weeks: j - i + 1,
      minutes: weeks[i].minutes,
      usualMinutes: usual,
      startsInRange: i > 0,
      endsInRange: j < weeks.length - 1,
      transitions: listDstTransitions(zones, around),
      hoursRules,
    });
    i = j + 1;
  }
  return changes;
}

/**
 * Says an overlap change the way the forecast shows it: "US moved clocks on Mar 14 2027;
 * EU on Mar 28 2027: the overlap is 1 h instead of 2 h for two weeks".
 */
export function describeOverlapChange(change: OverlapChange, labels?: ZoneLabels): string {
  const causes = [...change.hoursRules];
  const clocks = describeDstTransitions(change.transitions, labels);
  if (clocks.length > 0) causes.push(clocks);
  const when =
    change.startsInRange && change.endsInRange
      ? `for ${countWeeks(change.weeks)}`
      : change.startsInRange
        ? `from ${change.fromWeek}`
        : change.endsInRange
          ? `until ${change.toWeek}`
          : 'throughout';
  const what = `the overlap is ${formatMinutes(change.minutes)} instead of ${formatMinutes(change.usualMinutes)} ${when}`;
  return causes.length > 0 ? `${causes.join('; ')}: ${what}` : what.charAt(0).toUpperCase() + what.slice(1);
}

/** "1 h", "1 h 30 min", "45 min", "0 h". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m === 0) return `${h} h`;
  return h === 0 ? `${m} min` : `${h} h ${m} min`;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function countWeeks(n: number): string {
  return `${NUMBER_WORDS[n] ?? String(n)} week${n === 1 ? '' : 's'}`;
}

function usualMinutes(weeks: readonly WeeklyOverlap[]): number {
  const counts = new Map<number, number>();
  for (const w of weeks) counts.set(w.minutes, (counts.get(w.minutes) ?? 0) + 1);
  let best = weeks[0].minutes;
  for (const [minutes, count] of counts) {
    const bestCount = counts.get(best) ?? 0;
    if (count > bestCount || (count === bestCount && minutes > best)) best = minutes;
  }
  return best;
}
