import type { Interval } from 'luxon';
import {
  WEEKDAYS,
  type Blackout,
  type CalendarProfile,
  type DayAvailability,
  type DayOffReason,
  type LocalDate,
  type WorkingCalendar,
  type WorkingHours,
} from './calendar.types';
import type { HolidayCalendar } from './holiday-calendar';
import { holidayLabel } from './holiday.types';
import { civilToDayNumber, fromDayNumber, parseLocalDate } from './local-date';
import { minutesOfDay } from './local-time';
import type { SeasonalHoursCalendar } from './seasonal-hours';
import { windowInterval, workingWindowMillis, type WindowMillis } from './working-window';

export type { WindowMillis } from './working-window';

/** What every person's calendar shares: holidays, seasonal hours, and the engagement's shutdown days. */
export interface WorkingCalendarContext {
  holidays: HolidayCalendar;
  seasonalHours: SeasonalHoursCalendar;
  /** Shutdown days of the engagement; only those of the person's own side apply. */
  blackouts: readonly Blackout[];
  /** Days computed once for every calendar of the same inputs (see {@link SharedWorkingDays}). */
  shared?: SharedWorkingDays;
}

/**
 * Computed days shared between the calendars of different people whose days are made of the
 * same inputs: zone, country and region, work week, hours, time off and the blackouts of their
 * side. Most people share those with many others (every New York client contact on 09:00–17:00
 * without time off), so a planning run computes each such day once rather than once per
 * person. Days depend on the holidays and seasonal hours too: the store belongs to the first
 * pair it is used with, and calendars built on any other pair keep days of their own. It only
 * grows, by distinct inputs: make one per planning run, not one per process.
 */
export class SharedWorkingDays {
  #sources: Pick<WorkingCalendarContext, 'holidays' | 'seasonalHours'> | undefined;
  readonly #memos = new Map<string, Map<number, DayRecord>>();

  /** The memo for these inputs, or undefined when the context has other holidays or hours. */
  memoFor(key: string, context: WorkingCalendarContext): Map<number, DayRecord> | undefined {
    this.#sources ??= { holidays: context.holidays, seasonalHours: context.seasonalHours };
    if (this.#sources.holidays !== context.holidays || this.#sources.seasonalHours !== context.seasonalHours)
      return undefined;
    let memo = this.#memos.get(key);
    if (memo === undefined) {
      memo = new Map();
      this.#memos.set(key, memo);
    }
    return memo;
  }
}

const WEEKEND: DayOffReason = Object.freeze({ kind: 'weekend', label: 'Weekend' });
const TIME_OFF: DayOffReason = Object.freeze({ kind: 'time_off', label: 'Time off' });
/** Every working day's `off`: one frozen empty list rather than a new one per day. */
const NOTHING_OFF: DayOffReason[] = Object.freeze([]) as unknown as DayOffReason[];

/**
 * The working window of a day as epoch milliseconds, or null when the day is off: the same
 * instants as `day.window`. Placement reads windows thousands of times per plan; for days
 * made by {@link createWorkingCalendar} this needs no Luxon object at all. Any other day (a
 * wrapper's copy that changed `off` or `window`, a test double) is read through `window`.
 */
export function windowMillis(day: DayAvailability): WindowMillis | null {
  const own = WorkingDay.millisOf(day);
  if (own !== undefined) return own;
  const window = day.window;
  return window === null ? null : { startMs: window.start.toMillis(), endMs: window.end.toMillis() };
}

/**
 * A person's working calendar. A date's working window is the person's working hours
 * (or seasonal hours) on a work-week day, as a UTC interval computed in the person's
 * zone, and null when the date is off for any reason: not in the work week, a public
 * holiday of their country and region, their time off, or a blackout day of their side.
 * A night shift belongs to the date on which it starts: only that date's work week,
 * holidays, time off and blackouts decide it. Days are computed once and memoised.
 *
 * Seasonal hours (Ramadan hours) replace a day-shift person's own hours. A night shift
 * (hours crossing midnight) keeps its own hours: the rules shorten the fasting daytime,
 * and moving a 21:00–06:00 agent onto 09:00–15:00 would put them on a shift they do not
 * work. Such a day reports no hoursRule.
 */
export function createWorkingCalendar(
  profile: CalendarProfile,
  context: WorkingCalendarContext,
): WorkingCalendar {
  // Everything that does not depend on the date is read once per calendar, not once per
  // day: a planning run asks each person for a few hundred days.
  const workWeek = new Set(profile.workWeek);
  const worksOn = WEEKDAYS.map((weekday) => workWeek.has(weekday));
  const blackouts = new Map<LocalDate, DayOffReason[]>();
  for (const blackout of context.blackouts) {
    if (blackout.side !== profile.side) continue;
    const reason: DayOffReason = Object.freeze({
      kind: 'blackout',
      label: `${blackout.name} (${blackout.side} blackout)`,
    });
    blackouts.set(blackout.date, [...(blackouts.get(blackout.date) ?? []), reason]);
  }
  const ownHours: WorkingHours = Object.freeze({
    start: profile.workingHours.start,
    end: profile.workingHours.end,
  });
  const ownStart = minutesOfDay(ownHours.start);
  const ownEnd = minutesOfDay(ownHours.end);
  const nightShift = ownEnd <= ownStart;
  const { country, region, timeZone, timeOff } = profile;
  // Keyed by day number: placement asks by number, and a number key needs no date string.
  // Everything compute() reads, as the key of days other people's calendars may share.
  const memo =
    (context.shared && context.shared.memoFor(sharedDaysKey(profile, blackouts), context)) ??
    new Map<number, DayRecord>();

  function compute(dayNumber: number, date: LocalDate): DayRecord {
    const off: DayOffReason[] = [];
    // 1970-01-01 was a Thursday (index 3 with Monday first).
    if (!worksOn[(((dayNumber + 3) % 7) + 7) % 7]) off.push(WEEKEND);
    for (const holiday of context.holidays.on(country, region, date)) {
      off.push(
        Object.freeze({
          kind: 'holiday',
          label: holidayLabel(holiday),
          tentative: holiday.tentative,
          holidayId: holiday.id,
        }),
      );
    }
    for (const range of timeOff) {
      if (range.start <= date && date <= range.end) {
        off.push(TIME_OFF);
        break;
      }
    }
    for (const reason of blackouts.get(date) ?? []) off.push(reason);

    let hours = ownHours;
    let startMinute = ownStart;
    let endMinute = ownEnd;
    let hoursRule: string | undefined;
    if (!nightShift) {
      const seasonal = context.seasonalHours.on(country, date);
      if (seasonal !== null) {
        hours = Object.freeze({ ...seasonal.hours });
        startMinute = minutesOfDay(hours.start);
        endMinute = minutesOfDay(hours.end);
        hoursRule = seasonal.label;
      }
    }
    const open = off.length === 0;
    const window = open ? workingWindowMillis(dayNumber, startMinute, endMinute, timeZone) : null;
    return {
      dayNumber,
      date,
      off: open ? NOTHING_OFF : (Object.freeze(off) as DayOffReason[]),
      hours,
      hoursRule,
      startMs: window === null ? NaN : window.startMs,
      endMs: window === null ? NaN : window.endMs,
      window,
      availability: undefined,
    };
  }

  function record(dayNumber: number, date?: LocalDate): DayRecord {
    let found = memo.get(dayNumber);
    if (found === undefined) {
      found = compute(dayNumber, date ?? fromDayNumber(dayNumber));
      memo.set(dayNumber, found);
    }
    return found;
  }

  const calendar: WorkingCalendar = {
    personId: profile.personId,
    timeZone: profile.timeZone,
    side: profile.side,
    day(date) {
      // Also fails loudly on a malformed date rather than answer for it.
      const found = record(civilToDayNumber(parseLocalDate(date)), date);
      // Memoised and shared between callers: frozen so nobody edits another caller's answer.
      found.availability ??= Object.freeze(
        new WorkingDay(found.date, found.off, found.hours, found.hoursRule, found.window),
      );
      return found.availability;
    },
  };
  readers.set(calendar, record);
  daySources.set(calendar, memo);
  return calendar;
}

/**
 * One day of a calendar made by {@link createWorkingCalendar}, as plain facts: what placement
 * reads for every person-day it looks at, without the DayAvailability object (built only
 * when someone asks `day()` for that date).
 */
export interface WorkingDayFacts {
  /** Days since 1970-01-01. */
  readonly dayNumber: number;
  readonly date: LocalDate;
  /** Why the day is off; empty (and frozen) on a working day. */
  readonly off: readonly DayOffReason[];
  readonly hours: WorkingHours;
  readonly hoursRule: string | undefined;
  /** The working window in epoch milliseconds; NaN when the day is off. */
  readonly startMs: number;
  readonly endMs: number;
}

interface DayRecord extends WorkingDayFacts {
  readonly off: DayOffReason[];
  readonly window: WindowMillis | null;
  availability: DayAvailability | undefined;
}

/** The facts of each calendar made here, by day number. */
const readers = new WeakMap<WorkingCalendar, (dayNumber: number) => WorkingDayFacts>();

/**
 * Everything a calendar's days are computed from besides the holidays and seasonal hours, as
 * text. Zones, countries, regions, weekdays, times and dates hold no `|` or `,`; blackout
 * names may, so they come last, quoted.
 */
function sharedDaysKey(profile: CalendarProfile, blackouts: ReadonlyMap<LocalDate, DayOffReason[]>): string {
  let key = `${profile.timeZone}|${profile.country}|${profile.region === null ? '' : `r:${profile.region}`}|${profile.workWeek.join(',')}|${profile.workingHours.start}|${profile.workingHours.end}|`;
  for (const range of profile.timeOff) key += `${range.start},${range.end},`;
  if (blackouts.size > 0) {
    key += `|${JSON.stringify([...blackouts].map(([date, reasons]) => [date, reasons.map((r) => r.label)]))}`;
  }
  return key;
}

/** The memo each calendar made here reads its days from (shared by calendars of the same inputs). */
const daySources = new WeakMap<WorkingCalendar, object>();

/**
 * What a calendar made by {@link createWorkingCalendar} reads its days from, as an opaque
 * object: two calendars with the same source answer the same facts for every day (they were
 * made with the same {@link SharedWorkingDays} from the same inputs), so whatever is derived
 * from their days alone may be shared too. Undefined for any other calendar.
 */
export function workingDaySource(calendar: WorkingCalendar): object | undefined {
  return daySources.get(calendar);
}

/**
 * Reads a calendar's days by day number as {@link WorkingDayFacts}, for hot paths, when the
 * calendar was made by {@link createWorkingCalendar}; undefined for any other calendar (a
 * wrapper, a test double), which must be read through `day()`. The facts are the same as
 * `day()` answers: the same memo, the same computation.
 */
export function dayFactsReader(
  calendar: WorkingCalendar,
): ((dayNumber: number) => WorkingDayFacts) | undefined {
  return readers.get(calendar);
}

/**
 * One day, whose `window` Interval is built only when someone reads it: the planner reads
 * windows as numbers through {@link windowMillis}, and two Luxon DateTimes and an Interval
 * per person-day were most of a calendar's cost. `window` stays an own, enumerable property
 * (an accessor), so spreading, serialising or comparing a day sees it as before. The numbers
 * live in private fields: a copy made by spreading a day does not carry them, so it can never
 * be read with a window it no longer has.
 */
class WorkingDay implements DayAvailability {
  declare readonly date: LocalDate;
  declare readonly window: Interval | null;
  declare readonly off: DayOffReason[];
  declare readonly hours: WorkingHours;
  declare readonly hoursRule?: string;
  readonly #millis: WindowMillis | null;
  #interval: Interval | null | undefined;

  /** One shared accessor for every day's `window` (a closure per day would cost more). */
  static readonly #windowProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: WorkingDay): Interval | null {
      if (this.#interval === undefined) {
        this.#interval =
          this.#millis === null ? null : windowInterval(this.#millis.startMs, this.#millis.endMs);
      }
      return this.#interval;
    },
  };

  constructor(
    date: LocalDate,
    off: DayOffReason[],
    hours: WorkingHours,
    hoursRule: string | undefined,
    millis: WindowMillis | null,
  ) {
    this.#millis = millis;
    // Assigned in the order the fields have always had: date, window, off, hours, hoursRule.
    (this as { date: LocalDate }).date = date;
    Object.defineProperty(this, 'window', WorkingDay.#windowProperty);
    (this as { off: DayOffReason[] }).off = off;
    (this as { hours: WorkingHours }).hours = hours;
    if (hoursRule !== undefined) (this as { hoursRule?: string }).hoursRule = hoursRule;
  }

  /** The window of a day made here; undefined for any other DayAvailability. */
  static millisOf(day: DayAvailability): WindowMillis | null | undefined {
    return #millis in day ? day.#millis : undefined;
  }
}
