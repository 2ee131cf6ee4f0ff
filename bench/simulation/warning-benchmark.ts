import { SCENARIOS } from './scenarios/scenario-library';
import type { HealthView } from './cadence-client';
import type { GroundTruth, Scenario } from './scenario.types';
import type { RunTiming } from './run.types';
import { runScenario } from './simulation-runner';
import { type EngagementVerdict, judgeEngagement, summarise, type WarningFigures } from './warning-metrics';

export interface ScenarioTiming {
  scenario: string;
  engagements: number;
  weeks: number;
  timing: RunTiming;
  /** Wall time of 13 simulated weeks of this scenario (all its engagements together). */
  quarterMs: number;
}

export interface WarningBenchmark {
  figures: WarningFigures;
  verdicts: EngagementVerdict[];
  timings: ScenarioTiming[];
  /** Scheduler job failures and snapshot mismatches seen: a run with any is suspect. */
  problems: string[];
  /** Every engagement's weekly health as read, for analysis outside the benchmark (`--json`). */
  weekly: WeeklyHealth[];
}

export interface WeeklyHealth {
  scenario: string;
  key: string;
  truth: GroundTruth;
  weeks: { week: number; health: HealthView }[];
}

/**
 * Runs the scenario library (or the given scenarios) against the real
 * application and judges every engagement's weekly health against its ground
 * truth. This is what `npm run bench:warning` prints, exported so that a
 * wider `npm run bench` table can include the same figures.
 */
export async function measureEarlyWarning(
  options: {
    scenarios?: readonly Scenario[];
    onScenario?: (name: string) => void;
    /** Another random stream for every engagement (see RunOptions.reseed). */
    reseed?: number;
  } = {},
): Promise<WarningBenchmark> {
  const verdicts: EngagementVerdict[] = [];
  const timings: ScenarioTiming[] = [];
  const problems: string[] = [];
  const weekly: WeeklyHealth[] = [];
  for (const scenario of options.scenarios ?? SCENARIOS) {
    options.onScenario?.(scenario.name);
    const run = await runScenario(scenario, { reseed: options.reseed ?? 0 });
    for (const engagement of run.engagements) {
      const verdict = judgeEngagement(engagement, scenario.name);
      weekly.push({
        scenario: scenario.name,
        key: engagement.script.key,
        truth: engagement.script.truth,
        weeks: engagement.weeks.map((w) => ({ week: w.week, health: w.health })),
      });
      verdicts.push(verdict);
      // A holiday-only engagement that never met its holiday proves nothing about holidays.
      if (verdict.truth.kind === 'holidayOnly' && verdict.namedHolidayHits === 0)
        problems.push(
          `${scenario.name}/${engagement.script.key}: no touchpoint was skipped or moved for its holidays`,
        );
      for (const m of engagement.snapshotMismatches)
        problems.push(`${scenario.name}/${engagement.script.key}: ${m}`);
    }
    for (const [job, why] of Object.entries(run.failedJobs))
      problems.push(`${scenario.name}: job ${job} failed: ${why}`);
    timings.push({
      scenario: scenario.name,
      engagements: run.engagements.length,
      weeks: run.weeks,
      timing: run.timing,
      quarterMs: (run.timing.simulateMs / run.weeks) * 13,
    });
  }
  return { figures: summarise(verdicts), verdicts, timings, problems, weekly };
}
