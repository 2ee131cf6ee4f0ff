import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../calendars/domain/calendar.types';
import { describeDayOffHits, describeDaysOff, type DayOffHit } from './adjustment-reasons';
import { expandPeriods, type CadencePeriod } from './cadence-periods';
import type {
  Adjustment,
  PlanningRange,
  ReportDueOccurrence,
  ReportDueOccurrenceMillis,
  ReportRule,
} from './cadence.types';
import { createCalendarView, isWorking, type CalendarView } from './calendar-view';
import {
  DAY_MS,
  MINUTE_MS,
  formatLocalTime,
  formatShortDate,
  parseLocalTime,
  shortWeekdayName,
  toEpochDay,
  type EpochDay,
} from './civil-date';
import { resolveLocalTime, toLocalMs, type ResolvedLocalTime } from './zone-offset';

/** Everything a report schedule is computed from. */
export interface ReportPlanInput {
  rule: ReportRule;
  /** The vendor contact's calendar: the due time is on their clock. */
  vendor: WorkingCalendar;
  /** Vendor-local dates; a period is planned when its rule due date falls inside. */
  range: PlanningRange;
}

/** How far back a due date may move: never into the previous week's period. */
const MAX_DAYS_EARLIER = 6;

/**
 * Plans status-report due dates in the vendor contact's zone.
 *
 * A due date on a day the vendor contact does not work (a holiday of their country, their time
 * off, a vendor blackout, a weekend of their work week) moves, under `shift`, to the previous
 * working day at the same local time, at most six days earlier and never before `startsOn`;
 * under `skip`, or when no such day exists, the report is skipped. Each move or skip names the
 * day off.
 *
 * A due time the clock skips on a DST day (00:30 on a midnight spring-forward day) falls due
 * when the clocks jump, the first moment the clock shows a later time; a repeated time is its
 * first occurrence. Either way the instant is the earliest at which the vendor's clock has
 * reached the due time, and a skipped time is recorded as a DST adjustment.
 */
export function planReportDueDates(input: ReportPlanInput): ReportDueOccurrence[] {
  return planReportDueDatesMillis(input).map((o) => ({
    periodKey: o.periodKey,
    originalAt: utc(o.originalMs),
    dueAt: o.dueMs === null ? null : utc(o.dueMs),
    status: o.status,
    adjustment: o.adjustment,
  }));
}

/**
 * {@link planReportDueDates} with instants as epoch milliseconds: the same plan, for the
 * planner, which stores numbers and would otherwise build and unpack two DateTimes per report.
 */
export function planReportDueDatesMillis(input: ReportPlanInput): ReportDueOccurrenceMillis[] {
  const { rule } = input;
  const vendor = createCalendarView(input.vendor);
  const minute = parseLocalTime(rule.due.time);
  const startsOn = toEpochDay(rule.startsOn);
  return expandPeriods(rule.frequency, rule.due.weekday, rule.startsOn, input.range).map((period) =>
    planOne(vendor, rule, period, minute, startsOn),
  );
}

function planOne(
  vendor: CalendarView,
  rule: ReportRule,
  period: CadencePeriod,
  minute: number,
  startsOn: EpochDay,
): ReportDueOccurrenceMillis {
  const ruleDay = period.ruleDay;
  const original = resolveLocalTime(vendor.zone, ruleDay, minute);
  const dueDay = vendor.day(ruleDay);
  if (isWorking(dueDay)) {
    const clock = clockNote(vendor.zone, ruleDay, minute, original);
    return pending(period, original.utcMs, original.utcMs, clock);
  }

  const hit: DayOffHit = {
    personId: vendor.personId,
    side: vendor.side,
    day: ruleDay,
    off: dueDay.availability.off,
  };
  const why = describeDayOffHits([hit]) || 'vendor day off';
  if (rule.holidayPolicy === 'skip') return skipped(period, original.utcMs, why);

  const hits: DayOffHit[] = [hit];
  for (let day = ruleDay - 1; day >= Math.max(startsOn, ruleDay - MAX_DAYS_EARLIER); day--) {
    const d = vendor.day(day);
    if (isWorking(d)) {
      const due = resolveLocalTime(vendor.zone, day, minute);
      const clock = clockNote(vendor.zone, day, minute, due);
      return pending(period, original.utcMs, due.utcMs, clock === null ? why : `${why}; ${clock}`);
    }
    hits.push({ personId: vendor.personId, side: vendor.side, day, off: d.availability.off });
  }
  const earliest = Math.max(startsOn, ruleDay - MAX_DAYS_EARLIER);
  return skipped(
    period,
    original.utcMs,
    describeDaysOff(
      `no vendor working day from ${shortWeekdayName(earliest)} ${formatShortDate(earliest)} to ${shortWeekdayName(ruleDay)} ${formatShortDate(ruleDay)}`,
      hits,
    ),
  );
}

/** Says so when the due time does not exist that day; null otherwise. */
function clockNote(zone: string, day: EpochDay, minute: number, resolved: ResolvedLocalTime): string | null {
  if (resolved.resolution !== 'skipped') return null;
  const local = toLocalMs(zone, resolved.utcMs);
  const jumpMinute = Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
  return (
    `${formatLocalTime(minute)} does not exist in ${zone} on ${formatShortDate(day)} (clocks jump forward); ` +
    `due when they jump, at ${formatLocalTime(jumpMinute)}`
  );
}

function pending(
  period: CadencePeriod,
  originalMs: number,
  dueMs: number,
  reason: string | null,
): ReportDueOccurrenceMillis {
  const adjustment: Adjustment | null = reason === null ? null : { type: 'shifted', reason };
  return {
    periodKey: period.key,
    originalMs,
    dueMs,
    status: 'pending',
    adjustment,
  };
}

function skipped(period: CadencePeriod, originalMs: number, reason: string): ReportDueOccurrenceMillis {
  return {
    periodKey: period.key,
    originalMs,
    dueMs: null,
    status: 'skipped',
    adjustment: { type: 'skipped', reason },
  };
}

function utc(ms: number): DateTime {
  return DateTime.fromMillis(ms, { zone: 'utc' });
}
