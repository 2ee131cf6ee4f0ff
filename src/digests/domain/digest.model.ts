import type { KpiDefinition } from '../../health/domain/engagement-history';
import type { HealthBand } from '../../health/domain/health-band';
import type { HealthFlag } from '../../health/domain/health-flags';
import type { HighlightCode } from '../../health/domain/recognition';

/**
 * Everything one executive's weekly digest shows, as plain JSON-friendly data.
 *
 * The digest service builds it from the database; the templates only read it.
 * Instants are ISO-8601 strings in UTC (`2027-10-29T11:30:00Z`), local dates
 * are `YYYY-MM-DD`, as everywhere in the public API. Text that people typed
 * (engagement names, flag evidence quoting a blocker, asks) arrives raw: the
 * templates escape it, so nobody upstream should.
 */
export interface DigestModel {
  executive: DigestReader;
  week: DigestWeek;
  /** The executive's portfolio, in any order: the templates rank it. */
  engagements: readonly DigestEngagement[];
  links: DigestLinks;
}

/** Who reads the digest, and how dates and times are shown to them. */
export interface DigestReader {
  name: string;
  /** IANA zone, e.g. `America/New_York`. Every instant is shown in it. */
  zone: string;
  /** BCP 47 locale, e.g. `en-US`; an unknown one falls back to `en`. */
  locale: string;
}

/**
 * The ISO week the digest is sent in, and its Monday-to-Sunday dates in the
 * reader's zone. The digest for 2027-W44 goes out on Monday 1 November: its
 * "last week" is W43 and its look-ahead covers W44 and W45. One digest per
 * executive per ISO week, so this is also its identity.
 */
export interface DigestWeek {
  /** `2027-W44` (ISO week-year, which is not always the calendar year). */
  isoWeek: string;
  /** Monday, `YYYY-MM-DD`. */
  start: string;
  /** Sunday, `YYYY-MM-DD`. */
  end: string;
}

export interface DigestLinks {
  /** The web version of this digest (`GET /api/v1/executives/:id/digest?week=…`). */
  webVersion: string;
  /** One-click unsubscribe for this executive; also sent as `List-Unsubscribe`. */
  unsubscribe: string;
}

/** One engagement of the portfolio as of the digest's Monday. */
export interface DigestEngagement {
  id: string;
  name: string;
  vendorName: string;
  accountManagerName: string;
  /** Where the engagement's own page is. */
  url: string;
  /** Health score 0–100. */
  score: number;
  band: HealthBand;
  /** Score change over the last four weeks (health's trend); null while there is too little history. */
  trend: number | null;
  /**
   * The last eight weekly scores, oldest first, ending with this week's. Null
   * for a week without a score: before the engagement existed, or a week the
   * health check paused for a holiday.
   */
  history: readonly (number | null)[];
  /** Flags raised since last week's digest, with their evidence in `message`. */
  newFlags: readonly HealthFlag[];
  /** Touchpoints of last week that were missed, cancelled or late. */
  touchpointIssues: readonly DigestTouchpointIssue[];
  /** Touchpoints of last week skipped for a holiday, time off or a shutdown: not misses. */
  holidaySkips: readonly DigestHolidaySkip[];
  /** Last week's reported value of each KPI against its target. */
  kpis: readonly DigestKpi[];
  /** Recognition: what went well. */
  highlights: readonly DigestHighlight[];
  /** Asks of the client still waiting for an answer. */
  openAsks: readonly DigestAsk[];
  /** Holidays, shutdowns and clock changes in the next two weeks that move or skip touchpoints. */
  disruptions: readonly DigestDisruption[];
}

export type DigestTouchpointKind = 'meeting' | 'status_report';

/** What went wrong with a touchpoint: reports are missed or late, meetings missed or cancelled. */
export type DigestTouchpointStatus = 'missed' | 'late' | 'cancelled';

export interface DigestTouchpointIssue {
  kind: DigestTouchpointKind;
  /** The cadence's title, e.g. "Weekly status". */
  title: string;
  /** Meeting start or report due instant, UTC. */
  scheduledAt: string;
  status: DigestTouchpointStatus;
  /** How late a late report arrived, in hours. */
  lateByHours?: number;
}

export interface DigestHolidaySkip {
  title: string;
  /** Local date the touchpoint would have fallen on. */
  date: string;
  /** What it was skipped for, as the calendar names it: "Diwali (IN)". */
  reason: string;
}

/** A KPI's definition (key, label, unit, target, direction) with last week's result. */
export interface DigestKpi extends KpiDefinition {
  /** Last week's reported value; null when no report came in. */
  value: number | null;
  /** Met or beaten, as health judged it. */
  met: boolean;
}

/**
 * Recognition: a health highlight (a streak, a KPI beating target), or what
 * the vendor's latest report said went well (`VENDOR_REPORTED`, in their words).
 */
export interface DigestHighlight {
  code: HighlightCode | 'VENDOR_REPORTED';
  /** Plain English naming the evidence, or the vendor's own sentence. */
  message: string;
  /** "Maria Santos" or "the Pune team"; when absent the vendor is credited. */
  by?: string;
}

export interface DigestAsk {
  text: string;
  /** When it was asked, UTC. */
  askedAt: string;
  /** Working days it has waited (health's effective count, so holidays do not inflate it). */
  daysWaiting: number;
  /** Who asked, when known. */
  askedBy?: string;
}

export type DigestDisruptionKind = 'holiday' | 'blackout' | 'dst';

export interface DigestDisruption {
  /** Local date it happens on. */
  date: string;
  kind: DigestDisruptionKind;
  /** "All Saints' Day (PL)", "Year-end shutdown", "US clocks go back". */
  label: string;
  /** What it does to the regimen: "Monday sync moves to Tuesday". */
  effect: string;
}
