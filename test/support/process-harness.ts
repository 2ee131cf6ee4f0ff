import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_TOKEN } from './test-app';
import type { TestDatabase } from './test-database';

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'dist/src/main.js');

/** One JSON log line of a Cadence process (pino), or a plain line such as the start banner. */
export type ProcessLogLine = { text: string; json: Record<string, unknown> | null; at: number };

export interface CadenceProcessOptions {
  /** Shown in failures and in the logs the harness prints: `a`, `b`, `restarted`. */
  name: string;
  /** Environment exactly as an operator sets it (DATABASE_URL, SMTP_URL, OUTBOX_LEASE_SECONDS…). */
  env: Record<string, string>;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Builds the app once (`npm run build`'s compiler step) so that process-level
 * suites run the artefact production runs. Type errors in scratch folders
 * outside `src/` do not stop the suite (tsc still emits); any in `src/` do.
 */
export function buildCadence(): void {
  const started = performance.now();
  const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  const inSrc = errors.filter((line) => line.startsWith('src/'));
  if (inSrc.length > 0 || (result.status !== 0 && errors.length === 0) || !existsSync(MAIN)) {
    throw new Error(`building Cadence failed:\n${output}`);
  }
  if (errors.length > 0) {
    process.stderr.write(
      `build: ignoring ${errors.length} type error(s) outside src/:\n${errors.join('\n')}\n`,
    );
  }
  process.stderr.write(`build: dist/ ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

/**
 * A real Cadence process (`node dist/src/main.js`) on 127.0.0.1 and a port of
 * its own, with its JSON logs collected. Stop it with `stop()` (SIGTERM) or
 * `kill('SIGKILL')`; `exited` resolves however it ends.
 */
export class CadenceProcess {
  readonly exited: Promise<ProcessExit>;
  private exit: ProcessExit | null = null;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly url: string,
    readonly logs: ProcessLogLine[],
  ) {
    this.exited = new Promise<ProcessExit>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve({ code: child.exitCode, signal: child.signalCode });
        return;
      }
      child.once('exit', (code, signal) => resolve({ code, signal }));
    }).then((exit) => (this.exit = exit));
  }

  static async start(options: CadenceProcessOptions, timeoutMs = 60_000): Promise<CadenceProcess> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (buildCadence())`);
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      // The child is configured only by what the test passes; jest's NODE_ENV=test is not production.
      if (value !== undefined && !/^(NODE_ENV|DATABASE_URL|SMTP_URL|CADENCE_|JEST_|SLACK_)/.test(key)) {
        env[key] = value;
      }
    }
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        ...env,
        HOST: '127.0.0.1',
        PORT: '0',
        CADENCE_API_TOKEN: TEST_TOKEN,
        CADENCE_CLOCK: 'system',
        LOG_LEVEL: 'info',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // One reader per stream for the whole life of the process; the banner gives the URL.
    const logs: ProcessLogLine[] = [];
    let announce: ((url: string) => void) | null = null;
    const onLine = (text: string): void => {
      logs.push(parseLine(text));
      const match = /Cadence is running at (http:\/\/\S+)/.exec(text);
      if (match) announce?.(match[1].replace('localhost', '127.0.0.1'));
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${options.name} did not start within ${timeoutMs} ms:\n${tail(logs)}`));
      }, timeoutMs);
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited (${code ?? signal}) before it started:\n${tail(logs)}`));
      };
      child.once('exit', onExit);
      announce = (found) => {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(found);
      };
    });
    return new CadenceProcess(options.name, child, url, logs);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.exit === null;
  }

  /** Sends a signal; SIGKILL is the crash the outbox lease exists for. */
  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** SIGTERM and wait for the exit, or SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 30_000): Promise<ProcessExit> {
    if (!this.running) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  /** An API call with the test token. */
  async api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TEST_TOKEN}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text.length > 0 ? JSON.parse(text) : null) as T };
  }

  async text(path: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.url}${path}`);
    return { status: response.status, text: await response.text() };
  }

  /** Log lines whose `msg` matches. */
  messages(pattern: RegExp): ProcessLogLine[] {
    return this.logs.filter((line) => pattern.test(logMessage(line)));
  }
}

/**
 * A Cadence process on `database`, sending e-mail through `smtp`, its
 * scheduler polling every second; `env` adds to that or overrides it.
 */
export function startOn(
  database: Pick<TestDatabase, 'url' | 'dataDir'>,
  smtp: { url: string },
  name: string,
  env: Record<string, string> = {},
): Promise<CadenceProcess> {
  return CadenceProcess.start({
    name,
    env: {
      DATABASE_URL: database.url,
      CADENCE_DATA_DIR: database.dataDir,
      SMTP_URL: smtp.url,
      SCHEDULER_POLL_SECONDS: '1',
      ...env,
    },
  });
}

/** The `msg` of a JSON log line, or the whole line when it is not JSON. */
export function logMessage(line: ProcessLogLine): string {
  const msg = line.json?.msg;
  return typeof msg === 'string' ? msg : line.text;
}

function parseLine(text: string): ProcessLogLine {
  let json: Record<string, unknown> | null = null;
  if (text.startsWith('{')) {
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = null;
    }
  }
  return { text, json, at: performance.now() };
}

function tail(lines: readonly ProcessLogLine[], count = 40): string {
  return lines
    .slice(-count)
    .map((l) => l.text)
    .join('\n');
}

/** Polls `check` until it returns true, or fails after `timeoutMs` with `describe()`. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  describe: () => string | Promise<string> = () => 'condition',
  intervalMs = 200,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
