import type { ErrorBody } from '../../src/core/errors/http-exception.filter';
import { TestApp } from '../support/test-app';

describe('The HTTP platform', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves /health without a token, with the database checked', async () => {
    const result = await app.fetch<{ status: string; checks: { database: { status: string } } }>('/health');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const json = await app.fetch<{ paths: Record<string, unknown> }>('/docs/openapi.json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/people', '/api/v1/engagements/{id}']),
    );
    const page = await app.fetch('/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger');
  });

  it('refuses the API without a token, or with a wrong one, with 401 in the error shape', async () => {
    const none = await app.api<ErrorBody>('GET', '/api/v1/people', undefined, { token: null });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHORIZED');
    const wrong = await app.api<ErrorBody>('GET', '/api/v1/people', undefined, { token: 'not-the-token' });
    expect(wrong.status).toBe(401);
  });

  it('answers malformed JSON, a wrong media type and an oversized body with a 4xx, never a 500', async () => {
    const malformed = await app.api<ErrorBody>('POST', '/api/v1/people', '{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('INVALID_JSON');
    const proto = await app.api<ErrorBody>('POST', '/api/v1/people', '{"__proto__": {"admin": true}}');
    expect(proto.status).toBe(400);
    const media = await app.api<ErrorBody>('POST', '/api/v1/people', 'name=x', {
      headers: { 'content-type': 'text/plain' },
    });
    expect(media.status).toBe(415);
    const huge = await app.api<ErrorBody>('POST', '/api/v1/people', { name: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    const array = await app.api<ErrorBody>('POST', '/api/v1/people', [1, 2, 3]);
    expect(array.status).toBe(400);
    expect(array.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('returns a request id on every response, keeping a sane one the caller sent', async () => {
    const result = await app.fetch('/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(result.headers.get('x-request-id')).toBe('abc-123');
    const generated = await app.fetch('/health', { headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const result = await app.api<ErrorBody>('GET', '/api/v1/nothing-here');
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('NOT_FOUND');
  });

  describe('the manual clock', () => {
    it('tells the time and moves forward', async () => {
      const now = await app.api<{ now: string; mode: string }>('GET', '/api/v1/clock');
      expect(now.body).toEqual({ now: '2027-01-04T00:00:00.000Z', mode: 'manual' });
      const moved = await app.api<{ from: string; to: string }>('POST', '/api/v1/clock', {
        now: '2027-01-05T00:00:00Z',
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ from: '2027-01-04T00:00:00.000Z', to: '2027-01-05T00:00:00.000Z' });
    });

    it('refuses to go back with 400 and a bad instant with 400', async () => {
      const back = await app.api<ErrorBody>('POST', '/api/v1/clock', { now: '2026-01-01T00:00:00Z' });
      expect(back.status).toBe(400);
      expect(back.body.error.fields).toEqual({ now: expect.stringContaining('must not be before') });
      const bad = await app.api<ErrorBody>('POST', '/api/v1/clock', { now: 'tomorrow' });
      expect(bad.status).toBe(400);
    });
  });
});

describe('The clock endpoint under the system clock', () => {
  it('answers 409', async () => {
    const app = await TestApp.start({ clock: 'system' });
    try {
      const result = await app.api<ErrorBody>('POST', '/api/v1/clock', { now: '2099-01-01T00:00:00Z' });
      expect(result.status).toBe(409);
      expect(result.body.error.code).toBe('CLOCK_NOT_MANUAL');
    } finally {
      await app.close();
    }
  });
});
