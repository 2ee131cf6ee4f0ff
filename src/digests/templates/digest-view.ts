import { DateTime } from 'luxon';
import type { FlagSeverity } from '../../health/domain/health-flags';
import type { HealthBand } from '../../health/domain/health-band';
import { HEALTH_BANDS } from '../../health/domain/health-band';
import { formatKpiValue } from '../../health/domain/kpi-result';
import { count, duration } from '../../health/domain/wording';
import { isEmptyWeek, needsAttention } from '../domain/digest-attention';
import type {
  DigestDisruptionKind,
  DigestEngagement,
  DigestKpi,
  DigestModel,
  DigestTouchpointIssue,
} from '../domain/digest.model';
import { rankEngagements } from '../domain/engagement-ranking';
import { trendDirection, type TrendDirection } from '../domain/trend-direction';
import { ReaderDateFormat } from './reader-date-format';
import type {
  DigestView,
  DisruptionItem,
  EngagementGroup,
  EngagementRef,
  EngagementRow,
  KpiItem,
  TouchpointItem,
  TrendView,
  VendorDisruptions,
} from './digest-view.types';

// The view's shapes live in digest-view.types.ts; importers of the view get them from here too.
export type * from './digest-view.types';

export const BAND_LABELS: Readonly<Record<HealthBand, string>> = {
  healthy: 'Healthy',
  watch: 'Watch',
  at_risk: 'At risk',
  strained: 'Strained',
};

const SEVERITY_LABELS: Readonly<Record<FlagSeverity, string>> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Note',
};

const DISRUPTION_LABELS: Readonly<Record<DigestDisruptionKind, string>> = {
  holiday: 'Holiday',
  blackout: 'Shutdown',
  dst: 'Clock change',
};

const ARROWS: Readonly<Record<TrendDirection, string>> = { up: '▲', down: '▼', steady: '▶', new: '–' };

/** The chart always shows this many weeks. */
export const CHART_WEEKS = 8;

/**
 * Turns the model into the words of the digest: ranks the portfolio, counts
 * what needs attention, groups each section by engagement (worst first) or
 * vendor, and formats every date in the reader's zone and locale.
 */
export function buildDigestView(model: DigestModel): DigestView {
  const dates = new ReaderDateFormat(model.executive);
  const ranked = rankEngagements(model.engagements);
  const attention = ranked.filter(needsAttention).length;
  const total = ranked.length;
  // Calendar math on local dates, in UTC so no zone can shift them.
  const weekStart = DateTime.fromISO(model.week.start, { zone: 'UTC' });

  return {
    lang: /^en(-|$)/i.test(dates.locale) ? dates.locale : 'en',
    readerName: model.executive.name,
    weekLabel: `Week ${weekNumber(model.week.isoWeek)}`,
    weekRange: dates.range(model.week.start, model.week.end),
    zoneName: dates.zoneName(),
    headline: headline(attention, total),
    bandCounts: HEALTH_BANDS.map((band) => ({
      band,
      label: BAND_LABELS[band].toLowerCase(),
      count: ranked.filter((e) => e.band === band).length,
    }))
      .filter((b) => b.count > 0)
      .reverse(),
    emptyLine: isEmptyWeek(model) ? emptyLine(total) : null,
    engagements: ranked.map((e, i) => row(e, i + 1)),
    flags: groups(ranked, (e) =>
      e.newFlags.map((f) => ({
        severity: f.severity,
        severityLabel: SEVERITY_LABELS[f.severity],
        message: f.message,
        since: `since ${dates.day(f.since)}`,
      })),
    ),
    touchpoints: groups(ranked, (e) =>
      [...e.touchpointIssues]
        .sort((a, b) => compare(a.scheduledAt, b.scheduledAt))
        .map((t) => touchpoint(t, dates)),
    ),
    skips: ranked.flatMap((e) =>
      [...e.holidaySkips]
        .sort((a, b) => compare(a.date, b.date))
        .map((s) => ({
          engagement: ref(e),
          title: s.title,
          day: dates.day(s.date),
          note: `skipped for ${s.reason} — not a miss`,
        })),
    ),
    kpisOff: groups(ranked, (e) => e.kpis.filter((k) => !k.met).map(kpi)),
    kpisOn: groups(ranked, (e) => e.kpis.filter((k) => k.met).map(kpi)),
    kpiSummary: kpiSummary(ranked),
    // Best first: recognition leads with the strongest relationships.
    highlights: [...ranked].reverse().flatMap((e) =>
      e.highlights.map((h) => ({
        engagement: ref(e),
        message: h.message,
        by: h.by ? `${h.by}, ${e.vendorName}` : e.vendorName,
      })),
    ),
    asks: ranked
      .flatMap((e) =>
        e.openAsks.map((a) => ({
          engagement: ref(e),
          text: a.text,
          waiting: `waiting ${count(a.daysWaiting, 'day')}`,
          asked: `asked ${a.askedBy ? `by ${a.askedBy} ` : ''}on ${dates.dayOf(a.askedAt)}`,
          daysWaiting: a.daysWaiting,
        })),
      )
      // Longest wait first; the sort is stable, so ties keep the portfolio's order.
      .sort((a, b) => b.daysWaiting - a.daysWaiting),
    disruptions: disruptionsByVendor(ranked, dates),
    lastWeekRange: dates.range(
      weekStart.minus({ days: 7 }).toISODate(),
      weekStart.minus({ days: 1 }).toISODate(),
    ),
    lookAheadRange: dates.range(model.week.start, weekStart.plus({ days: 13 }).toISODate()),
    links: { webVersion: model.links.webVersion, unsubscribe: model.links.unsubscribe },
  };
}

function ref(e: DigestEngagement): EngagementRef {
  return { name: e.name, url: e.url, vendorName: e.vendorName };
}

function headline(attention: number, total: number): string {
  if (total === 0) return 'No engagements in your portfolio yet';
  if (attention === 0)
    return total === 1 ? 'Your engagement is on track' : `All ${total} engagements are on track`;
  return `${attention} of ${count(total, 'engagement')} ${attention === 1 ? 'needs' : 'need'} attention`;
}

function emptyLine(total: number): string {
  if (total === 0) return 'There are no engagements in your portfolio yet, so there is nothing to report.';
  const all = total === 1 ? 'Your engagement is' : `All ${total} engagements are`;
  return `${all} healthy and nothing changed last week: no flags, no misses, no open asks. Nothing needs your attention.`;
}

function weekNumber(isoWeek: string): number {
  return Number(/W(\d{2})$/.exec(isoWeek)?.[1] ?? NaN);
}

function row(e: DigestEngagement, rank: number): EngagementRow {
  const history = chartWeeks(e.history);
  return {
    ...ref(e),
    rank,
    accountManagerName: e.accountManagerName,
    score: e.score,
    band: e.band,
    bandLabel: BAND_LABELS[e.band],
    trend: trendView(e.trend),
    history,
    historySpoken: `Last ${CHART_WEEKS} weeks: ${history.map((s) => (s === null ? 'no score' : String(s))).join(', ')}`,
    needsAttention: needsAttention(e),
    reasons: reasons(e),
  };
}

/** Exactly CHART_WEEKS entries: missing older weeks are gaps, extra ones are dropped. */
export function chartWeeks(history: readonly (number | null)[]): (number | null)[] {
  const last = history.slice(-CHART_WEEKS);
  return [...Array<null>(CHART_WEEKS - last.length).fill(null), ...last];
}

/** Arrow, short figure and spoken form of a four-week trend. */
export function trendView(trend: number | null): TrendView {
  const direction = trendDirection(trend);
  const arrow = ARROWS[direction];
  if (trend === null) return { direction, arrow, short: 'new', spoken: 'no trend yet' };
  const points = count(Math.abs(trend), 'point');
  switch (direction) {
    case 'up':
      return { direction, arrow, short: `+${trend}`, spoken: `up ${points} in 4 weeks` };
    case 'down':
      // A real minus sign: a hyphen next to a number reads as a dash.
      return { direction, arrow, short: `−${Math.abs(trend)}`, spoken: `down ${points} in 4 weeks` };
    case 'steady':
    case 'new':
      return {
        direction,
        arrow,
        short: trend === 0 ? '±0' : trend > 0 ? `+${trend}` : `−${Math.abs(trend)}`,
        spoken:
          trend === 0 ? 'steady over 4 weeks' : `steady (${trend > 0 ? 'up' : 'down'} ${points} in 4 weeks)`,
      };
  }
}

function reasons(e: DigestEngagement): string {
  const flags = e.newFlags.filter((f) => f.severity !== 'info').length;
  const missed = e.touchpointIssues.filter((t) => t.status !== 'late').length;
  const late = e.touchpointIssues.length - missed;
  const kpisOff = e.kpis.filter((k) => !k.met && k.value !== null).length;
  const kpisMissing = e.kpis.filter((k) => k.value === null).length;
  return [
    flags > 0 ? count(flags, 'new flag') : '',
    missed > 0 ? `${count(missed, 'touchpoint')} missed` : '',
    late > 0 ? `${count(late, 'late report', 'late reports')}` : '',
    kpisOff > 0 ? `${count(kpisOff, 'KPI')} off target` : '',
    kpisMissing > 0 ? `${count(kpisMissing, 'KPI')} not reported` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One group per engagement that has items, in the order given (worst first). */
function groups<T>(
  ranked: readonly DigestEngagement[],
  items: (e: DigestEngagement) => T[],
): EngagementGroup<T>[] {
  return ranked.flatMap((e) => {
    const list = items(e);
    return list.length > 0 ? [{ engagement: ref(e), items: list }] : [];
  });
}

function touchpoint(t: DigestTouchpointIssue, dates: ReaderDateFormat): TouchpointItem {
  const at = dates.dayAndTime(t.scheduledAt);
  const isReport = t.kind === 'status_report';
  switch (t.status) {
    case 'late':
      return {
        title: t.title,
        status: t.status,
        what: t.lateByHours === undefined ? 'late' : `${duration(t.lateByHours)} late`,
        when: `due ${at}`,
      };
    case 'missed':
      return {
        title: t.title,
        status: t.status,
        what: isReport ? 'not received' : 'did not happen',
        when: isReport ? `due ${at}` : at,
      };
    case 'cancelled':
      return { title: t.title, status: t.status, what: 'cancelled', when: at };
  }
}

function kpi(k: DigestKpi): KpiItem {
  const sign = k.direction === 'higher_is_better' ? '≥' : '≤';
  const targetShort = `${sign} ${formatKpiValue(k, k.target)}`;
  return {
    label: k.label,
    value: k.value === null ? '—' : formatKpiValue(k, k.value),
    target: `target ${targetShort}`,
    targetShort,
    met: k.met,
    verdict: k.value === null ? 'not reported' : k.met ? 'on target' : 'off target',
  };
}

function kpiSummary(ranked: readonly DigestEngagement[]): string {
  const all = ranked.flatMap((e) => e.kpis);
  if (all.length === 0) return 'No KPIs were reported last week.';
  const met = all.filter((k) => k.met).length;
  return `${met} of ${count(all.length, 'KPI')} on target last week.`;
}

function disruptionsByVendor(
  ranked: readonly DigestEngagement[],
  dates: ReaderDateFormat,
): VendorDisruptions[] {
  const byVendor = new Map<string, DigestEngagement[]>();
  for (const e of ranked) byVendor.set(e.vendorName, [...(byVendor.get(e.vendorName) ?? []), e]);
  const out: VendorDisruptions[] = [];
  for (const [vendorName, engagements] of byVendor) {
    const several = engagements.length > 1;
    // The same holiday with the same effect on two engagements of one vendor is one line naming both.
    const byKey = new Map<string, DisruptionItem & { engagementNames: string[] }>();
    for (const e of engagements) {
      for (const d of e.disruptions) {
        const key = `${d.date}\u0000${d.kind}\u0000${d.label}\u0000${d.effect}`;
        const known = byKey.get(key);
        if (known) {
          if (several && !known.engagementNames.includes(e.name)) known.engagementNames.push(e.name);
          continue;
        }
        byKey.set(key, {
          date: d.date,
          day: dates.day(d.date),
          kind: d.kind,
          kindLabel: DISRUPTION_LABELS[d.kind],
          label: d.label,
          effect: d.effect,
          engagementNames: several ? [e.name] : [],
        });
      }
    }
    const items = [...byKey.values()].sort((a, b) => compare(a.date, b.date));
    if (items.length > 0) out.push({ vendorName, items });
  }
  // Soonest first across vendors, so the first thing read is the first thing to happen.
  return out.sort((a, b) => compare(firstDate(a), firstDate(b)));
}

function firstDate(v: VendorDisruptions): string {
  return v.items[0]?.date ?? '';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
