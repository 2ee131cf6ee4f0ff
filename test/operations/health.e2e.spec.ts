import { DataSource } from 'typeorm';
import { DrainState } from '../../src/operations/drain-state';
import { TestApp } from '../support/test-app';

interface Readiness {
  status: string;
  checks: { database: { status: string; error?: string }; draining: boolean };
  time: string;
}

describe('Health: liveness and readiness', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-01T08:00:00Z' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('keeps GET /health as it was: 200 with the database checked', async () => {
    const result = await app.fetch('/health');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      status: 'ok',
      checks: { database: { status: 'up', latencyMs: expect.any(Number) } },
      time: '2027-03-01T08:00:00.000Z',
    });
  });

  it('answers liveness and readiness without a token', async () => {
    const live = await app.fetch('/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok', time: '2027-03-01T08:00:00.000Z' });
    const ready = await app.fetch<Readiness>('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'up' }, draining: false },
    });
  });

  it('documents /health, /health/live, /health/ready and /metrics in OpenAPI', async () => {
    const doc = await app.fetch<{ paths: Record<string, Record<string, { responses: object }>> }>(
      '/docs/openapi.json',
    );
    for (const path of ['/health', '/health/live', '/health/ready']) {
      expect(Object.keys(doc.body.paths[path]?.get?.responses ?? {})).toEqual(['200', '503']);
    }
    expect(doc.body.paths['/metrics']?.get).toBeDefined();
  });

  it('documents /health with its own schema, not a namesake from another feature', async () => {
    const doc = await app.fetch<{
      paths: Record<
        string,
        { get: { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> } }
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>('/docs/openapi.json');
    const ref = doc.body.paths['/health'].get.responses['200'].content['application/json'].schema.$ref;
    const schema = doc.body.components.schemas[ref.replace('#/components/schemas/', '')];
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(['checks', 'status', 'time']);
  });

  it('answers 503 on readiness and liveness (and /health) once draining begins', async () => {
    const draining = await TestApp.start();
    try {
      draining.app.get(DrainState).start();
      const ready = await draining.fetch<Readiness>('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unavailable', checks: { draining: true } });
      const live = await draining.fetch('/health/live');
      expect(live.status).toBe(503);
      expect(live.body).toMatchObject({ status: 'draining' });
      expect((await draining.fetch('/health')).status).toBe(503);
    } finally {
      await draining.close();
    }
  });

  it('is live but not ready when the database is gone', async () => {
    const broken = await TestApp.start();
    try {
      await broken.app.get(DataSource).destroy();
      const ready = await broken.fetch<Readiness>('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unavailable', checks: { database: { status: 'down' } } });
      expect((await broken.fetch('/health/live')).status).toBe(200);
      // Metrics still answer: the outbox gauges are left out rather than failing the scrape.
      const metrics = await broken.fetch<string>('/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.text).not.toMatch(/^cadence_outbox_depth\{/m);
    } finally {
      await broken.close();
    }
  });
});
