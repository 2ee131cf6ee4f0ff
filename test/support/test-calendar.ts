import { DateTime, Interval } from 'luxon';
import {
  WEEKDAYS,
  type DayAvailability,
  type DayOffReason,
  type LocalDate,
  type Side,
  type Weekday,
  type WorkingCalendar,
  type WorkingHours,
} from '../../src/calendars/domain/calendar.types';
import { parseLocalTime, toEpochDay, weekdayIndex } from '../../src/cadences/domain/civil-date';
import { localToUtcMs } from '../../src/cadences/domain/zone-offset';

/** A day off given as a bare label (a holiday) or as full reasons. */
export type TestDayOff = string | DayOffReason | readonly DayOffReason[];

/** What a hand-built working calendar is made of. */
export interface TestCalendarSpec {
  personId: string;
  zone: string;
  side?: Side;
  /** Defaults to Monday–Friday. */
  workWeek?: readonly Weekday[];
  /** Defaults to 09:00–17:00; `end` not after `start` is a night shift crossing midnight. */
  hours?: WorkingHours;
  /** Days off by local date; a bare string is a public holiday with that label. */
  off?: Readonly<Record<LocalDate, TestDayOff>>;
  /** Label of work-week weekends; "Weekend" like the real calendars. */
  weekendLabel?: string;
  /** Seasonal hours (Ramadan) for some dates. */
  seasonalHours?: (date: LocalDate) => { hours: WorkingHours; rule: string } | undefined;
  /**
   * How windows are converted to UTC: Luxon (the default, an independent check of the planner's
   * zone arithmetic) or the domain's memoised offsets, which property tests use to afford
   * thousands of random cases (their own specs check them against Luxon and Python's zoneinfo).
   */
  zoneMath?: 'luxon' | 'memoised';
}

/**
 * A small, independent {@link WorkingCalendar} for tests: a zone, a work week, daily hours
 * (night shifts included) and arbitrary labelled days off. Windows are built with Luxon in the
 * person's zone, so the planner's own zone arithmetic is checked against Luxon's.
 */
export function testCalendar(spec: TestCalendarSpec): WorkingCalendar {
  const workWeek = new Set<Weekday>(spec.workWeek ?? ['mon', 'tue', 'wed', 'thu', 'fri']);
  const baseHours = spec.hours ?? { start: '09:00', end: '17:00' };
  const weekendLabel = spec.weekendLabel ?? 'Weekend';
  const cache = new Map<LocalDate, DayAvailability>();
  return {
    personId: spec.personId,
    timeZone: spec.zone,
    side: spec.side ?? 'client',
    day(date: LocalDate): DayAvailability {
      const cached = cache.get(date);
      if (cached !== undefined) return cached;
      const weekday = WEEKDAYS[weekdayIndex(toEpochDay(date))];
      const seasonal = spec.seasonalHours?.(date);
      const hours = seasonal?.hours ?? baseHours;
      const off: DayOffReason[] = [];
      if (!workWeek.has(weekday)) off.push({ kind: 'weekend', label: weekendLabel });
      const extra = spec.off?.[date];
      if (extra !== undefined) off.push(...toReasons(extra));
      const day: DayAvailability = {
        date,
        window:
          off.length > 0
            ? null
            : (spec.zoneMath === 'memoised' ? fastWindowOf : windowOf)(date, hours, spec.zone),
        off,
        hours,
        ...(seasonal ? { hoursRule: seasonal.rule } : {}),
      };
      cache.set(date, day);
      return day;
    },
  };
}

function toReasons(off: TestDayOff): DayOffReason[] {
  if (typeof off === 'string') return [{ kind: 'holiday', label: off }];
  if (isReasonList(off)) return [...off];
  return [off];
}

function isReasonList(off: DayOffReason | readonly DayOffReason[]): off is readonly DayOffReason[] {
  return Array.isArray(off);
}

/** Like {@link windowOf}, through the domain's memoised offsets. */
function fastWindowOf(date: LocalDate, hours: WorkingHours, zone: string): Interval {
  const day = toEpochDay(date);
  const start = parseLocalTime(hours.start);
  const end = parseLocalTime(hours.end);
  return Interval.fromDateTimes(
    DateTime.fromMillis(localToUtcMs(zone, day, start), { zone: 'utc' }),
    DateTime.fromMillis(localToUtcMs(zone, end <= start ? day + 1 : day, end), { zone: 'utc' }),
  );
}

/** The UTC window of `hours` on a local date; a night shift ends on the next date. */
export function windowOf(date: LocalDate, hours: WorkingHours, zone: string): Interval {
  const [sh, sm] = hours.start.split(':').map(Number);
  const [eh, em] = hours.end.split(':').map(Number);
  const day = DateTime.fromISO(date, { zone });
  const start = day.set({ hour: sh, minute: sm });
  const crosses = eh * 60 + em <= sh * 60 + sm;
  const end = (crosses ? day.plus({ days: 1 }) : day).set({ hour: eh, minute: em });
  return Interval.fromDateTimes(start.toUTC(), end.toUTC());
}
