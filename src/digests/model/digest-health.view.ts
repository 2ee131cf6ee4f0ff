import type { EngagementHealth } from '../../health/engagement-health';
import type { DigestEngagement } from '../domain/digest.model';
import { CHART_WEEKS } from '../templates/digest-view';

/** The health part of a digest engagement. */
export type DigestHealth = Pick<
  DigestEngagement,
  'score' | 'band' | 'trend' | 'history' | 'newFlags' | 'highlights'
>;

/**
 * Health as the digest shows it: the current assessment, the chart's weeks
 * (the last complete weeks from their snapshots, then the score now; a week
 * paused for a holiday is a gap, not a bar), and only the flags raised since
 * last week's snapshot.
 */
export function digestHealthOf(health: EngagementHealth): DigestHealth {
  return {
    score: health.score,
    band: health.band,
    trend: health.trend,
    history: [
      ...health.lastWeeks.slice(-(CHART_WEEKS - 1)).map((week) => (week.paused ? null : week.score)),
      health.score,
    ],
    newFlags: health.flags
      .filter((flag) => flag.isNew)
      .map((flag) => ({
        code: flag.code,
        severity: flag.severity,
        since: flag.since,
        message: flag.message,
      })),
    highlights: health.highlights,
  };
}
