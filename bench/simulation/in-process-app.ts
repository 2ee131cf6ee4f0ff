import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/core/config/config.loader';

/** The bearer token the simulator starts Cadence with; it never leaves the process. */
const SIMULATION_TOKEN = 'simulation-token-0123456789abcdef';

export interface RunningCadence {
  /** Base URL on 127.0.0.1, e.g. http://127.0.0.1:41234 */
  url: string;
  token: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where the manual clock starts (ISO instant). */
  clockStart: string;
  /** LOG_LEVEL; warn unless told. */
  logLevel?: string;
  /** More environment, exactly as an operator would set it (the Slack stand-in's settings). */
  env?: Record<string, string>;
  /** Keep the temporary data folder (SQLite file, .eml outbox) for inspection. */
  keepData?: boolean;
}

/**
 * Starts the real application in this process, configured exactly as an
 * operator would configure production (the same loader, the same environment
 * variables), on a manual clock and a SQLite file in a fresh temporary folder,
 * listening on 127.0.0.1. The simulator then talks to it only over HTTP.
 */
export async function startCadence(options: StartOptions): Promise<RunningCadence> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cadence-sim-'));
  const config = loadConfig({
    env: {
      CADENCE_CLOCK: 'manual',
      CADENCE_CLOCK_START: options.clockStart,
      CADENCE_DATA_DIR: dataDir,
      CADENCE_API_TOKEN: SIMULATION_TOKEN,
      LOG_LEVEL: options.logLevel ?? 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      ...options.env,
    },
  });
  const app: NestFastifyApplication = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  return {
    url,
    token: SIMULATION_TOKEN,
    close: async () => {
      await app.close();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
