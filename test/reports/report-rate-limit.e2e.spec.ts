import { TestApp } from '../support/test-app';
import {
  FormSession,
  linkPath,
  reportEngagement,
  reportTouchpoint,
  textOf,
  type ReportFixture,
} from './report-test-kit';

/** config/default.yaml: 30 per link and 120 per address in 10 minutes. */
const PER_TOKEN = 30;
const PER_ADDRESS = 120;

describe('Rate limits on the report form (per instance, in memory)', () => {
  let app: TestApp;
  let fixture: ReportFixture;

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-22T00:00:00Z' });
    fixture = await reportEngagement(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('limits requests per link, with Retry-After, and lets them through again in the next window', async () => {
    const busy = await linkPath(app, await reportTouchpoint(app, fixture, '2027-03-26T09:00:00Z'));
    const quiet = await linkPath(app, await reportTouchpoint(app, fixture, '2027-04-02T09:00:00Z'));
    await app.advanceClock('2027-03-22T00:10:00Z'); // a fresh window
    for (let i = 0; i < PER_TOKEN; i++) expect((await app.fetch(busy)).status).toBe(200);
    const limited = await new FormSession(app).open(busy);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(600);
    expect(limited.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(textOf(limited.text)).toContain('Too many requests');
    expect(limited.text).not.toContain('Acme');
    expect((await new FormSession(app).post(busy, { status: 'green' })).status).toBe(429);
    // Another link from the same address is not held back by this one.
    expect((await app.fetch(quiet)).status).toBe(200);

    await app.advanceClock('2027-03-22T00:15:00Z');
    expect(Number((await app.fetch(busy)).headers.get('retry-after'))).toBe(300);
    await app.advanceClock('2027-03-22T00:20:00Z');
    expect((await app.fetch(busy)).status).toBe(200);
  });

  it('limits requests per client address, whatever links it tries', async () => {
    const link = await linkPath(app, await reportTouchpoint(app, fixture, '2027-04-09T09:00:00Z'));
    await app.advanceClock('2027-03-22T01:00:00Z');
    for (let i = 0; i < PER_ADDRESS; i++) {
      const guess = `/r/${String(i).padStart(43, 'g')}`;
      expect((await app.fetch(guess)).status).toBe(404);
    }
    expect((await app.fetch(`/r/${'h'.repeat(43)}`)).status).toBe(429);
    expect((await app.fetch(link)).status).toBe(429);
    // No proxy is trusted by default: a client cannot name another address to start afresh.
    expect((await app.fetch(link, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(429);
    await app.advanceClock('2027-03-22T01:10:00Z');
    expect((await app.fetch(link)).status).toBe(200);
  });
});

describe('Rate limits behind a trusted proxy (TRUST_PROXY)', () => {
  let app: TestApp;
  let fixture: ReportFixture;
  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

  beforeAll(async () => {
    // The tests connect from 127.0.0.1: here that is the load balancer.
    app = await TestApp.start({ clockStart: '2027-03-22T00:00:00Z', env: { TRUST_PROXY: '127.0.0.1' } });
    fixture = await reportEngagement(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('counts each client behind the proxy on its own, by the address the proxy forwarded', async () => {
    const link = await linkPath(app, await reportTouchpoint(app, fixture, '2027-03-26T09:00:00Z'));
    await app.advanceClock('2027-03-22T00:10:00Z');
    for (let i = 0; i < PER_ADDRESS; i++) {
      expect((await app.fetch(`/r/${String(i).padStart(43, 'g')}`, from('203.0.113.9'))).status).toBe(404);
    }
    expect((await app.fetch(link, from('203.0.113.9'))).status).toBe(429);
    // Another vendor behind the same proxy, and a chain ending in another client, are not held back.
    expect((await app.fetch(link, from('198.51.100.7'))).status).toBe(200);
    expect((await app.fetch(link, from('203.0.113.9, 198.51.100.8'))).status).toBe(200);
  });
});
