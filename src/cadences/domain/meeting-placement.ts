import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../calendars/domain/calendar.types';
import {
  dayOffHits,
  describeDayOffHits,
  describeNoCommonDay,
  describeTimeChange,
  type DayOffHit,
} from './adjustment-reasons';
import { pickLeastBadSlot, type RotationCandidate } from './burden-rotation';
import { expandPeriods, firstWeekdayOnOrAfter, type CadencePeriod } from './cadence-periods';
import type {
  BurdenLedger,
  MeetingAnchor,
  MeetingOccurrenceMillis,
  MeetingPlan,
  MeetingPlanMillis,
  MeetingRule,
  OutOfHours,
  PlanningRange,
  ZoneLabels,
} from './cadence.types';
import { createCalendarView } from './calendar-view';
import { parseLocalTime, shortWeekdayName, toEpochDay, type EpochDay } from './civil-date';
import { localDayAt } from './zone-offset';
import { chooseAnchorFor, hasSharedHours } from './meeting-anchor';
import type { SlotEvaluation } from './out-of-hours';
import {
  dayWindows,
  inHoursStart,
  insideEveryonesHours,
  meetingWindows,
  minutesToMs,
  organizerInstant,
  periodWindows,
  rotationCandidates,
  searchOrder,
  type SlotSearch,
} from './slot-search';

// Module-level aliases: global lookups are slow in sandboxes such as jest's vm (about 30x
// for this arithmetic), and these functions run several times per touchpoint.
const { max, min } = Math;

/** Everything a meeting plan is computed from; the same input always gives the same plan. */
export interface MeetingPlanInput {
  rule: MeetingRule;
  /** Every participant's calendar, the organizer's included; each carries its side. */
  participants: readonly WorkingCalendar[];
  organizerId: string;
  /** Organizer-local dates; a period is planned when its rule date falls inside. */
  range: PlanningRange;
  /** Out-of-hours minutes per side of the occurrences before `range` (zero when absent). */
  ledger?: BurdenLedger;
  /** Names for zones in reasons, e.g. country codes. */
  zoneLabels?: ZoneLabels;
}

interface Planner {
  search: SlotSearch;
  rule: MeetingRule;
  anchorMinute: number;
  /** The rule's instant of the first occurrence: what "usual" meant when the cadence began. */
  referenceMs: number;
  labels: ZoneLabels | undefined;
}

/**
 * Plans a meeting cadence over a range of periods.
 *
 * Each period's occurrence starts at the anchor's organizer-local time on the rule date. It
 * stays there when it lies inside every participant's working window. Otherwise:
 * - a day off (holiday, time off, blackout, weekend) of anyone: `skip` skips; `shift` moves to
 *   the nearest date of the period with a common window (preferred weekdays first, then the
 *   nearest date, ties to the earlier), at the time nearest the anchor, with the day off named;
 * - the time alone no longer fits (a DST change on either side, seasonal hours): the time
 *   nearest the anchor inside the common window that day, else another date as above, with the
 *   clock change named;
 * - no common window anywhere in the period but a common working day: the least-bad slot with
 *   the out-of-hours minutes recorded;
 * - no common working day: skipped, naming every day off of the period.
 *
 * When the participants share no working hours at all (New York and Manila day teams), each
 * period's rule slot is the least-bad slot of the rule date, and the burden rotates between
 * sides through the ledger (see {@link pickLeastBadSlot}); the rules above then apply to days off.
 *
 * @throws Error when the organizer is not a participant or the duration is not a positive
 *   whole number of minutes (validate at the boundary with {@link checkMeetingDuration}).
 */
export function planMeetings(input: MeetingPlanInput): MeetingPlan {
  const plan = planMeetingsMillis(input);
  return {
    anchor: plan.anchor,
    sharedHours: plan.sharedHours,
    occurrences: plan.occurrences.map((o) => ({
      periodKey: o.periodKey,
      originalAt: utc(o.originalMs),
      scheduledAt: o.scheduledMs === null ? null : utc(o.scheduledMs),
      endsAt: o.endsMs === null ? null : utc(o.endsMs),
      status: o.status,
      adjustment: o.adjustment,
      outOfHours: o.outOfHours,
      burden: o.burden,
    })),
    ledger: plan.ledger,
  };
}

/**
 * {@link planMeetings} with instants as epoch milliseconds: the same plan, for the planner,
 * which stores numbers and would otherwise build and unpack three DateTimes per occurrence.
 */
export function planMeetingsMillis(input: MeetingPlanInput): MeetingPlanMillis {
  const { rule } = input;
  if (!Number.isInteger(rule.durationMinutes) || rule.durationMinutes <= 0) {
    throw new Error(`durationMinutes must be a positive whole number, got ${rule.durationMinutes}`);
  }
  const views = input.participants.map(createCalendarView);
  const organizer = views.find((v) => v.personId === input.organizerId);
  if (organizer === undefined) throw new Error(`Organizer ${input.organizerId} is not a participant`);
  const search: SlotSearch = { views, organizer, durationMs: minutesToMs(rule.durationMinutes) };
  const startsOn = toEpochDay(rule.startsOn);

  const choice: { anchor: MeetingAnchor; sharedHours: boolean } =
    rule.anchor === undefined
      ? chooseAnchorFor(search, rule.preferredWeekdays, startsOn)
      : {
          anchor: rule.anchor,
          sharedHours: rule.sharedHours ?? hasSharedHours(search, rule.anchor, startsOn),
        };
  const anchorMinute = parseLocalTime(choice.anchor.time);
  const planner: Planner = {
    search,
    rule,
    anchorMinute,
    referenceMs: organizerInstant(
      search,
      firstWeekdayOnOrAfter(startsOn, choice.anchor.weekday),
      anchorMinute,
    ),
    labels: input.zoneLabels,
  };

  const ledger: BurdenLedger = { client: input.ledger?.client ?? 0, vendor: input.ledger?.vendor ?? 0 };
  const occurrences: MeetingOccurrenceMillis[] = [];
  for (const period of expandPeriods(rule.frequency, choice.anchor.weekday, rule.startsOn, input.range)) {
    const occurrence = choice.sharedHours
      ? placeShared(planner, period, ledger)
      : placeRotating(planner, period, ledger);
    ledger.client += occurrence.burden.client;
    ledger.vendor += occurrence.burden.vendor;
    occurrences.push(occurrence);
  }
  return { anchor: choice.anchor, sharedHours: choice.sharedHours, occurrences, ledger };
}

/** A period of a cadence whose participants normally share a window. */
function placeShared(planner: Planner, period: CadencePeriod, ledger: BurdenLedger): MeetingOccurrenceMillis {
  const { search, rule } = planner;
  const ruleDay = period.ruleDay;
  const originalMs = ruleInstant(planner, ruleDay);
  const originalEnd = originalMs + search.durationMs;
  if (insideEveryonesHours(search.views, originalMs, originalEnd)) {
    return scheduled(planner, period, originalMs, originalMs, null, null);
  }

  const hits = dayOffHits(search.views, originalMs, originalEnd);
  if (hits.length > 0 && rule.holidayPolicy === 'skip') {
    return skipped(period, originalMs, describeDayOffHits(hits));
  }
  const reason =
    hits.length > 0
      ? describeDayOffHits(hits)
      : describeTimeChange(search.views, planner.referenceMs, originalMs, planner.labels);
  const order = searchOrder(period.days, ruleDay, rule.preferredWeekdays, hits.length === 0);
  const inHours = firstInHoursStart(planner, order);
  if (inHours !== null) return scheduled(planner, period, originalMs, inHours, null, reason);

  // No common window this period (a DST change ate a thin overlap): the least-bad slot.
  const pick = firstLeastBad(planner, order, ledger);
  if (pick !== null) {
    return scheduled(
      planner,
      period,
      originalMs,
      pick.startMs,
      pick,
      `${reason}; no common working window that week`,
    );
  }
  return skipped(period, originalMs, describeNoCommonDay(period.weekKey, periodHits(planner, period)));
}

/** A period of a cadence whose participants share no window: the burden rotates. */
function placeRotating(
  planner: Planner,
  period: CadencePeriod,
  ledger: BurdenLedger,
): MeetingOccurrenceMillis {
  const { search, rule } = planner;
  const ruleDay = period.ruleDay;
  const target = ruleInstant(planner, ruleDay);
  const side = search.organizer.side;
  const actualWindows = dayWindows(search, ruleDay, false);
  const actual = pickLeastBadSlot(rotationCandidates(search, actualWindows, 0, target, false), ledger, side);
  // Without a holiday, time off or blackout nearby, the usual windows are the actual ones.
  const usual = actualWindows.closedByEvent
    ? pickLeastBadSlot(
        rotationCandidates(search, dayWindows(search, ruleDay, true), 0, target, true),
        ledger,
        side,
      )
    : actual;
  const originalMs = usual?.evaluation.startMs ?? target;
  const undisturbed = usual !== null && actual !== null && sameSlot(usual, actual);
  if (undisturbed && actual.evaluation.total === 0) {
    return scheduled(planner, period, originalMs, originalMs, actual.evaluation, null);
  }

  const hits = undisturbed ? [] : dayOffHits(search.views, originalMs, originalMs + search.durationMs);
  const why = hits.length > 0 ? describeDayOffHits(hits) : 'a day off of a participant';
  if (!undisturbed && rule.holidayPolicy === 'skip') return skipped(period, originalMs, why);
  const order = searchOrder(period.days, ruleDay, rule.preferredWeekdays, undisturbed);

  // Shared hours on any day of the period beat every out-of-hours slot. Such cadences seldom
  // have any, so one look at the whole period rules them out before the day-by-day search.
  const inHours = anyInHoursStart(planner, period.days) ? firstInHoursStart(planner, order) : null;
  if (inHours !== null) {
    const reason = undisturbed
      ? `everyone works ${shortWeekdayName(localDayAt(search.organizer.zone, inHours))} at this time, so nobody works outside their hours`
      : why;
    return scheduled(planner, period, originalMs, inHours, null, reason);
  }
  if (undisturbed) return scheduled(planner, period, originalMs, originalMs, actual.evaluation, null);

  const pick = firstLeastBad(planner, order, ledger);
  if (pick !== null) return scheduled(planner, period, originalMs, pick.startMs, pick, why);
  return skipped(period, originalMs, describeNoCommonDay(period.weekKey, periodHits(planner, period)));
}

/**
 * The in-hours start nearest the rule's time on the first date in `order` that has one.
 * Dates are read one at a time: the first candidate usually fits, and every date read is a
 * calendar lookup per participant.
 */
function firstInHoursStart(planner: Planner, order: readonly EpochDay[]): number | null {
  const { search } = planner;
  for (const day of order) {
    const start = inHoursStart(search, meetingWindows(search, day, false), day, ruleInstant(planner, day));
    if (start !== null) return start;
  }
  return null;
}

/**
 * Whether any date of a period (consecutive dates) allows a start inside everyone's hours,
 * from one read of the whole period's windows. A start {@link firstInHoursStart} finds on one
 * date lies in a common window of the whole period; conversely, a whole-period common window
 * holding a meeting that starts on some date is made of windows that date's search reads too.
 * So false here means the day-by-day search finds nothing, and costs one window read instead
 * of one per date.
 */
function anyInHoursStart(planner: Planner, days: readonly EpochDay[]): boolean {
  if (days.length === 0) return false;
  const { search } = planner;
  const windows = periodWindows(search, days[0], days[days.length - 1], false);
  const { start, end } = windows.bounds;
  for (const span of windows.common) {
    if (max(span.start, start) <= min(span.end - search.durationMs, end - 1)) return true;
  }
  return false;
}

/** The least-bad slot of the first date in `order` that allows any slot at all. */
function firstLeastBad(
  planner: Planner,
  order: readonly EpochDay[],
  ledger: BurdenLedger,
): SlotEvaluation | null {
  const { search } = planner;
  for (const [rank, day] of order.entries()) {
    const candidates = rotationCandidates(
      search,
      dayWindows(search, day, false),
      rank,
      ruleInstant(planner, day),
      false,
    );
    const pick = pickLeastBadSlot(candidates, ledger, search.organizer.side);
    if (pick !== null) return pick.evaluation;
  }
  return null;
}

function sameSlot(a: RotationCandidate, b: RotationCandidate): boolean {
  return a.evaluation.startMs === b.evaluation.startMs && a.evaluation.total === b.evaluation.total;
}

function ruleInstant(planner: Planner, day: EpochDay): number {
  return organizerInstant(planner.search, day, planner.anchorMinute);
}

/** The days off met at the rule's time on each date of the period, to explain a skip. */
function periodHits(planner: Planner, period: CadencePeriod): DayOffHit[] {
  const hits: DayOffHit[] = [];
  for (const day of period.days) {
    const at = ruleInstant(planner, day);
    hits.push(...dayOffHits(planner.search.views, at, at + planner.search.durationMs));
  }
  return hits;
}

function scheduled(
  planner: Planner,
  period: CadencePeriod,
  originalMs: number,
  startMs: number,
  evaluation: SlotEvaluation | null,
  reason: string | null,
): MeetingOccurrenceMillis {
  const views = planner.search.views;
  const outOfHours: OutOfHours[] = [];
  if (evaluation !== null) {
    // minutes[i] belongs to the i-th participant, in input order.
    evaluation.minutes.forEach((minutes, i) => {
      if (minutes > 0) outOfHours.push({ personId: views[i].personId, side: views[i].side, minutes });
    });
  }
  return {
    periodKey: period.key,
    originalMs,
    scheduledMs: startMs,
    endsMs: startMs + planner.search.durationMs,
    status: 'scheduled',
    adjustment: reason === null ? null : { type: 'shifted', reason },
    outOfHours,
    burden: evaluation === null ? { client: 0, vendor: 0 } : { ...evaluation.burden },
  };
}

function skipped(period: CadencePeriod, originalMs: number, reason: string): MeetingOccurrenceMillis {
  return {
    periodKey: period.key,
    originalMs,
    scheduledMs: null,
    endsMs: null,
    status: 'skipped',
    adjustment: { type: 'skipped', reason },
    outOfHours: [],
    burden: { client: 0, vendor: 0 },
  };
}

function utc(ms: number): DateTime {
  return DateTime.fromMillis(ms, { zone: 'utc' });
}
