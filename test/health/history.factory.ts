import { DateTime } from 'luxon';
import type {
  ClientAsk,
  EngagementHistory,
  KpiDefinition,
  MeetingTouchpoint,
  Nudge,
  RecipientRole,
  ReportedBlocker,
  ReportTouchpoint,
  StatusColour,
  StatusReport,
  Touchpoint,
  TwoWayContact,
} from '../../src/health/domain/engagement-history';

/** Close rate (higher is better) and average handle time (lower is better), as an ops team would set them. */
export const CLOSE_RATE: KpiDefinition = {
  key: 'close_rate',
  label: 'Close rate',
  unit: '%',
  target: 12,
  direction: 'higher_is_better',
};
export const HANDLE_TIME: KpiDefinition = {
  key: 'aht',
  label: 'Average handle time',
  unit: 's',
  target: 300,
  direction: 'lower_is_better',
};

export type MeetingPlan =
  | 'held'
  | 'missed'
  | 'cancelled'
  | 'unconfirmed'
  | 'none'
  | { status: 'held' | 'missed' | 'cancelled'; reschedules: number };

export type ReportPlan = 'on_time' | 'missed' | 'pending' | 'none' | { lateHours: number };

/** What happened in one week; every field defaults to a good week (meeting held, report on time, green). */
export interface WeekPlan {
  meeting?: MeetingPlan;
  report?: ReportPlan;
  colour?: StatusColour;
  /** KPI values of the week's report; defaults to on-target values of the factory's KPIs. */
  kpis?: Record<string, number | null>;
  /** Open blockers by text, or `{ text, resolved: true }` to resolve one. */
  blockers?: readonly (string | { text: string; resolved: true })[];
  asks?: readonly { text: string; answeredAfterDays: number | null }[];
  /** Follow-ups sent after the report's due time. */
  nudges?: readonly { to: RecipientRole; respondedAfterHours: number | null }[];
  /** Both touchpoints of the week skipped for this reason ("Diwali (IN)"). */
  skipped?: string;
  /** Extra two-way contacts (Slack), in days after Monday 09:00 of the week. */
  slack?: readonly number[];
}

export interface FactoryOptions {
  /** The Monday of the first week, `YYYY-MM-DD`. */
  firstWeek?: string;
  timeZone?: string;
  kpis?: readonly KpiDefinition[];
}

/**
 * Builds engagement histories week by week: a weekly meeting on Tuesday 10:00
 * and a weekly report due Friday 17:00, local time, with the contacts, reports
 * and nudges those weeks imply.
 */
export class HistoryFactory {
  readonly timeZone: string;
  private readonly firstMonday: DateTime;
  private readonly kpis: readonly KpiDefinition[];
  private readonly plans: WeekPlan[] = [];

  constructor(options: FactoryOptions = {}) {
    this.timeZone = options.timeZone ?? 'Asia/Kolkata';
    this.firstMonday = DateTime.fromISO(options.firstWeek ?? '2027-08-02', { zone: this.timeZone }).startOf(
      'week',
    );
    this.kpis = options.kpis ?? [CLOSE_RATE];
  }

  /** Adds one week. */
  week(plan: WeekPlan = {}): this {
    this.plans.push(plan);
    return this;
  }

  /** Adds `n` identical weeks. */
  weeks(n: number, plan: WeekPlan = {}): this {
    for (let i = 0; i < n; i += 1) this.week(plan);
    return this;
  }

  /** A week whose meeting and report were skipped for a holiday. */
  holidayWeek(reason: string): this {
    return this.week({ skipped: reason });
  }

  /** Monday 00:00 local of week `i` (0-based). */
  monday(i: number): DateTime {
    return this.firstMonday.plus({ weeks: i });
  }

  /** Monday 09:00 local after the last week: where a weekly health run would look from. */
  end(): DateTime {
    return this.monday(this.plans.length).set({ hour: 9 });
  }

  build(): EngagementHistory {
    const touchpoints: Touchpoint[] = [];
    const reports: StatusReport[] = [];
    const nudges: Nudge[] = [];
    const contacts: TwoWayContact[] = [];
    let openBlockers = new Map<string, DateTime>();

    this.plans.forEach((plan, i) => {
      const monday = this.monday(i);
      const meetingAt = monday.plus({ days: 1 }).set({ hour: 10 });
      const dueAt = monday.plus({ days: 4 }).set({ hour: 17 });
      if (plan.skipped) {
        const adjustment = { type: 'skipped' as const, reason: plan.skipped };
        touchpoints.push(meeting(`m${i}`, meetingAt, 'skipped', 0, adjustment));
        touchpoints.push(report(`r${i}`, dueAt, 'skipped', null, adjustment));
        return;
      }
      for (const days of plan.slack ?? [])
        contacts.push({ at: monday.set({ hour: 9 }).plus({ days }), channel: 'slack' });

      const meetingPlan = plan.meeting ?? 'held';
      if (meetingPlan !== 'none') {
        const { status, reschedules } =
          typeof meetingPlan === 'string'
            ? { status: meetingPlan === 'unconfirmed' ? ('scheduled' as const) : meetingPlan, reschedules: 0 }
            : meetingPlan;
        touchpoints.push(meeting(`m${i}`, meetingAt, status, reschedules, null));
        if (status === 'held') contacts.push({ at: meetingAt.plus({ minutes: 45 }), channel: 'meeting' });
      }

      const reportPlan = plan.report ?? 'on_time';
      if (reportPlan === 'none') return;
      if (reportPlan === 'missed' || reportPlan === 'pending') {
        touchpoints.push(report(`r${i}`, dueAt, reportPlan, null, null));
      } else {
        const submittedAt =
          reportPlan === 'on_time' ? dueAt.minus({ hours: 2 }) : dueAt.plus({ hours: reportPlan.lateHours });
        touchpoints.push(
          report(`r${i}`, dueAt, reportPlan === 'on_time' ? 'submitted' : 'late', submittedAt, null),
        );
        contacts.push({ at: submittedAt, channel: 'report' });
        const blockers: ReportedBlocker[] = [];
        const stillOpen = new Map<string, DateTime>();
        for (const entry of plan.blockers ?? []) {
          const text = typeof entry === 'string' ? entry : entry.text;
          const carried = openBlockers.get(text);
          const firstSeen = carried ?? dueAt;
          const resolved = typeof entry !== 'string';
          blockers.push({
            text,
            status: resolved ? 'resolved' : 'open',
            firstSeen,
            carriedOver: carried !== undefined,
          });
          if (!resolved) stillOpen.set(text, firstSeen);
        }
        openBlockers = stillOpen;
        const asks: ClientAsk[] = (plan.asks ?? []).map((ask) => ({
          text: ask.text,
          askedAt: submittedAt,
          answeredAt:
            ask.answeredAfterDays === null ? null : submittedAt.plus({ days: ask.answeredAfterDays }),
        }));
        reports.push({
          touchpointId: `r${i}`,
          dueAt,
          submittedAt,
          status: plan.colour ?? 'green',
          kpiValues: plan.kpis ?? Object.fromEntries(this.kpis.map((k) => [k.key, k.target])),
          blockers,
          asks,
        });
      }
      for (const nudge of plan.nudges ?? []) {
        const sentAt = dueAt.plus({ hours: 2 });
        nudges.push({
          sentAt,
          recipientRole: nudge.to,
          respondedAt:
            nudge.respondedAfterHours === null ? null : sentAt.plus({ hours: nudge.respondedAfterHours }),
        });
      }
    });

    return {
      engagementId: 'eng-acme-manila',
      timeZone: this.timeZone,
      startedAt: this.firstMonday.minus({ days: 3 }),
      kpis: this.kpis,
      touchpoints,
      reports,
      nudges,
      contacts,
    };
  }
}

function meeting(
  id: string,
  at: DateTime,
  status: MeetingTouchpoint['status'],
  rescheduleCount: number,
  adjustment: MeetingTouchpoint['adjustment'],
): MeetingTouchpoint {
  return {
    id,
    kind: 'meeting',
    scheduledAt: at,
    originalAt: at,
    adjustment,
    rescheduleCount,
    status,
    heldAt: status === 'held' ? at.plus({ minutes: 45 }) : null,
  };
}

function report(
  id: string,
  dueAt: DateTime,
  status: ReportTouchpoint['status'],
  submittedAt: DateTime | null,
  adjustment: ReportTouchpoint['adjustment'],
): ReportTouchpoint {
  return {
    id,
    kind: 'status_report',
    scheduledAt: dueAt,
    originalAt: dueAt,
    adjustment,
    rescheduleCount: 0,
    status,
    submittedAt,
  };
}

/**
 * Inserts a holiday week before the local week containing `monday`: every
 * instant from that Monday 00:00 on moves one local week later, and the
 * inserted week gets a skipped meeting and a skipped report with `reason`.
 * Returns the new history and the same shift for other instants (asOf,
 * snapshots). This is "the same history with a holiday week in it".
 */
export function insertHolidayWeek(
  history: EngagementHistory,
  monday: string,
  reason: string,
): { history: EngagementHistory; shift: (t: DateTime) => DateTime } {
  const zone = history.timeZone;
  const start = DateTime.fromISO(monday, { zone }).startOf('week');
  const startMs = start.toMillis();
  const shift = (t: DateTime): DateTime =>
    t.toMillis() >= startMs ? t.setZone(zone).plus({ weeks: 1 }).toUTC() : t;
  const maybe = (t: DateTime | null): DateTime | null => (t === null ? null : shift(t));
  const adjustment = { type: 'skipped' as const, reason };
  const shifted: EngagementHistory = {
    ...history,
    startedAt: shift(history.startedAt),
    touchpoints: [
      ...history.touchpoints.map((t): Touchpoint => {
        const moved = { scheduledAt: shift(t.scheduledAt), originalAt: shift(t.originalAt) };
        return t.kind === 'meeting'
          ? { ...t, ...moved, heldAt: maybe(t.heldAt) }
          : { ...t, ...moved, submittedAt: maybe(t.submittedAt) };
      }),
      meeting(`holiday-m-${monday}`, start.plus({ days: 1 }).set({ hour: 10 }), 'skipped', 0, adjustment),
      report(`holiday-r-${monday}`, start.plus({ days: 4 }).set({ hour: 17 }), 'skipped', null, adjustment),
    ],
    reports: history.reports.map((r) => ({
      ...r,
      dueAt: shift(r.dueAt),
      submittedAt: shift(r.submittedAt),
      blockers: r.blockers.map((b) => ({ ...b, firstSeen: shift(b.firstSeen) })),
      asks: r.asks.map((a) => ({ ...a, askedAt: shift(a.askedAt), answeredAt: maybe(a.answeredAt) })),
    })),
    nudges: history.nudges.map((n) => ({ ...n, sentAt: shift(n.sentAt), respondedAt: maybe(n.respondedAt) })),
    contacts: history.contacts.map((c) => ({ ...c, at: shift(c.at) })),
  };
  return { history: shifted, shift };
}
