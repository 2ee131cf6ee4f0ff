import type { DateTime } from 'luxon';
import { addDays } from '../../calendars/domain/local-date';
import { readWallClock, resolveWallTime } from '../../calendars/domain/zoned-time';
import type { CalendarProfile, Side, WorkingCalendar } from '../../calendars/domain/calendar.types';
import type { Person } from '../../people/person.entity';
import type { Cadence } from '../cadence.entity';
import type { BurdenLedger, MeetingPlan, ZoneLabels } from '../domain/cadence.types';
import { planMeetingsMillis } from '../domain/meeting-placement';
import { reportRequestAtMillis } from '../domain/report-request';
import { planReportDueDatesMillis } from '../domain/report-due';
import type { PlannedTouchpoint } from '../domain/touchpoint-diff';
import type { PlanningContext, PlanningTouchpoint } from './planning-context';

export interface CadencePlanOptions {
  now: DateTime;
  horizonWeeks: number;
  requestLeadWorkingDays: number;
  /** Builds a person's working calendar within this engagement. */
  calendarFor: (profile: CalendarProfile) => WorkingCalendar;
}

export interface CadencePlan {
  planned: PlannedTouchpoint[];
  /** The planned span: occurrences the plan no longer has between these are withdrawn. */
  fromMs: number;
  toMs: number;
  /** Meetings only: the weekly slot and whether the participants share working hours. */
  meeting?: Pick<MeetingPlan, 'anchor' | 'sharedHours'>;
}

/** Vendor contacts sit on the vendor side; everyone else on the client's. */
function sideOf(person: Person): Side {
  return person.role === 'vendor_contact' ? 'vendor' : 'client';
}

export function profileOf(person: Person, context: Pick<PlanningContext, 'timeOff'>): CalendarProfile {
  return {
    personId: person.id,
    timeZone: person.timeZone,
    country: person.country,
    region: person.region,
    workWeek: person.workWeek,
    workingHours: { start: person.workingHoursStart, end: person.workingHoursEnd },
    side: sideOf(person),
    timeOff: (context.timeOff.get(person.id) ?? []).map((t) => ({ start: t.startDate, end: t.endDate })),
  };
}

/** Country codes name zones in reasons ("US moved clocks on Mar 14"). */
export function zoneLabels(people: readonly Person[]): ZoneLabels {
  const labels: Record<string, string> = {};
  for (const person of people) labels[person.timeZone] ??= person.country;
  return labels;
}

/**
 * Plans one cadence over the horizon from today: pure apart from the calendar
 * factory it is given. Returns null when the cadence cannot be planned (no
 * vendor contact, participants gone).
 */
export function planCadence(
  context: PlanningContext,
  cadence: Cadence,
  options: CadencePlanOptions,
): CadencePlan | null {
  return cadence.kind === 'meeting'
    ? planMeetingCadence(context, cadence, options)
    : planReportCadence(context, cadence, options);
}

function planMeetingCadence(
  context: PlanningContext,
  cadence: Cadence,
  options: CadencePlanOptions,
): CadencePlan | null {
  const participants = cadence.participantIds
    .map((id) => context.people.get(id))
    .filter((p): p is Person => p !== undefined);
  const organizer = participants.find((p) => p.id === cadence.organizerId) ?? participants[0];
  if (organizer === undefined || cadence.durationMinutes === null) return null;
  const range = localRange(organizer.timeZone, options);
  if (!cadence.active) return { planned: [], ...range };
  // The millisecond forms of the domain planners: the same plans without a Luxon DateTime per
  // instant, which the planner would only turn back into numbers.
  const plan = planMeetingsMillis({
    rule: {
      frequency: cadence.frequency,
      durationMinutes: cadence.durationMinutes,
      preferredWeekdays: cadence.preferredWeekdays,
      holidayPolicy: cadence.holidayPolicy,
      startsOn: cadence.startsOn,
      anchor: { weekday: cadence.weekday, time: cadence.time },
    },
    participants: participants.map((p) => options.calendarFor(profileOf(p, context))),
    organizerId: organizer.id,
    range: { from: range.from, to: range.to },
    ledger: burdenBefore(context.touchpoints.get(cadence.id) ?? [], range.fromMs),
    zoneLabels: zoneLabels(participants),
  });
  return {
    fromMs: range.fromMs,
    toMs: range.toMs,
    meeting: { anchor: plan.anchor, sharedHours: plan.sharedHours },
    planned: plan.occurrences.map((o) => ({
      periodKey: o.periodKey,
      status: o.status,
      scheduledAt: o.scheduledMs ?? o.originalMs,
      endsAt: o.endsMs,
      originalAt: o.originalMs,
      adjustment: o.adjustment,
      outOfHours: o.outOfHours,
      requestAt: null,
    })),
  };
}

function planReportCadence(
  context: PlanningContext,
  cadence: Cadence,
  options: CadencePlanOptions,
): CadencePlan | null {
  const vendorId = context.vendorContactIds[0];
  const vendor = vendorId === undefined ? undefined : context.people.get(vendorId);
  if (vendor === undefined) return null;
  const range = localRange(vendor.timeZone, options);
  if (!cadence.active) return { planned: [], ...range };
  const calendar = options.calendarFor(profileOf(vendor, context));
  const occurrences = planReportDueDatesMillis({
    rule: {
      frequency: cadence.frequency,
      due: { weekday: cadence.weekday, time: cadence.time },
      holidayPolicy: cadence.holidayPolicy,
      startsOn: cadence.startsOn,
    },
    vendor: calendar,
    range: { from: range.from, to: range.to },
  });
  const nowMs = options.now.toMillis();
  return {
    fromMs: range.fromMs,
    toMs: range.toMs,
    planned: occurrences.map((o) => {
      const due = o.dueMs ?? o.originalMs;
      const requestAt =
        o.status === 'pending'
          ? Math.max(nowMs, reportRequestAtMillis(calendar, due, options.requestLeadWorkingDays))
          : null;
      return {
        periodKey: o.periodKey,
        status: o.status,
        scheduledAt: due,
        endsAt: null,
        originalAt: o.originalMs,
        adjustment: o.adjustment,
        outOfHours: [],
        requestAt,
      };
    }),
  };
}

/**
 * Today through the horizon, as local dates of `zone` and as the instants
 * bounding them. Plain date arithmetic over cached offsets: Luxon's zone math
 * costs a few hundred microseconds a call, and this runs for every cadence.
 */
function localRange(
  zone: string,
  options: CadencePlanOptions,
): { from: string; to: string; fromMs: number; toMs: number } {
  const from = readWallClock(options.now.toMillis(), zone).date;
  const to = addDays(from, options.horizonWeeks * 7 - 1);
  return {
    from,
    to,
    fromMs: resolveWallTime(from, '00:00', zone).utcMillis,
    toMs: resolveWallTime(addDays(to, 1), '00:00', zone).utcMillis - 1,
  };
}

/**
 * Out-of-hours minutes per side of the stored occurrences of the periods before the planned
 * range, for fair rotation: the range is planned on top of exactly those. Counting "what
 * already happened" instead made the ledger depend on the hour of the run: an occurrence of an
 * earlier period still ahead (moved later in its week) dropped out of both the ledger and the
 * range, and the daily re-plan flipped which side pays for every later week, re-inviting
 * everyone each day. An occurrence's original time lies on its rule date, so comparing it with
 * the range's first instant sorts it into "before the range" or "planned again".
 */
function burdenBefore(touchpoints: readonly PlanningTouchpoint[], fromMs: number): BurdenLedger {
  const ledger: BurdenLedger = { client: 0, vendor: 0 };
  for (const t of touchpoints) {
    if (t.originalAt >= fromMs || t.outOfHours.length === 0) continue;
    ledger.client += Math.max(0, ...t.outOfHours.filter((o) => o.side === 'client').map((o) => o.minutes));
    ledger.vendor += Math.max(0, ...t.outOfHours.filter((o) => o.side === 'vendor').map((o) => o.minutes));
  }
  return ledger;
}
