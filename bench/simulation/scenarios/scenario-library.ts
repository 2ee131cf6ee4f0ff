import type { Scenario } from '../scenario.types';
import { DROP_SCENARIO } from './drops.scenario';
import { HEALTHY_SCENARIO } from './healthy.scenario';
import {
  DIWALI_SCENARIO,
  EID_SCENARIO,
  HOLY_WEEK_SCENARIO,
  LUNAR_NEW_YEAR_SCENARIO,
} from './holidays.scenario';
import { RECOVERY_SCENARIO } from './recoveries.scenario';
import { SLIDE_SCENARIO } from './slides.scenario';

/** Every scenario of the library, in the order the benchmark runs them. */
export const SCENARIOS: readonly Scenario[] = [
  HEALTHY_SCENARIO,
  HOLY_WEEK_SCENARIO,
  DIWALI_SCENARIO,
  EID_SCENARIO,
  LUNAR_NEW_YEAR_SCENARIO,
  SLIDE_SCENARIO,
  DROP_SCENARIO,
  RECOVERY_SCENARIO,
];

/** A scenario by its `--scenario` name, or null. */
export function findScenario(name: string): Scenario | null {
  return SCENARIOS.find((s) => s.name === name) ?? null;
}
