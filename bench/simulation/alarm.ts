import type { HealthView } from './cadence-client';

const BAND_RANK = { healthy: 0, watch: 1, at_risk: 2, strained: 3 } as const;

/** Why a week counts as an alarm: the flag codes at warning or above, and a band that got worse. */
export interface Alarm {
  codes: string[];
  bandWorsened: boolean;
}

/**
 * What counts as an alarm (a "flag" in the benchmark): at the end of a week,
 * `/health` lists a flag of severity `warning` or `critical`, or the band is
 * worse than it was at the end of the previous week (what fires the playbook
 * trigger "health band worsened"). Info flags (the first amber streak) are
 * not alarms: they reach nobody. The first week is a baseline, so its band
 * cannot have worsened.
 */
export function alarmOf(previous: HealthView | null, current: HealthView): Alarm | null {
  const codes = current.flags.filter((f) => f.severity !== 'info').map((f) => f.code);
  const bandWorsened = previous !== null && BAND_RANK[current.band] > BAND_RANK[previous.band];
  return codes.length > 0 || bandWorsened ? { codes, bandWorsened } : null;
}
