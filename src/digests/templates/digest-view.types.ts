import type { FlagSeverity } from '../../health/domain/health-flags';
import type { HealthBand } from '../../health/domain/health-band';
import type { DigestDisruptionKind, DigestTouchpointIssue } from '../domain/digest.model';
import type { TrendDirection } from '../domain/trend-direction';

/**
 * The digest as words, in the order it is read, before it becomes HTML or
 * plain text. Both parts render from this one view, so they cannot drift
 * apart in content. Strings here are raw (unescaped): the HTML template
 * escapes them, the text template does not need to.
 */
export interface DigestView {
  /** For `<html lang>`: the copy is English; an English locale keeps its region. */
  lang: string;
  readerName: string;
  /** "Week 44". */
  weekLabel: string;
  /** "Nov 1 – 7, 2027". */
  weekRange: string;
  /** "Eastern Time (America/New_York)". */
  zoneName: string;
  /** "3 of 7 engagements need attention". */
  headline: string;
  /** One line per band present: "1 strained", "4 healthy". */
  bandCounts: readonly { band: HealthBand; label: string; count: number }[];
  /** Set on a week with nothing to act on or celebrate: the whole body is this one line. */
  emptyLine: string | null;
  engagements: readonly EngagementRow[];
  flags: readonly EngagementGroup<FlagItem>[];
  touchpoints: readonly EngagementGroup<TouchpointItem>[];
  skips: readonly SkipItem[];
  /** KPIs off target or not reported, per engagement: where to look. */
  kpisOff: readonly EngagementGroup<KpiItem>[];
  /** KPIs on target, per engagement: one compact line each. */
  kpisOn: readonly EngagementGroup<KpiItem>[];
  kpiSummary: string;
  highlights: readonly HighlightItem[];
  asks: readonly AskItem[];
  disruptions: readonly VendorDisruptions[];
  lookAheadRange: string;
  lastWeekRange: string;
  links: { webVersion: string; unsubscribe: string };
}

export interface EngagementRef {
  name: string;
  url: string;
  vendorName: string;
}

export interface EngagementGroup<T> {
  engagement: EngagementRef;
  items: readonly T[];
}

export interface TrendView {
  direction: TrendDirection;
  /** ▲ ▼ ▶, or an en dash for a new engagement. */
  arrow: string;
  /** What sighted readers see next to the arrow: "+12", "−9", "±0", "new". */
  short: string;
  /** What the arrow means, for screen readers and the text part: "down 9 points in 4 weeks". */
  spoken: string;
}

export interface EngagementRow extends EngagementRef {
  rank: number;
  accountManagerName: string;
  score: number;
  band: HealthBand;
  bandLabel: string;
  trend: TrendView;
  /** Always eight entries, oldest first; null is a week without a score. */
  history: readonly (number | null)[];
  /** "Last 8 weeks: 62, 60, no score, 55 …" */
  historySpoken: string;
  needsAttention: boolean;
  /** Why it needs attention, briefly: "2 new flags · 1 missed touchpoint". Empty when nothing. */
  reasons: string;
}

export interface FlagItem {
  severity: FlagSeverity;
  severityLabel: string;
  message: string;
  since: string;
}

export interface TouchpointItem {
  title: string;
  /** "missed", "cancelled", "30 h late". */
  what: string;
  status: DigestTouchpointIssue['status'];
  /** "due Fri, Oct 29, 7:30 AM EDT" or "Tue, Oct 26, 10:00 AM EDT". */
  when: string;
}

export interface SkipItem {
  engagement: EngagementRef;
  title: string;
  day: string;
  /** "skipped for Diwali (IN) — not a miss". */
  note: string;
}

export interface KpiItem {
  label: string;
  value: string;
  /** "target ≥ 12%". */
  target: string;
  /** "≥ 12%". */
  targetShort: string;
  met: boolean;
  /** "on target", "below target", "not reported". */
  verdict: string;
}

export interface HighlightItem {
  engagement: EngagementRef;
  message: string;
  /** "Maria Santos, Manila CX Partners" or the vendor alone. */
  by: string;
}

export interface AskItem {
  engagement: EngagementRef;
  text: string;
  /** "waiting 16 days". */
  waiting: string;
  /** "asked by Omar Haddad on Mon, Oct 11". */
  asked: string;
  daysWaiting: number;
}

export interface VendorDisruptions {
  vendorName: string;
  items: readonly DisruptionItem[];
}

export interface DisruptionItem {
  /** `YYYY-MM-DD`, for ordering. */
  date: string;
  day: string;
  kind: DigestDisruptionKind;
  kindLabel: string;
  label: string;
  effect: string;
  /** Which engagements it touches, when the vendor has more than one in this portfolio. */
  engagementNames: readonly string[];
}
