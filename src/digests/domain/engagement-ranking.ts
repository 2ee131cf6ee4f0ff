import { bandRank } from '../../health/domain/health-band';
import type { DigestEngagement } from './digest.model';

/**
 * The portfolio worst first, so the eye lands on what needs it: by band
 * (strained, at risk, watch, healthy), then by score, then by trend (the one
 * falling faster first; no trend yet counts as flat). Ties keep a stable,
 * locale-independent order by name and id, so two renders of the same week
 * list the same order. Returns a new array; the input is left alone.
 */
export function rankEngagements<T extends DigestEngagement>(engagements: readonly T[]): T[] {
  return [...engagements].sort(
    (a, b) =>
      bandRank(b.band) - bandRank(a.band) ||
      a.score - b.score ||
      (a.trend ?? 0) - (b.trend ?? 0) ||
      compareText(a.name, b.name) ||
      compareText(a.id, b.id),
  );
}

// Code-point order, not localeCompare: the order must not depend on the ICU data of the machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
