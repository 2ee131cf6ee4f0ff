export type TrendDirection = 'up' | 'down' | 'steady' | 'new';

/**
 * Within this many points over four weeks a score counts as steady. Weekly
 * scores wobble by a point or two from rounding and one amber report; an
 * arrow for that would make every row look like news.
 */
export const STEADY_TREND_POINTS = 2;

/** Which way a four-week trend points; `new` when there is no trend yet. */
export function trendDirection(trend: number | null): TrendDirection {
  if (trend === null) return 'new';
  if (trend > STEADY_TREND_POINTS) return 'up';
  if (trend < -STEADY_TREND_POINTS) return 'down';
  return 'steady';
}
