/**
 * `npm run demo [-- --serve] [--weeks N] [--screenshot FILE]`
 *
 * Creates (or resets) the demo database in the data folder and plays a
 * realistic portfolio through Cadence's public API on its manual clock: a US
 * client with vendors in Manila, Pune, Kraków, Cairo and Bogotá, account
 * managers in New York and Austin and an executive in London, over eight weeks
 * with holidays on several sides (scripts/demo/portfolio.ts). Emails land in
 * the outbox folder, Slack DMs in a local stand-in; nothing leaves the machine.
 * It ends with the portfolio's health, where everything went, a working report
 * form link, the API token and docs URL; with --serve Cadence keeps running.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { Settings } from 'luxon';
import { DEMO_WEEKS } from './demo/portfolio';
import { type DemoProgress, runDemo } from './demo/run-demo';
import { screenshotPage } from './demo/screenshot';
import { formatEngagement } from '../bench/simulation/weekly-table';
import { formatDemoSummary } from './demo/summary';

Settings.throwOnInvalid = true;

const USAGE = `Usage: npm run demo [-- --serve] [--weeks N] [--weekly] [--screenshot FILE]
  --serve            keep Cadence running on the demo database afterwards (Ctrl-C stops it)
  --weeks N          weeks to simulate, 4 to 26 (default ${DEMO_WEEKS})
  --screenshot FILE  also save a PNG of the latest digest (Chromium, /usr/bin/chromium)
  --weekly           also print each engagement's week-by-week table (what happened, what Cadence saw)
The data folder is CADENCE_DATA_DIR or ./data; PORT, HOST, PUBLIC_URL and CADENCE_API_TOKEN apply.
`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        serve: { type: 'boolean', default: false },
        weeks: { type: 'string' },
        screenshot: { type: 'string' },
        weekly: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const weeks = values.weeks === undefined ? DEMO_WEEKS : Number(values.weeks);
  if (!Number.isInteger(weeks) || weeks < 4 || weeks > 26) {
    process.stderr.write(`--weeks must be a whole number from 4 to 26\n${USAGE}`);
    process.exitCode = 2;
    return;
  }

  const dataDir = resolve(process.env.CADENCE_DATA_DIR ?? 'data');
  const bar = new SingleBar(
    {
      format: ' {bar} {percentage}% | {stage} | week {week} of {weeks} | {clock}',
      barsize: 30,
      hideCursor: true,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  bar.start(1000, 0, { stage: 'starting', week: 1, weeks, clock: '' });
  const onProgress = (p: DemoProgress): void => {
    bar.update(Math.round(p.fraction * 1000), {
      stage: p.stage.padEnd(10),
      week: p.week,
      weeks: p.weeks,
      clock: p.now.slice(0, 16).replace('T', ' '),
    });
  };
  let demo;
  try {
    demo = await runDemo({ dataDir, weeks, env: process.env, onProgress });
  } finally {
    bar.stop();
  }
  try {
    if (values.screenshot !== undefined) {
      const file = resolve(values.screenshot);
      await screenshotPage(demo.result.latestDigestFile, file).catch((error: unknown) => {
        throw new Error(
          `the digest screenshot failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      process.stderr.write(`digest screenshot: ${file}\n`);
    }
    if (values.weekly)
      for (const e of demo.result.engagements)
        process.stdout.write(`\n${formatEngagement(e.run).join('\n')}\n`);
    process.stdout.write(
      `\n${formatDemoSummary(demo.result, { serving: values.serve, cwd: process.cwd() })}\n`,
    );
  } catch (error) {
    await demo.close();
    throw error;
  }
  if (!values.serve) {
    await demo.close();
    return;
  }
  const stop = (): void => {
    process.stderr.write('\nstopping…\n');
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /EADDRINUSE/.test(message)
    ? '\nThe port is taken (is `npm start` running?). Stop it, or run with PORT=3100.'
    : '';
  process.stderr.write(`\nThe demo failed: ${message}${hint}\n`);
  process.exitCode = 1;
});
