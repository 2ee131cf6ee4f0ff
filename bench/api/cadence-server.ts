/**
 * Cadence as the API benchmark runs it: a child process of its own, started through
 * `createApp` from a config loaded exactly as `main.ts` loads it (the same YAML, the same
 * environment variables), so its peak RSS is the service's alone and the load generator does
 * not share its event loop. The clock is manual and never moves during the run, so no
 * scheduled job competes with the requests.
 *
 * `node cadence-server.js` with DATABASE_URL, CADENCE_API_TOKEN, CADENCE_CLOCK_START and
 * LOG_LEVEL in its environment; answers `{ type: 'ready', url }` over IPC, its peak RSS on
 * `{ type: 'rss' }`, and exits on `{ type: 'stop' }`. Its logs go wherever its stdout goes.
 */
import 'reflect-metadata';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/core/config/config.loader';

async function main(): Promise<void> {
  const config = loadConfig({
    env: { ...process.env, CADENCE_CLOCK: 'manual', HOST: '127.0.0.1', PORT: '0' },
  });
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  process.send?.({ type: 'ready', url, pid: process.pid });
  process.on('message', (message: { type?: string }) => {
    // maxRSS is in kilobytes: the peak resident set since the process started.
    if (message.type === 'rss')
      process.send?.({ type: 'rss', maxRssMb: process.resourceUsage().maxRSS / 1024 });
    // CPU time spent so far: requests per CPU-second do not depend on what else the machine runs.
    if (message.type === 'cpu') process.send?.({ type: 'cpu', ...process.cpuUsage() });
    if (message.type === 'stop') {
      void app.close().finally(() => process.exit(0));
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `cadence bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
