import { bandRank, type HealthBand } from './health-band';

/** How an engagement's band moved between two weekly snapshots. */
export interface BandChange {
  from: HealthBand | null;
  to: HealthBand;
  direction: 'worsened' | 'improved' | 'unchanged' | 'first';
  /** Bands crossed: 2 for healthy → at_risk; 0 when unchanged or first. */
  steps: number;
}

/**
 * Compares the previous snapshot's band with the new one. With no previous
 * snapshot the direction is `first`: an engagement's first assessment is a
 * baseline, not a change, so it must not fire "health band worsened".
 */
export function bandChange(previous: HealthBand | null, next: HealthBand): BandChange {
  if (previous === null) return { from: null, to: next, direction: 'first', steps: 0 };
  const delta = bandRank(next) - bandRank(previous);
  const direction = delta > 0 ? 'worsened' : delta < 0 ? 'improved' : 'unchanged';
  return { from: previous, to: next, direction, steps: Math.abs(delta) };
}

/**
 * True when the band got worse (healthy → watch, watch → strained…): the
 * condition of the follow-ups playbook trigger "health band worsened".
 */
export function hasBandWorsened(previous: HealthBand | null, next: HealthBand): boolean {
  return bandChange(previous, next).direction === 'worsened';
}
