import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DateTime } from 'luxon';
import { createApp } from '../../src/app.factory';
import type { AppConfig } from '../../src/core/config/app-config';
import { loadConfig } from '../../src/core/config/config.loader';
import { ManualClock, type Clock } from '../../src/core/clock/clock';
import { Clock as ClockToken } from '../../src/core/clock/clock';
import type { ClockSummaryDto } from '../../src/core/clock/clock.dto';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from './test-database';

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestAppOptions {
  database?: TestDatabaseKind;
  /** Manual by default, starting at `clockStart`, so tests never depend on the day they run. */
  clock?: 'manual' | 'system';
  clockStart?: string;
  /** Extra environment, exactly as an operator would set it (SMTP_URL, SLACK_*…). */
  env?: Record<string, string>;
}

export const TEST_TOKEN = 'test-token-0123456789abcdef';

/**
 * Cadence as it runs in production, listening on 127.0.0.1 with a database of
 * its own, configured through the same loader and environment variables.
 */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly url: string,
    private readonly database: TestDatabase,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const database = await createTestDatabase(options.database);
    const config = loadConfig({
      env: {
        DATABASE_URL: database.url,
        CADENCE_DATA_DIR: database.dataDir,
        CADENCE_API_TOKEN: TEST_TOKEN,
        CADENCE_CLOCK: options.clock ?? 'manual',
        CADENCE_CLOCK_START: options.clockStart ?? '2027-01-04T00:00:00Z',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        PORT: '0',
        ...options.env,
      },
    });
    const app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return new TestApp(app, config, url, database);
  }

  get clock(): Clock {
    return this.app.get(ClockToken);
  }

  get manualClock(): ManualClock {
    const clock = this.clock;
    if (!(clock instanceof ManualClock)) throw new Error('this test app runs on the system clock');
    return clock;
  }

  /**
   * Moves the manual clock forward through the API (POST /api/v1/clock),
   * running everything that falls due on the way; throws unless it answers 200.
   */
  async advanceClock(to: string | DateTime): Promise<ClockSummaryDto> {
    const now = typeof to === 'string' ? to : to.toUTC().toISO();
    const result = await this.api<ClockSummaryDto>('POST', '/api/v1/clock', { now });
    if (result.status !== 200) throw new Error(`moving the clock failed: ${result.status} ${result.text}`);
    return result.body;
  }

  /** An API call with the bearer token (pass `token: null` to send none). */
  async api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { token?: string | null; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    const token = options.token === undefined ? TEST_TOKEN : options.token;
    const headers: Record<string, string> = { ...options.headers };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    return this.fetch<T>(path, { method, headers, body: payload });
  }

  /** A raw request, for pages, forms and webhooks. */
  async fetch<T = unknown>(path: string, init: RequestInit = {}): Promise<HttpResult<T>> {
    const response = await fetch(`${this.url}${path}`, { redirect: 'manual', ...init });
    const text = await response.text();
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text.length > 0)
      body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: body as T, text };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }
}
