import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { SystemClock } from '../../src/core/clock/clock';
import { FormSession } from '../reports/report-test-kit';
import { signedSlackHeaders } from '../support/slack-signing';
import { TEST_TOKEN, type TestApp } from '../support/test-app';
import { coverageTable, newCoverage, record, type RouteCoverage } from './fuzz/fuzz-coverage';
import { type FuzzFixtures, seedFuzzFixtures } from './fuzz/fuzz-fixtures';
import {
  encodeLoosely,
  hostileJson,
  hostileSegment,
  hostileString,
  malformedBody,
  PROTO_KEYS,
} from './fuzz/hostile-values';
import { JsonObject, type JsonNode, toJsonText } from './fuzz/json-text';
import { type OpenApiDocument, routesOf, type ApiRoute } from './fuzz/openapi-routes';
import { type FuzzRequest, requestsFor } from './fuzz/request-arbitrary';
import { apiResponseProblems, type FuzzResponse, pageResponseProblems } from './fuzz/response-checks';
import { StoreFingerprint } from './fuzz/store-digest';
import { startFuzzApp } from './support/fuzz-app';

/** Requests per route; CI keeps the default, a long local run sets FUZZ_RUNS=5000. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** Replays a failing run: the seed is printed with every failure. */
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Routes outside the OpenAPI document (server-rendered pages, webhooks) that the fuzz also covers. */
const UNDOCUMENTED = [
  'GET /r/{token}',
  'POST /r/{token}',
  'GET /r/{token}/sent',
  'GET /u/{token}',
  'POST /u/{token}',
  'GET /d/{token}',
  'POST /slack/events',
];

describe('Hostile input: every JSON route, the vendor form and the Slack endpoint', () => {
  let app: TestApp;
  let cleanup: () => void;
  let store: StoreFingerprint;
  let fixtures: FuzzFixtures;
  let routes: ApiRoute[];
  let digest: string;
  let sentinelsBefore: string[];
  const coverage: RouteCoverage[] = [];
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
  const started = performance.now();

  const send = async (request: FuzzRequest): Promise<FuzzResponse> => {
    const response = await fetch(`${app.url}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  };

  /**
   * Sends one request and checks what must always hold: the response itself,
   * no polluted prototype, and no stored change from a refusal or a read.
   * A write the API accepted (2xx) becomes the new baseline.
   */
  const probe = async (
    request: FuzzRequest,
    row: RouteCoverage,
    problemsOf: (response: FuzzResponse) => string[],
  ): Promise<void> => {
    const response = await send(request);
    record(row, response.status);
    const problems = problemsOf(response);
    if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeKeys) {
      problems.push('Object.prototype was polluted');
    }
    const after = await store.take();
    const accepted = response.status < 400 && request.method !== 'GET';
    if (!accepted && after !== digest)
      problems.push(`a ${response.status} ${request.method} changed stored data`);
    digest = after;
    if (problems.length > 0) {
      throw new Error(
        `${request.method} ${request.url.slice(0, 300)}\n` +
          `content-type: ${request.headers['content-type'] ?? '-'}\n` +
          `body: ${describeBody(request.body)}\n` +
          `→ ${response.status} ${response.text.slice(0, 600)}\n` +
          `problems: ${problems.join('; ')}`,
      );
    }
  };

  const fuzz = async (
    name: string,
    requests: fc.Arbitrary<FuzzRequest>,
    problemsOf: (response: FuzzResponse) => string[],
  ): Promise<string | null> => {
    const row = newCoverage(name);
    coverage.push(row);
    const started = performance.now();
    const result = await fc.check(
      fc.asyncProperty(requests, (request) => probe(request, row, problemsOf)),
      { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) },
    );
    row.ms = performance.now() - started;
    if (!result.failed) return null;
    // The thrown message already shows the request, cut short; fast-check's own report would repeat it whole.
    const error =
      result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    return `${name} (replay: FUZZ_SEED=${result.seed}, path ${result.counterexamplePath ?? '-'})\n${error}`;
  };

  beforeAll(async () => {
    ({ app, cleanup } = await startFuzzApp());
    store = new StoreFingerprint(app.app.get(DataSource));
    fixtures = await seedFuzzFixtures(app);
    routes = lastTheClock(routesOf((await app.fetch<OpenApiDocument>('/docs/openapi.json')).body));
    sentinelsBefore = await Promise.all(
      fixtures.sentinelPaths.map(async (path) => (await app.api('GET', path)).text),
    );
    digest = await store.take();
  }, 60_000);

  afterAll(async () => {
    // The log says which routes were covered and which were not, and why.
    console.log(coverageTable(coverage, RUNS, (performance.now() - started) / 1000));
    await app?.close();
    cleanup?.();
  });

  it('finds the documented API in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    expect(routes.map((r) => `${r.method} ${r.template}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/people', 'PATCH /api/v1/engagements/{id}', 'POST /api/v1/clock']),
    );
  });

  it('notices a stored change, and none from a read (so a silent check means something)', async () => {
    const personId = fixtures.pools.people[0];
    await app.api('GET', `/api/v1/people/${personId}`);
    expect(await store.take()).toBe(digest);
    const renamed = await app.api('PATCH', `/api/v1/people/${personId}`, {
      name: 'Renamed by the fuzz self-check',
    });
    expect(renamed.status).toBe(200);
    const after = await store.take();
    expect(after).not.toBe(digest);
    digest = after;
  });

  it('answers hostile requests to every documented route with a 4xx in the error shape, never a 5xx, and stores nothing it refused', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const failure = await fuzz(
        `${route.method} ${route.template}`,
        requestsFor(route, fixtures.pools, TEST_TOKEN),
        apiResponseProblems,
      );
      if (failure !== null) failures.push(failure);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers hostile requests to the vendor form with a page or a 4xx, never a 5xx, and stores nothing it refused', async () => {
    const form = fixtures.formPath;
    if (form === null || (await app.fetch(form)).status === 404) {
      for (const name of UNDOCUMENTED.filter((r) => r.includes('/r/'))) {
        coverage.push({
          ...newCoverage(name),
          skipped: 'the vendor form is not mounted (no link could be issued)',
        });
      }
      return;
    }
    const token = form.split('/').pop() ?? '';
    const failures: string[] = [];
    const anyToken = fc.oneof(fc.constant(token), hostileSegment(), fc.constant(`${token}x`));
    const query = fc.oneof(
      fc.constant(''),
      hostileString().map((s) => `?${encodeLoosely(s)}=${encodeLoosely(s)}`),
    );
    for (const suffix of ['', '/sent']) {
      const failure = await fuzz(
        `GET /r/{token}${suffix}`,
        fc
          .tuple(anyToken, query)
          .map(([t, q]) => ({ method: 'GET', url: `/r/${t}${suffix}${q}`, headers: {} })),
        pageResponseProblems,
      );
      if (failure !== null) failures.push(failure);
    }
    // Opened like a browser: the nonce cookie and the hidden CSRF field, for requests that get past CSRF.
    const session = new FormSession(app);
    await session.open(form);
    const csrf = session.csrf ?? '';
    const cookie = session.cookie ?? '';
    const fields = fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            'status',
            'highlights',
            'nextWeekPlan',
            'kpis.close_rate',
            'newBlockers.0',
            'asks.0',
            'asks.49',
            'asks.99',
            'carried.x',
            'csrf',
          ),
          fc.constantFrom(...PROTO_KEYS),
          hostileString().filter((s) => s.length < 100),
        ),
        hostileString(),
      ),
      { maxLength: 8 },
    );
    const post = fc
      .record({
        token: anyToken,
        fields,
        withCsrf: fc.boolean(),
        kind: fc.constantFrom('form', 'form', 'form', 'json', 'raw'),
        raw: malformedBody(),
      })
      .map(({ token: t, fields: pairs, withCsrf, kind, raw }): FuzzRequest => {
        const all: [string, string][] = withCsrf ? [['csrf', csrf], ...pairs] : pairs;
        const headers: Record<string, string> = { cookie };
        let body: string | Uint8Array;
        if (kind === 'form') {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          body = all.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join('&');
        } else if (kind === 'json') {
          headers['content-type'] = 'application/json';
          body = JSON.stringify(Object.fromEntries(all));
        } else {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          body = raw;
        }
        return { method: 'POST', url: `/r/${t}`, headers, body };
      });
    const failure = await fuzz('POST /r/{token}', post, pageResponseProblems);
    if (failure !== null) failures.push(failure);
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers hostile requests to the digest links (unsubscribe, web version) with a page or a 4xx, never a 5xx', async () => {
    if ((await app.fetch('/u/x')).status === 404 && (await app.fetch('/u/x')).text.includes('"NOT_FOUND"')) {
      for (const name of UNDOCUMENTED.filter((r) => r.includes('/u/'))) {
        coverage.push({ ...newCoverage(name), skipped: 'no route at /u/:token' });
      }
      return;
    }
    const failures: string[] = [];
    const get = fc
      .tuple(
        hostileSegment(),
        fc.oneof(
          fc.constant(''),
          hostileString().map((q) => `?${encodeLoosely(q)}`),
        ),
      )
      .map(([token, query]): FuzzRequest => ({ method: 'GET', url: `/u/${token}${query}`, headers: {} }));
    const post = fc
      .tuple(
        hostileSegment(),
        fc.oneof(
          fc.constant('List-Unsubscribe=One-Click'),
          hostileString().map((v) => `List-Unsubscribe=${encodeLoosely(v)}`),
          malformedBody(),
        ),
        fc.constantFrom(
          'application/x-www-form-urlencoded',
          'application/json',
          'multipart/form-data; boundary=x',
        ),
      )
      .map(([token, body, contentType]): FuzzRequest => ({
        method: 'POST',
        url: `/u/${token}`,
        headers: { 'content-type': contentType },
        body,
      }));
    const web = fc
      .tuple(
        hostileSegment(),
        fc.oneof(
          fc.constant(''),
          hostileString().map((q) => `?${encodeLoosely(q)}`),
        ),
      )
      .map(([token, query]): FuzzRequest => ({ method: 'GET', url: `/d/${token}${query}`, headers: {} }));
    for (const [name, requests] of [
      ['GET /u/{token}', get],
      ['POST /u/{token}', post],
      ['GET /d/{token}', web],
    ] as const) {
      const failure = await fuzz(name, requests, pageResponseProblems);
      if (failure !== null) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });

  it('fuzzes POST /slack/events, signed and unsigned, when it is mounted, and says so when it is not', async () => {
    const probeResult = await app.fetch('/slack/events', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    if (probeResult.status === 404) {
      coverage.push({ ...newCoverage('POST /slack/events'), skipped: 'not mounted, or Slack is off (404)' });
      return;
    }
    // Work acknowledged to Slack goes on after the answer, so a request cannot be blamed for a
    // change: the store (bar Slack's own delivery log) is compared across the whole run instead.
    const slackStore = new StoreFingerprint(app.app.get(DataSource), ['slack_event']);
    const before = await slackStore.take();
    const printable = hostileString().filter((s) => /^[\x20-\x7e]*$/.test(s));
    const request = fc
      .record({
        body: fc.oneof(
          slackPayload().map(toJsonText),
          slackPayload().map((p) => `payload=${encodeURIComponent(toJsonText(p))}`),
          fc
            .tuple(fc.constantFrom('/cadence', '/other', ''), hostileString())
            .map(
              ([command, text]) => `command=${encodeLoosely(command)}&text=${encodeLoosely(text)}&user_id=U1`,
            ),
          malformedBody().map((b) => (typeof b === 'string' ? b : Buffer.from(b).toString('latin1'))),
        ),
        signing: fc.constantFrom('signed', 'signed', 'signed', 'stale', 'forged', 'garbage'),
        garbage: printable,
      })
      .map(({ body, signing, garbage }): FuzzRequest => {
        const form = !body.startsWith('{') && !body.startsWith('[');
        const seconds = Math.floor(new SystemClock().now().toSeconds());
        const headers: Record<string, string> =
          signing === 'signed'
            ? signedSlackHeaders(body, { timestampSec: seconds })
            : signing === 'stale'
              ? signedSlackHeaders(body, { timestampSec: seconds - 3600 })
              : signing === 'forged'
                ? signedSlackHeaders(body, {
                    timestampSec: seconds,
                    signingSecret: 'not-the-secret-0123456789',
                  })
                : { 'x-slack-request-timestamp': garbage, 'x-slack-signature': garbage };
        headers['content-type'] = form ? 'application/x-www-form-urlencoded' : 'application/json';
        return { method: 'POST', url: '/slack/events', headers, body };
      });
    const row = newCoverage('POST /slack/events');
    coverage.push(row);
    const started = performance.now();
    const result = await fc.check(
      fc.asyncProperty(request, async (r) => {
        const response = await send(r);
        record(row, response.status);
        const problems = pageResponseProblems(response);
        if (problems.length > 0)
          throw new Error(
            `${r.body?.toString().slice(0, 300)} → ${response.status} ${response.text.slice(0, 300)}: ${problems.join('; ')}`,
          );
      }),
      { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) },
    );
    row.ms = performance.now() - started;
    expect(result.failed ? String(result.errorInstance) : null).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await slackStore.take()).toBe(before);
    digest = await store.take();
  });

  it('leaves resources it was never given exactly as they were', async () => {
    const after = await Promise.all(
      fixtures.sentinelPaths.map(async (path) => (await app.api('GET', path)).text),
    );
    expect(after).toEqual(sentinelsBefore);
  });
});

/**
 * A valid move of the manual clock runs weeks of scheduled work (hundreds of
 * messages), which makes every later fingerprint dearer: fuzz that route last.
 */
function lastTheClock(routes: ApiRoute[]): ApiRoute[] {
  const isClockMove = (r: ApiRoute): boolean => r.method === 'POST' && r.template === '/api/v1/clock';
  return [...routes.filter((r) => !isClockMove(r)), ...routes.filter(isClockMove)];
}

/** Slack-shaped JSON with hostile contents: events, interactions, url_verification, and anything. */
function slackPayload(): fc.Arbitrary<JsonNode> {
  const field = fc.oneof(hostileString(), hostileJson());
  return fc.oneof(
    field.map(
      (challenge) =>
        new JsonObject([
          ['type', 'url_verification'],
          ['challenge', challenge],
        ]),
    ),
    fc.tuple(fc.constantFrom('app_home_opened', 'message', 'app_mention', 'x'), field, field).map(
      ([type, user, eventId]) =>
        new JsonObject([
          ['type', 'event_callback'],
          ['event_id', eventId],
          ['team_id', 'T1'],
          [
            'event',
            new JsonObject([
              ['type', type],
              ['user', user],
              ['tab', 'home'],
            ]),
          ],
        ]),
    ),
    fc.tuple(fc.constantFrom('block_actions', 'view_submission', 'shortcut', 'x'), field, field).map(
      ([type, actionId, value]) =>
        new JsonObject([
          ['type', type],
          ['user', new JsonObject([['id', 'U1']])],
          [
            'actions',
            [
              new JsonObject([
                ['action_id', actionId],
                ['value', value],
              ]),
            ],
          ],
        ]),
    ),
    hostileJson(),
  );
}

function describeBody(body: string | Uint8Array | undefined): string {
  if (body === undefined) return '(none)';
  if (typeof body !== 'string') return `bytes ${Buffer.from(body).toString('hex').slice(0, 200)}`;
  return JSON.stringify(body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body);
}
