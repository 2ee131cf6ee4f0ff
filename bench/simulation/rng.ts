import { seededRandom } from '../support/random';

/**
 * A seeded random source (mulberry32): the same seed gives the same vendor
 * behaviour on every machine and every run, so a scenario's table and the
 * benchmark's figures are reproducible.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Whole number in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  /** Roughly normal (sum of uniforms), mean 0 and the given spread. */
  noise(spread: number): number;
}

export function seededRng(seed: number): Rng {
  const next = seededRandom(seed);
  return {
    next,
    between: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    // Irwin–Hall with 3 terms: bounded, bell-shaped, cheap; variance 1/4 per unit spread.
    noise: (spread) => (next() + next() + next() - 1.5) * 2 * spread,
  };
}

/** A stable 32-bit seed from text (FNV-1a), so each engagement of a scenario gets its own stream. */
export function seedFrom(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('|')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
