/**
 * `npm run bench:warning`: runs the whole scenario library against the real
 * application (each scenario in its own in-process instance on a manual
 * clock) and prints, per scenario template and in total, how early Cadence
 * flags a sliding relationship before the ground-truth strain week, how often
 * it flags healthy and holiday-only vendors, and how long a simulated quarter
 * takes. A benchmark, not a test: it prints its figures beside the targets of
 * issue 6 and sets a non-zero exit code when one is missed.
 *
 * `--scenario NAME` (repeatable) runs part of the library; `--reseed N` draws
 * every engagement's behaviour from another random stream, to see how much
 * the figures owe to one draw of the dice; `--json FILE` also writes the
 * figures, verdicts and every engagement's weekly health.
 *
 * The same figures come from `measureEarlyWarning()` in
 * bench/simulation/warning-benchmark.ts for a wider benchmark table.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Settings } from 'luxon';
import { findScenario, SCENARIOS } from './simulation/scenarios/scenario-library';
import type { Scenario } from './simulation/scenario.types';
import { measureEarlyWarning } from './simulation/warning-benchmark';
import { formatWarningBenchmark } from './simulation/warning-report';

Settings.throwOnInvalid = true;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', multiple: true },
      reseed: { type: 'string', default: '0' },
      json: { type: 'string' },
    },
  });
  const reseed = Number(values.reseed);
  if (!Number.isInteger(reseed) || reseed < 0)
    throw new Error('--reseed must be a whole number (0: the library’s own draw)');
  const scenarios: Scenario[] = [];
  for (const name of values.scenario ?? SCENARIOS.map((s) => s.name)) {
    const scenario = findScenario(name);
    if (scenario === null)
      throw new Error(`no scenario ${name}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
    scenarios.push(scenario);
  }
  const started = performance.now();
  const result = await measureEarlyWarning({
    scenarios,
    reseed,
    onScenario: (name) => process.stderr.write(`running ${name}…\n`),
  });
  process.stdout.write(`${formatWarningBenchmark(result)}\n`);
  if (values.json !== undefined) writeFileSync(values.json, JSON.stringify(result, null, 1));
  process.stdout.write(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  if (result.figures.targets.some((t) => !t.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:warning failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
