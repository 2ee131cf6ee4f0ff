import type { DateTime } from 'luxon';
import { isWithdrawalReason } from '../cadences/domain/adjustment-reasons';
import { AWAITING_TRIGGERS } from '../follow-ups/domain/playbook.types';
import { answerTo } from './asks/ask-matching';
import type { StoredAsk, StoredBlocker } from '../reports/domain/report.types';
import type {
  ClientAsk,
  EngagementHistory,
  KpiDefinition,
  MeetingStatus,
  Nudge,
  RecipientRole,
  ReportStatus,
  StatusColour,
  StatusReport,
  Touchpoint,
  TouchpointAdjustment,
  TwoWayContact,
} from './domain/engagement-history';
import { instant as parseInstant } from './stored-instant';

/*
 * Rows as the history builder reads them (raw columns, instants as the stored
 * ISO strings) and the one function that turns them into the domain's
 * EngagementHistory. Pure, so every mapping decision is specified in
 * engagement-history.mapper.spec.ts without a database.
 */

export interface EngagementRow {
  id: string;
  createdAt: string;
  /** JSON text of the engagement's KPI definitions. */
  kpis: string;
  /** The account manager's zone; null if the person is gone. */
  timeZone: string | null;
}

export interface TouchpointRow {
  id: string;
  engagementId: string;
  kind: string;
  status: string;
  scheduledAt: string;
  endsAt: string | null;
  originalAt: string;
  adjustmentType: string | null;
  adjustmentReason: string | null;
  heldAt: string | null;
  submittedAt: string | null;
  rescheduleCount: number;
}

export interface ReportRow {
  touchpointId: string;
  engagementId: string;
  status: string;
  kpiValues: string;
  blockers: string;
  asks: string;
  /** The first submission (an edit does not move it). */
  submittedAt: string;
}

export interface NudgeRow {
  engagementId: string;
  touchpointId: string | null;
  /** What fired it (a snoozed copy keeps its original's). */
  followUpTrigger: string | null;
  sentAt: string;
  /** Null for a post to a Slack channel. */
  recipientPersonId: string | null;
  /** The recipient's role; null for a post to a Slack channel. */
  recipientRole: string | null;
}

/** Someone said "seen it" to the nudges about a touchpoint (Slack's Acknowledge button). */
export interface AcknowledgementRow {
  touchpointId: string;
  personId: string;
  acknowledgedAt: string;
}

export interface AnswerRow {
  touchpointId: string;
  askIndex: number;
  askText: string;
  answeredAt: string;
}

export interface HistoryRows {
  engagement: EngagementRow;
  touchpoints: readonly TouchpointRow[];
  reports: readonly ReportRow[];
  nudges: readonly NudgeRow[];
  acknowledgements: readonly AcknowledgementRow[];
  answers: readonly AnswerRow[];
}

const MEETING_STATUSES: ReadonlySet<string> = new Set<MeetingStatus>([
  'scheduled',
  'held',
  'missed',
  'skipped',
  'cancelled',
]);
const REPORT_STATUSES: ReadonlySet<string> = new Set<ReportStatus>([
  'pending',
  'submitted',
  'late',
  'missed',
  'skipped',
]);
const COLOURS: ReadonlySet<string> = new Set<StatusColour>(['green', 'amber', 'red']);
const ROLES: ReadonlySet<string> = new Set<RecipientRole>([
  'vendor_contact',
  'account_manager',
  'executive',
  'client_contact',
]);

/** Only nudges that wait for the vendor or the account manager count as answered or not. */
const AWAITING: ReadonlySet<string> = new Set(AWAITING_TRIGGERS);

/**
 * Builds one engagement's EngagementHistory from its rows.
 *
 * - Touchpoints keep their stored status, and `rescheduleCount` counts manual
 *   reschedules only (a holiday shift never raises it). An occurrence the
 *   planner withdrew (cadence stopped or changed) is left out.
 * - Two-way contacts are meetings held (at their end, or when marked held if
 *   that came first) and reports submitted (the vendor answering the
 *   client's standing request; Cadence records no acknowledgement yet).
 * - Nudges are the follow-up messages that went out about a late or missed
 *   touchpoint; one is answered when the report arrives, the meeting is
 *   marked held, or its recipient acknowledges it, whichever comes first (at
 *   the send time if that was before it went out).
 * - Asks are dated by the report's first submission and answered by the
 *   client's answer to them (POST …/report/asks/:index/answer).
 */
export function mapHistory(rows: HistoryRows): EngagementHistory {
  const instant = interned();
  const touchpoints: Touchpoint[] = [];
  const touchpointRows = new Map<string, TouchpointRow>();
  const contacts: TwoWayContact[] = [];
  for (const row of rows.touchpoints) {
    const touchpoint = mapTouchpoint(row, instant);
    if (touchpoint === null) continue;
    touchpoints.push(touchpoint);
    touchpointRows.set(row.id, row);
    if (touchpoint.kind === 'meeting' && touchpoint.status === 'held') {
      const end = instant(row.endsAt ?? row.scheduledAt);
      const held = touchpoint.heldAt;
      contacts.push({ at: held !== null && held < end ? held : end, channel: 'meeting' });
    }
  }

  const answers = groupAnswers(rows.answers);
  const reports: StatusReport[] = [];
  for (const row of rows.reports) {
    const touchpoint = touchpointRows.get(row.touchpointId);
    if (touchpoint === undefined || !COLOURS.has(row.status)) continue;
    const submittedAt = instant(row.submittedAt);
    reports.push({
      touchpointId: row.touchpointId,
      dueAt: instant(touchpoint.scheduledAt),
      submittedAt,
      status: row.status as StatusColour,
      kpiValues: JSON.parse(row.kpiValues) as Record<string, number | null>,
      blockers: (JSON.parse(row.blockers) as StoredBlocker[]).map((b) => ({
        text: b.text,
        status: b.status,
        firstSeen: instant(b.firstSeenAt),
        carriedOver: b.carriedFrom !== undefined && b.carriedFrom !== null,
      })),
      asks: mapAsks(JSON.parse(row.asks) as StoredAsk[], submittedAt, answers.get(row.touchpointId), instant),
    });
    contacts.push({ at: submittedAt, channel: 'report' });
  }

  const acknowledged = new Map<string, DateTime>();
  for (const row of rows.acknowledgements) {
    const at = instant(row.acknowledgedAt);
    const key = `${row.touchpointId}:${row.personId}`;
    const known = acknowledged.get(key);
    if (known === undefined || at < known) acknowledged.set(key, at);
  }
  const nudges: Nudge[] = [];
  for (const row of rows.nudges) {
    const nudge = mapNudge(row, touchpointRows, acknowledged, instant);
    if (nudge !== null) nudges.push(nudge);
  }

  const engagement = rows.engagement;
  return {
    engagementId: engagement.id,
    timeZone: engagement.timeZone ?? 'UTC',
    startedAt: instant(engagement.createdAt),
    kpis: JSON.parse(engagement.kpis) as KpiDefinition[],
    touchpoints,
    reports,
    nudges,
    contacts,
  };
}

type InstantOf = (stored: string) => DateTime;

/**
 * `instant`, with one DateTime per distinct instant of a history: a report's due time is its
 * touchpoint's, most originals equal their scheduled time, asks share their report's
 * submission. DateTimes are immutable, so sharing them is safe, and it spares recomputing
 * thousands of engagements a good part of their allocations.
 */
function interned(): InstantOf {
  const known = new Map<string, DateTime>();
  return (stored) => {
    let value = known.get(stored);
    if (value === undefined) {
      value = parseInstant(stored);
      known.set(stored, value);
    }
    return value;
  };
}

function mapTouchpoint(row: TouchpointRow, instant: InstantOf): Touchpoint | null {
  const adjustment: TouchpointAdjustment | null =
    row.adjustmentType === 'shifted' || row.adjustmentType === 'skipped'
      ? { type: row.adjustmentType, reason: row.adjustmentReason ?? '' }
      : null;
  if (adjustment?.type === 'skipped') {
    // Meetings are withdrawn as `cancelled`, reports as `skipped` with the planner's reason.
    if (row.kind === 'meeting' && row.status === 'cancelled') return null;
    // Withdrawn because the cadence changed or stopped: never expected, so left out entirely
    // rather than read as a holiday skip that would pause its week.
    if (isWithdrawalReason(adjustment.reason)) return null;
  }
  const base = {
    id: row.id,
    scheduledAt: instant(row.scheduledAt),
    originalAt: instant(row.originalAt),
    adjustment,
    rescheduleCount: Number(row.rescheduleCount),
  };
  if (row.kind === 'meeting' && MEETING_STATUSES.has(row.status)) {
    return {
      ...base,
      kind: 'meeting',
      status: row.status as MeetingStatus,
      heldAt: row.heldAt === null ? null : instant(row.heldAt),
    };
  }
  if (row.kind === 'status_report' && REPORT_STATUSES.has(row.status)) {
    return {
      ...base,
      kind: 'status_report',
      status: row.status as ReportStatus,
      submittedAt: row.submittedAt === null ? null : instant(row.submittedAt),
    };
  }
  return null;
}

function groupAnswers(rows: readonly AnswerRow[]): Map<string, AnswerRow[]> {
  const byTouchpoint = new Map<string, AnswerRow[]>();
  for (const row of rows) {
    const list = byTouchpoint.get(row.touchpointId);
    if (list) list.push(row);
    else byTouchpoint.set(row.touchpointId, [row]);
  }
  return byTouchpoint;
}

function mapAsks(
  asks: readonly StoredAsk[],
  askedAt: DateTime,
  answers: readonly AnswerRow[] | undefined,
  instant: InstantOf,
): ClientAsk[] {
  return asks.map((ask, index) => {
    const answer = answers && answerTo(answers, index, ask.text);
    return { text: ask.text, askedAt, answeredAt: answer ? instant(answer.answeredAt) : null };
  });
}

function mapNudge(
  row: NudgeRow,
  touchpoints: ReadonlyMap<string, TouchpointRow>,
  acknowledged: ReadonlyMap<string, DateTime>,
  instant: InstantOf,
): Nudge | null {
  if (row.followUpTrigger === null || !AWAITING.has(row.followUpTrigger) || row.touchpointId === null)
    return null;
  const touchpoint = touchpoints.get(row.touchpointId);
  if (touchpoint === undefined) return null;
  const sentAt = instant(row.sentAt);
  const done = touchpoint.kind === 'meeting' ? touchpoint.heldAt : touchpoint.submittedAt;
  const ack =
    row.recipientPersonId === null
      ? undefined
      : acknowledged.get(`${touchpoint.id}:${row.recipientPersonId}`);
  const candidates = [done === null ? null : instant(done), ack ?? null].filter(
    (t): t is DateTime => t !== null,
  );
  const doneAt = candidates.length === 0 ? null : candidates.reduce((a, b) => (b < a ? b : a));
  return {
    sentAt,
    // A post to a Slack channel is read by the client side, on the account manager's time.
    recipientRole:
      row.recipientRole !== null && ROLES.has(row.recipientRole)
        ? (row.recipientRole as RecipientRole)
        : 'account_manager',
    respondedAt: doneAt === null ? null : doneAt < sentAt ? sentAt : doneAt,
  };
}
