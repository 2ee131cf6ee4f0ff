import type { DigestEngagement, DigestModel } from './digest.model';

/**
 * Whether an engagement needs the executive's eye this week: its band is
 * below healthy, a warning or critical flag went up since last week, or a
 * touchpoint was missed, cancelled or late. Info flags (a third amber report)
 * are shown but do not count: amber is candour, and crying wolf is how an
 * executive learns to skip the digest. Holiday skips never count.
 */
export function needsAttention(engagement: DigestEngagement): boolean {
  return (
    engagement.band !== 'healthy' ||
    engagement.newFlags.some((flag) => flag.severity !== 'info') ||
    engagement.touchpointIssues.length > 0
  );
}

/** The engagements that need attention, in the order given. */
export function engagementsNeedingAttention<T extends DigestEngagement>(engagements: readonly T[]): T[] {
  return engagements.filter(needsAttention);
}

/**
 * True when the week has nothing to act on and nothing to celebrate: every
 * engagement is healthy with no new flag, no missed or late touchpoint, every
 * KPI on target, no open ask, no highlight and no disruption ahead. Such a
 * digest says so in one line instead of sending empty tables. An empty
 * portfolio is an empty week too.
 */
export function isEmptyWeek(model: DigestModel): boolean {
  return model.engagements.every(
    (e) =>
      !needsAttention(e) &&
      e.newFlags.length === 0 &&
      e.kpis.every((kpi) => kpi.met) &&
      e.highlights.length === 0 &&
      e.openAsks.length === 0 &&
      e.disruptions.length === 0,
  );
}
