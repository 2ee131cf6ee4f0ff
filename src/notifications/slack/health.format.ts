import type { EngagementHealthSummary, HealthBand } from './slack-domain.port';
import { type SafeMrkdwn, mrkdwn } from './slack-text';

// Emoji codes contain none of `&<>`, so interpolating them (escaped) keeps them intact.
const BANDS: Readonly<Record<HealthBand, { label: string; emoji: string; rank: number }>> = {
  strained: { label: 'Strained', emoji: ':red_circle:', rank: 0 },
  at_risk: { label: 'At risk', emoji: ':large_orange_circle:', rank: 1 },
  watch: { label: 'Watch', emoji: ':large_yellow_circle:', rank: 2 },
  healthy: { label: 'Healthy', emoji: ':large_green_circle:', rank: 3 },
};

/** ":large_yellow_circle: Watch · 72 (▼ 9)", or ":white_circle: Not assessed yet". */
export function healthBadge(health: {
  band: HealthBand | null;
  score: number | null;
  trend?: number;
}): SafeMrkdwn {
  // A new engagement has no history to score yet; saying so beats showing a made-up number.
  if (health.band === null || health.score === null) return mrkdwn`:white_circle: Not assessed yet`;
  const band = BANDS[health.band];
  const score = Math.round(health.score);
  const trend = health.trend === undefined ? '' : ` (${trendText(health.trend)})`;
  return mrkdwn`${band.emoji} ${band.label} · ${score}${trend}`;
}

function trendText(trend: number): string {
  const points = Math.round(trend);
  if (points > 0) return `▲ ${points}`;
  if (points < 0) return `▼ ${-points}`;
  return '±0';
}

/** Unassessed engagements come after every assessed one: there is nothing to act on yet. */
const UNASSESSED_RANK = 4;

/** Least healthy first (band, then score), then by name: what needs attention leads. */
export function byNeedForAttention(a: EngagementHealthSummary, b: EngagementHealthSummary): number {
  const rank = (e: EngagementHealthSummary): number =>
    e.band === null ? UNASSESSED_RANK : BANDS[e.band].rank;
  return rank(a) - rank(b) || (a.score ?? 0) - (b.score ?? 0) || a.name.localeCompare(b.name);
}
