/**
 * `npm run simulate -- --scenario NAME [--weeks N] [--reseed N] [--log-level warn]`
 *
 * Runs one scenario of the library (bench/simulation/scenarios) against the
 * real application, started in this process on a manual clock and driven only
 * through its HTTP API, and prints a weekly table per engagement: score, band,
 * trend, flags and highlights from GET /engagements/:id/health, what the
 * scripted vendor and account manager did, and the touchpoints Cadence skipped
 * for holidays that week. Same seed, same table, on every machine.
 *
 * The npm script compiles only this entry point and what it imports (the app
 * included) with tsc into dist/simulation, incrementally, so a re-run after a
 * change elsewhere compiles just that change.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Settings } from 'luxon';
import { findScenario, SCENARIOS } from './simulation/scenarios/scenario-library';
import { runScenario } from './simulation/simulation-runner';
import { formatScenarioRun } from './simulation/weekly-table';

Settings.throwOnInvalid = true;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      weeks: { type: 'string' },
      'log-level': { type: 'string', default: 'warn' },
      reseed: { type: 'string', default: '0' },
    },
  });
  const scenario = values.scenario === undefined ? null : findScenario(values.scenario);
  if (scenario === null) {
    process.stderr.write(
      `Usage: npm run simulate -- --scenario NAME [--weeks N]\nScenarios:\n${SCENARIOS.map(
        (s) =>
          `  ${s.name.padEnd(16)} ${s.weeks} weeks, ${s.engagements.length} engagements: ${s.description}`,
      ).join('\n')}\n`,
    );
    process.exitCode = 2;
    return;
  }
  const weeks = values.weeks === undefined ? undefined : Number(values.weeks);
  if (weeks !== undefined && (!Number.isInteger(weeks) || weeks < 1 || weeks > 104)) {
    process.stderr.write('--weeks must be a whole number from 1 to 104\n');
    process.exitCode = 2;
    return;
  }
  const run = await runScenario(scenario, {
    weeks,
    reseed: Number(values.reseed) || 0,
    logLevel: values['log-level'],
    onWeek: (week) => process.stderr.write(`\rweek ${week} of ${weeks ?? scenario.weeks}`),
  });
  process.stderr.write('\n');
  process.stdout.write(`${formatScenarioRun(run)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `simulation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
