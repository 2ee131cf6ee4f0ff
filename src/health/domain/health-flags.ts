import type { DateTime } from 'luxon';
import type { HealthSignals } from './health-signals';
import type { HealthTrend } from './health-trend';
import { formatKpiValue } from './kpi-result';
import { didNotHappen } from './meeting-outcome';
import type { RecipientRole } from './engagement-history';
import { slipped } from './rules/report-timeliness.rule';
import { count, days, duration, joinAnd, localDate, quote } from './wording';

export const FLAG_CODES = [
  'REPORTS_SLIPPING',
  'MEETINGS_MISSED',
  'CONTACT_GAP',
  'RED_STREAK',
  'AMBER_STREAK',
  'KPI_BELOW_TARGET',
  'BLOCKER_RECURRING',
  'ASKS_UNANSWERED',
  'NUDGES_IGNORED',
  'STEADY_DECLINE',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export type FlagSeverity = 'info' | 'warning' | 'critical';

/** An early warning, as `/health` and the digest show it. */
export interface HealthFlag {
  code: FlagCode;
  severity: FlagSeverity;
  /** Local date (history's zone) on which the condition began; stays put while it lasts. */
  since: string;
  /** Plain English naming the evidence. */
  message: string;
}

/**
 * A pattern among the latest touchpoints: `pattern` bad ones among the last
 * `ofLast` flag on their own; `some` bad ones flag only when they have cost
 * the signal enough that its score is below `signalBelow` (two slightly late
 * reports do not; a missed one and a late one do). Critical once the signal's
 * score is below `criticalBelow`.
 */
export interface PatternThreshold {
  ofLast: number;
  pattern: number;
  some: number;
  signalBelow: number;
  criticalBelow: number;
}

/**
 * Where each flag starts. They are set so that one bad week of a good vendor
 * raises nothing, nor do two scattered lapses, while a pattern does (three
 * slips in four weeks, or a missed report next to a late one); a slide that
 * is still too mild for any of them is caught by STEADY_DECLINE. README.md in
 * this folder gives the reasoning and the benchmark they answer to.
 */
export interface FlagThresholds {
  /** Late or missed reports. */
  reportSlips: PatternThreshold;
  /** Missed or cancelled meetings. */
  meetingMisses: PatternThreshold;
  /** Days of no two-way contact beyond the expected rhythm. */
  contactGapDays: { warning: number; critical: number };
  /** Red reports in a row. */
  redStreak: { warning: number; critical: number };
  /** Amber-or-red reports in a row: info first (amber is candour), then a warning. */
  amberStreak: { info: number; warning: number };
  /**
   * A KPI short of target in this many reports in a row, each by at least
   * `minShortfall`; critical when each is `criticalShortfall` short.
   * `minShortfall` sits above the ordinary week-to-week wobble of a rate such
   * as CSAT or close rate (about ±5 %), or a vendor on target on average
   * would be flagged by chance runs of three low weeks.
   */
  kpiBelow: { reports: number; minShortfall: number; criticalShortfall: number };
  /** Weeks a blocker is open (one that came back needs one week less). */
  blockerWeeks: { warning: number; critical: number };
  /** Effective days the oldest ask of the client has waited. */
  askDays: { warning: number; critical: number };
  /**
   * Touchpoints whose nudges went unanswered for `hours` effective hours,
   * within the window. Counted by touchpoint, not by message: the reminders
   * and escalations about one missing report are one lapse, not five.
   */
  ignoredNudges: { hours: number; warning: number; critical: number };
  /**
   * Score falls: `weeks` falls in a row losing `points`, or `fourWeekDrop`
   * over the trend; critical at `criticalDrop`. `fourWeekDrop` sits above
   * what one lapse of a good vendor costs at once (a missed meeting takes a
   * score of 100 to about 90), so a single bad week is not a "decline".
   */
  decline: { weeks: number; points: number; fourWeekDrop: number; criticalDrop: number };
}

export const DEFAULT_FLAG_THRESHOLDS: FlagThresholds = {
  reportSlips: { ofLast: 4, pattern: 3, some: 2, signalBelow: 75, criticalBelow: 50 },
  meetingMisses: { ofLast: 4, pattern: 3, some: 2, signalBelow: 60, criticalBelow: 45 },
  contactGapDays: { warning: 7, critical: 14 },
  redStreak: { warning: 2, critical: 3 },
  amberStreak: { info: 3, warning: 5 },
  kpiBelow: { reports: 3, minShortfall: 0.08, criticalShortfall: 0.2 },
  blockerWeeks: { warning: 3, critical: 5 },
  askDays: { warning: 10, critical: 21 },
  ignoredNudges: { hours: 48, warning: 2, critical: 3 },
  decline: { weeks: 3, points: 8, fourWeekDrop: 12, criticalDrop: 20 },
};

const SEVERITY_ORDER: Readonly<Record<FlagSeverity, number>> = { critical: 0, warning: 1, info: 2 };

/**
 * The early-warning flags raised by a set of signals and the score's trend.
 * Every `since` comes from the history (the first slip of the current run,
 * the last contact, the first red report…), so it does not move from one
 * week to the next while the condition lasts. Touchpoints skipped for a
 * holiday never reach these detectors, and ages are effective, so holidays
 * alone raise nothing. Critical flags come first.
 */
export function detectFlags(
  signals: HealthSignals,
  trend: HealthTrend,
  timeZone: string,
  thresholds: FlagThresholds = DEFAULT_FLAG_THRESHOLDS,
): HealthFlag[] {
  const date = (t: DateTime): string => localDate(t, timeZone);
  const flags = [
    reportsSlipping(signals, thresholds, date),
    meetingsMissed(signals, thresholds, date),
    contactGap(signals, thresholds, date),
    ...colourStreaks(signals, thresholds, date),
    kpiBelowTarget(signals, thresholds, date),
    blockerRecurring(signals, thresholds, date),
    asksUnanswered(signals, thresholds, date),
    nudgesIgnored(signals, thresholds, date),
    steadyDecline(trend, thresholds, date),
  ].filter((flag): flag is HealthFlag => flag !== null);
  return flags.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      FLAG_CODES.indexOf(a.code) - FLAG_CODES.indexOf(b.code),
  );
}

type DateOf = (t: DateTime) => string;

/** Severity of a pattern among `bad` (newest first) given the signal's score, or null. */
function pattern(
  bad: readonly boolean[],
  signalScore: number | null,
  t: PatternThreshold,
): { severity: FlagSeverity; ofLast: number } | null {
  const among = bad.slice(0, t.ofLast).filter(Boolean).length;
  const score = signalScore ?? 100;
  const raised = among >= t.pattern || (among >= t.some && score < t.signalBelow);
  if (!raised) return null;
  return {
    severity: score < t.criticalBelow ? 'critical' : 'warning',
    ofLast: Math.min(t.ofLast, bad.length),
  };
}

function reportsSlipping(
  signals: HealthSignals,
  thresholds: FlagThresholds,
  date: DateOf,
): HealthFlag | null {
  const { recent, slipSince } = signals.report_timeliness.evidence;
  const hit = pattern(
    recent.map((r) => slipped(r.outcome)),
    signals.report_timeliness.score,
    thresholds.reportSlips,
  );
  if (!hit) return null;
  const considered = recent.slice(0, hit.ofLast);
  const late = considered.flatMap((r) => (r.outcome.kind === 'late' ? [r.outcome.hoursLate] : []));
  const missed = considered.filter((r) => r.outcome.kind === 'missed').length;
  const parts: string[] = [];
  if (late.length > 0)
    parts.push(
      `${late.length} late by ${duration(late.reduce((a, b) => a + b, 0) / late.length)} on average`,
    );
  if (missed > 0) parts.push(`${missed} missed`);
  const first = slipSince ?? considered.filter((r) => slipped(r.outcome)).at(-1)!.dueAt;
  return {
    code: 'REPORTS_SLIPPING',
    severity: hit.severity,
    since: date(first),
    message: `${late.length + missed} of the last ${count(considered.length, 'report')} late or missing: ${joinAnd(parts)}`,
  };
}

function meetingsMissed(signals: HealthSignals, thresholds: FlagThresholds, date: DateOf): HealthFlag | null {
  const { recent, missSince } = signals.meeting_adherence.evidence;
  const hit = pattern(
    recent.map((m) => didNotHappen(m.outcome)),
    signals.meeting_adherence.score,
    thresholds.meetingMisses,
  );
  if (!hit) return null;
  const considered = recent.slice(0, hit.ofLast);
  const missed = considered.filter((m) => m.outcome.kind === 'missed').length;
  const cancelled = considered.filter((m) => m.outcome.kind === 'cancelled').length;
  const parts = [missed > 0 ? `${missed} missed` : '', cancelled > 0 ? `${cancelled} cancelled` : ''].filter(
    Boolean,
  );
  const first = missSince ?? considered.filter((m) => didNotHappen(m.outcome)).at(-1)!.scheduledAt;
  return {
    code: 'MEETINGS_MISSED',
    severity: hit.severity,
    since: date(first),
    message: `${missed + cancelled} of the last ${count(considered.length, 'meeting')} did not happen: ${joinAnd(parts)}`,
  };
}

function contactGap(signals: HealthSignals, thresholds: FlagThresholds, date: DateOf): HealthFlag | null {
  const e = signals.two_way_contact.evidence;
  const over = e.gapDays - e.expectedDays;
  const severity: FlagSeverity | null =
    over >= thresholds.contactGapDays.critical
      ? 'critical'
      : over >= thresholds.contactGapDays.warning
        ? 'warning'
        : null;
  if (!severity) return null;
  const last = e.lastContact
    ? `last: ${e.lastContact.channel} on ${date(e.lastContact.at)}`
    : `none since the engagement began on ${date(e.gapFrom)}`;
  const paused = e.pausedDays > 0 ? `; ${joinAnd(e.pausedReasons)} not counted` : '';
  return {
    code: 'CONTACT_GAP',
    severity,
    since: date(e.gapFrom),
    message: `No two-way contact for ${days(e.gapDays * 24)} (${last})${paused}`,
  };
}

function colourStreaks(signals: HealthSignals, thresholds: FlagThresholds, date: DateOf): HealthFlag[] {
  const { red, notGreen } = signals.status_colour.evidence;
  if (red.length >= thresholds.redStreak.warning && red.since) {
    return [
      {
        code: 'RED_STREAK',
        severity: red.length >= thresholds.redStreak.critical ? 'critical' : 'warning',
        since: date(red.since),
        message: `Status red in the last ${red.length} reports`,
      },
    ];
  }
  if (notGreen.length >= thresholds.amberStreak.info && notGreen.since) {
    return [
      {
        code: 'AMBER_STREAK',
        severity: notGreen.length >= thresholds.amberStreak.warning ? 'warning' : 'info',
        since: date(notGreen.since),
        message: `Status amber or red in the last ${notGreen.length} reports`,
      },
    ];
  }
  return [];
}

function kpiBelowTarget(signals: HealthSignals, thresholds: FlagThresholds, date: DateOf): HealthFlag | null {
  const t = thresholds.kpiBelow;
  const hits = signals.kpi_attainment.evidence.tracks.flatMap((track) => {
    const lastFew = track.below.readings.slice(-t.reports);
    // A KPI no longer reported in the window says nothing about now.
    if (track.recent.length === 0 || lastFew.length < t.reports || !track.below.since) return [];
    if (lastFew.some((r) => r.shortfall < t.minShortfall)) return [];
    const latest = lastFew[lastFew.length - 1];
    return [
      {
        since: track.below.since,
        critical: lastFew.every((r) => r.shortfall >= t.criticalShortfall),
        text: `${track.kpi.label} below target in the last ${track.below.length} reports (${formatKpiValue(
          track.kpi,
          latest.value,
        )} vs ${formatKpiValue(track.kpi, track.kpi.target)})`,
      },
    ];
  });
  if (hits.length === 0) return null;
  return {
    code: 'KPI_BELOW_TARGET',
    severity: hits.some((h) => h.critical) ? 'critical' : 'warning',
    since: date(earliest(hits.map((h) => h.since))),
    message: hits.map((h) => h.text).join('; '),
  };
}

function blockerRecurring(
  signals: HealthSignals,
  thresholds: FlagThresholds,
  date: DateOf,
): HealthFlag | null {
  const t = thresholds.blockerWeeks;
  const hits = signals.recurring_blockers.evidence.open.filter(
    (b) => b.weeksOpen >= t.warning || (b.cameBack && b.weeksOpen >= t.warning - 1),
  );
  if (hits.length === 0) return null;
  const texts = hits.map(
    (b) =>
      `blocker ${quote(b.text)} ${b.cameBack ? 'came back and is ' : ''}open for ${count(b.weeksOpen, 'week')}`,
  );
  return {
    code: 'BLOCKER_RECURRING',
    severity: hits.some((b) => b.weeksOpen >= t.critical) ? 'critical' : 'warning',
    since: date(earliest(hits.map((b) => b.since))),
    message: capitalise(joinAnd(texts)),
  };
}

function asksUnanswered(signals: HealthSignals, thresholds: FlagThresholds, date: DateOf): HealthFlag | null {
  const t = thresholds.askDays;
  const waiting = signals.unanswered_asks.evidence.open.filter((a) => a.waitedDays >= t.warning);
  const oldest = waiting[0];
  if (!oldest) return null;
  const more =
    waiting.length > 1 ? ` and ${count(waiting.length - 1, 'more ask')} over ${t.warning} days` : '';
  return {
    code: 'ASKS_UNANSWERED',
    severity: oldest.waitedDays >= t.critical ? 'critical' : 'warning',
    since: date(oldest.askedAt),
    message: `Ask of the client ${quote(oldest.text)} unanswered for ${days(oldest.waitedDays * 24)}${more}`,
  };
}

const ROLE_NAMES: Readonly<Record<RecipientRole, string>> = {
  vendor_contact: 'the vendor contact',
  account_manager: 'the account manager',
  executive: 'the executive',
  client_contact: 'the client contact',
};

function nudgesIgnored(signals: HealthSignals, thresholds: FlagThresholds, date: DateOf): HealthFlag | null {
  const t = thresholds.ignoredNudges;
  const ignored = signals.nudge_response.evidence.judged.filter((n) => !n.answered && n.hours >= t.hours);
  // One lapse per touchpoint chased; a nudge about an unknown touchpoint is a lapse of its own.
  const lapses = new Set(ignored.map((n, i) => n.touchpointId ?? `nudge ${i}`)).size;
  if (lapses < t.warning) return null;
  const roles = (Object.keys(ROLE_NAMES) as RecipientRole[]).flatMap((role) => {
    const n = ignored.filter((nudge) => nudge.recipientRole === role).length;
    return n > 0 ? [`${n} to ${ROLE_NAMES[role]}`] : [];
  });
  const about = lapses < ignored.length ? ` about ${count(lapses, 'touchpoint')}` : '';
  return {
    code: 'NUDGES_IGNORED',
    severity: lapses >= t.critical ? 'critical' : 'warning',
    since: date(earliest(ignored.map((n) => n.sentAt))),
    message: `${count(ignored.length, 'follow-up')}${about} unanswered for over ${duration(t.hours)} (${joinAnd(roles)})`,
  };
}

function steadyDecline(trend: HealthTrend, thresholds: FlagThresholds, date: DateOf): HealthFlag | null {
  const t = thresholds.decline;
  const change = trend.change ?? 0;
  const sliding = trend.consecutiveDrops >= t.weeks && trend.dropTotal >= t.points;
  if (!sliding && change > -t.fourWeekDrop) return null;
  const series = trend.series;
  const now = series[series.length - 1].score;
  const message = sliding
    ? `Health fell ${trend.consecutiveDrops} weeks in a row, ${now + trend.dropTotal} → ${now}`
    : `Health down ${-change} points in ${count(trend.weeks, 'week')}, ${now - change} → ${now}`;
  const start = trend.slideSince ?? series[Math.max(0, series.length - 1 - trend.weeks)].at;
  return {
    code: 'STEADY_DECLINE',
    severity: Math.max(-change, trend.dropTotal) >= t.criticalDrop ? 'critical' : 'warning',
    since: date(start),
    message,
  };
}

function earliest(instants: readonly DateTime[]): DateTime {
  return instants.reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
