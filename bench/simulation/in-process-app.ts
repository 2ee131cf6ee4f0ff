import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import type { ResolvedApiToken } from '../../src/core/auth/api-token';
import { API_TOKEN } from '../../src/core/auth/api-token.provider';
import type { AppConfig } from '../../src/core/config/app-config';
import { loadConfig } from '../../src/core/config/config.loader';

/** The bearer token the simulator starts Cadence with; it never leaves the process. */
const SIMULATION_TOKEN = 'simulation-token-0123456789abcdef';

export interface RunningCadence {
  /** Base URL on 127.0.0.1, e.g. http://127.0.0.1:41234 */
  url: string;
  token: string;
  /** The API token as Cadence resolved it (generated, stored or from the environment). */
  resolvedToken: ResolvedApiToken;
  config: AppConfig;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where the manual clock starts (ISO instant). */
  clockStart: string;
  /** LOG_LEVEL; warn unless told. */
  logLevel?: string;
  /** More environment, exactly as an operator would set it (the Slack stand-in's settings). */
  env?: Record<string, string>;
  /**
   * Run on this data folder, as `npm start` would: its API token (generated on
   * first use) unless the environment sets one, and PORT and HOST from the
   * environment. Without it: a fresh temporary folder, the simulation token and
   * an ephemeral port on 127.0.0.1.
   */
  dataDir?: string;
}

/**
 * Starts the real application in this process, configured exactly as an
 * operator would configure production (the same loader, the same environment
 * variables), on a manual clock and a SQLite file, listening on 127.0.0.1.
 * The simulator then talks to it only over HTTP.
 */
export async function startCadence(options: StartOptions): Promise<RunningCadence> {
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cadence-sim-'));
  const config = loadConfig({
    env: {
      CADENCE_CLOCK: 'manual',
      CADENCE_CLOCK_START: options.clockStart,
      CADENCE_DATA_DIR: dataDir,
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...(temporary && { CADENCE_API_TOKEN: SIMULATION_TOKEN, HOST: '127.0.0.1', PORT: '0' }),
      ...options.env,
    },
  });
  const app: NestFastifyApplication = await createApp(config);
  try {
    await app.listen({ port: config.server.port, host: config.server.host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  const resolvedToken = app.get<ResolvedApiToken>(API_TOKEN);
  return {
    url,
    token: resolvedToken.token,
    resolvedToken,
    config,
    close: async () => {
      await app.close();
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
