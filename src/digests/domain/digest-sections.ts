import type { DateTime } from 'luxon';
import { utcIso } from '../../cadences/domain/instant-format';
import type { KpiDefinition } from '../../health/domain/engagement-history';
import { kpiShortfall } from '../../health/domain/kpi-result';
import { sameSubject, textKey } from '../../health/domain/text-key';
import type {
  DigestAsk,
  DigestDisruption,
  DigestDisruptionKind,
  DigestHighlight,
  DigestHolidaySkip,
  DigestKpi,
  DigestTouchpointIssue,
} from './digest.model';

// Pure builders of the digest's per-engagement sections from plain rows. The
// digest service loads the rows (in batches) and hands them over; nothing
// here reads the clock, the database or the zone of the machine.

/** A touchpoint of last week, as the digest needs it. */
export interface TouchpointRow {
  kind: 'meeting' | 'status_report';
  status: string;
  title: string;
  scheduledAt: DateTime;
  submittedAt: DateTime | null;
  adjustmentType: 'shifted' | 'skipped' | null;
  adjustmentReason: string | null;
}

/**
 * Last week's touchpoints that went wrong, and those skipped for a holiday,
 * time off or a shutdown, which are listed apart and never as misses. A
 * report is late when it came after its due time plus grace, and missed when
 * it has still not come; a meeting is missed or cancelled. Skip dates are the
 * reader's local dates.
 */
export function touchpointSections(
  rows: readonly TouchpointRow[],
  readerZone: string,
): { touchpointIssues: DigestTouchpointIssue[]; holidaySkips: DigestHolidaySkip[] } {
  const touchpointIssues: DigestTouchpointIssue[] = [];
  const holidaySkips: DigestHolidaySkip[] = [];
  for (const row of rows) {
    if (row.status === 'skipped' || row.adjustmentType === 'skipped') {
      holidaySkips.push({
        title: row.title,
        date: row.scheduledAt.setZone(readerZone).toISODate(),
        reason: row.adjustmentReason ?? 'a day off',
      });
      continue;
    }
    const status = issueStatus(row);
    if (status === null) continue;
    const issue: DigestTouchpointIssue = {
      kind: row.kind,
      title: row.title,
      scheduledAt: utcIso(row.scheduledAt.toJSDate()),
      status,
    };
    if (status === 'late' && row.submittedAt !== null) {
      issue.lateByHours = Math.round(row.submittedAt.diff(row.scheduledAt, 'hours').hours);
    }
    touchpointIssues.push(issue);
  }
  return { touchpointIssues, holidaySkips };
}

function issueStatus(row: TouchpointRow): DigestTouchpointIssue['status'] | null {
  switch (row.status) {
    case 'missed':
      return 'missed';
    case 'late':
      // Overdue and still not in by the digest: "not received" says more than "late".
      if (row.kind !== 'status_report') return null;
      return row.submittedAt === null ? 'missed' : 'late';
    case 'cancelled':
      return row.kind === 'meeting' ? 'cancelled' : null;
    default:
      return null;
  }
}

/** A submitted status report, as the digest needs it. */
export interface ReportRow {
  /** The report touchpoint's due instant. */
  dueAt: DateTime;
  submittedAt: DateTime;
  kpiValues: Readonly<Record<string, number>>;
  highlights: string;
  /** Each ask with when the client answered it (null while open). */
  asks: readonly { text: string; answeredAt: DateTime | null }[];
  /** Who sent it, when it came through a vendor contact's link. */
  submittedBy: string | null;
}

/**
 * Each KPI of the latest report against its target, direction-aware, judged
 * the way health judges it (met means on or beyond target). Without a report,
 * every KPI is "not reported" when one was due; when none was due (a new
 * engagement, a report cadence yet to start) there is nothing to show.
 */
export function kpiSection(
  kpis: readonly KpiDefinition[],
  latest: ReportRow | null,
  reportWasDue: boolean,
): DigestKpi[] {
  if (latest === null && !reportWasDue) return [];
  return kpis.map((kpi) => {
    const reported = latest?.kpiValues[kpi.key];
    const value = typeof reported === 'number' && Number.isFinite(reported) ? reported : null;
    return { ...kpi, value, met: value !== null && kpiShortfall(kpi, value) <= 0 };
  });
}

/**
 * The asks of the client in the latest report still waiting for an answer,
 * each dated from the first of the unbroken run of reports that carried it (a
 * vendor repeats an ask until it is answered; "Still waiting on CRM access" is
 * the same ask as "CRM access"). An ask answered anywhere in that run is not
 * open. `reports` are one engagement's, oldest first, ending with the latest;
 * answers after `asOf` have not happened yet. `workingDaysSince` counts the
 * client's working days an ask has waited, so weekends and holidays do not
 * inflate it.
 */
export function openAsks(
  reports: readonly ReportRow[],
  asOf: DateTime,
  workingDaysSince: (from: DateTime) => number,
): DigestAsk[] {
  const latest = reports[reports.length - 1];
  if (latest === undefined) return [];
  const answered = (ask: { answeredAt: DateTime | null }) =>
    ask.answeredAt !== null && ask.answeredAt <= asOf;
  const seen = new Set<string>();
  const asks: DigestAsk[] = [];
  for (const ask of latest.asks) {
    const text = ask.text.trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    const key = textKey(text);
    let first = latest;
    let open = !answered(ask);
    for (let i = reports.length - 2; i >= 0 && open; i -= 1) {
      const same = reports[i].asks.filter((earlier) => sameSubject(key, textKey(earlier.text)));
      if (same.length === 0) break;
      if (same.some(answered)) open = false;
      first = reports[i];
    }
    if (!open) continue;
    const item: DigestAsk = {
      text,
      askedAt: utcIso(first.submittedAt.toJSDate()),
      daysWaiting: workingDaysSince(first.submittedAt),
    };
    if (first.submittedBy !== null) item.askedBy = first.submittedBy;
    asks.push(item);
  }
  return asks;
}

/** Longest vendor-typed highlight kept in the digest; the report itself keeps all of it. */
export const HIGHLIGHT_LIMIT = 280;

/**
 * What the vendor said went well in the latest report, credited to whoever
 * sent it: a remote team's good work is exactly what an executive misses.
 * Cut at a word boundary so a long paragraph does not take over the digest.
 */
export function reportHighlight(latest: ReportRow | null): DigestHighlight[] {
  const text = latest?.highlights.replace(/\s+/g, ' ').trim() ?? '';
  if (latest === null || text === '') return [];
  const message =
    text.length <= HIGHLIGHT_LIMIT ? text : `${text.slice(0, HIGHLIGHT_LIMIT).replace(/\s+\S*$/, '')}…`;
  return [
    { code: 'VENDOR_REPORTED', message, ...(latest.submittedBy !== null && { by: latest.submittedBy }) },
  ];
}

/** One item of the engagement's forecast, as `GET /engagements/:id/forecast` lists it. */
export interface ForecastRow {
  kind: string;
  date: string;
  endDate?: string;
  label: string;
  touchpoints: readonly {
    title: string;
    effect: 'shifted' | 'skipped';
    originalAt: string;
    scheduledAt: string;
  }[];
}

const DISRUPTION_KINDS: ReadonlySet<string> = new Set<DigestDisruptionKind>(['holiday', 'blackout', 'dst']);

/**
 * The holidays, shutdown days and clock changes from the forecast that fall in
 * the look-ahead (`from`–`to`, local dates), each with what it does to the
 * regimen in words (`day` formats an instant as the reader reads a day). A
 * holiday or shutdown is listed even when no touchpoint moves (that side is
 * off); a clock change only when it moves one, since the planner keeps
 * everything else in hours. Time off and narrower overlap windows stay on
 * the engagement's own forecast.
 */
export function disruptionsFrom(
  items: readonly ForecastRow[],
  window: { from: string; to: string },
  day: (instant: string) => string,
): DigestDisruption[] {
  return items
    .filter(
      (item) =>
        DISRUPTION_KINDS.has(item.kind) &&
        item.date <= window.to &&
        (item.endDate ?? item.date) >= window.from &&
        (item.kind !== 'dst' || item.touchpoints.length > 0),
    )
    .map((item) => {
      const effects = item.touchpoints.map((t) =>
        t.effect === 'skipped'
          ? `${t.title} on ${day(t.originalAt)} is skipped`
          : `${t.title} moves from ${day(t.originalAt)} to ${day(t.scheduledAt)}`,
      );
      return {
        date: item.date < window.from ? window.from : item.date,
        kind: item.kind as DigestDisruptionKind,
        label: item.label,
        effect: effects.length > 0 ? effects.join('; ') : 'No touchpoint moves',
      };
    });
}
