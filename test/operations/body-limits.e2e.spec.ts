import { randomUUID } from 'node:crypto';
import { TEST_TOKEN, TestApp } from '../support/test-app';
import { seedFuzzFixtures } from './fuzz/fuzz-fixtures';
import { fillPath, routesOf, type OpenApiDocument } from './fuzz/openapi-routes';
import { errorShapeProblems } from './fuzz/response-checks';

describe('Request body size limits', () => {
  let app: TestApp;
  let limit: number;
  let formPath: string | null;

  beforeAll(async () => {
    app = await TestApp.start();
    limit = app.config.server.bodyLimitBytes;
    formPath = (await seedFuzzFixtures(app)).formPath;
  });
  afterAll(async () => {
    await app.close();
  });

  /** A JSON document of exactly `bytes` bytes. */
  const jsonOf = (bytes: number): string => `{"text":"${'a'.repeat(bytes - 11)}"}`;

  it('refuses a body one byte over the limit on every JSON route with 413 in the error shape', async () => {
    expect(Buffer.byteLength(jsonOf(limit + 1))).toBe(limit + 1);
    const routes = routesOf((await app.fetch<OpenApiDocument>('/docs/openapi.json')).body).filter(
      (r) => r.body !== null,
    );
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const failures: string[] = [];
    for (const route of routes) {
      const path = fillPath(
        route.template,
        Object.fromEntries(route.pathParams.map((n) => [n, randomUUID()])),
      );
      const result = await app.api<unknown>(route.method, path, jsonOf(limit + 1));
      const problems = [
        ...(result.status === 413 ? [] : [`status ${result.status}`]),
        ...errorShapeProblems(result.body),
      ];
      if (problems.length > 0) failures.push(`${route.method} ${route.template}: ${problems.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('reads a body just under the limit (and then judges its content, not its size)', async () => {
    const result = await app.api<{ error: { code: string } }>('POST', '/api/v1/people', jsonOf(limit - 1));
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an over-long body sent without a Content-Length (chunked), before reading it all', async () => {
    const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"text":"'));
        // Up to 16 times the limit: the server must stop long before.
        if (sent > 16 * limit) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await fetch(`${app.url}/api/v1/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    }).catch((error: unknown) => error);
    // Either a clean 413, or the server cut the upload off: both refuse it; a 2xx or 5xx would not.
    if (response instanceof Response) {
      expect(response.status).toBe(413);
      expect(errorShapeProblems(await response.json())).toEqual([]);
    } else {
      expect(String(response)).toMatch(/fetch failed|other side closed|socket/i);
    }
  });

  it('refuses an oversized vendor form post with 413', async () => {
    if (formPath === null) throw new Error('the fixtures issued no form link');
    const result = await app.fetch(formPath, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `highlights=${'a'.repeat(limit)}`,
    });
    expect(result.status).toBe(413);
  });
});
