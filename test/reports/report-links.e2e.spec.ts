import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReportToken } from '../../src/reports/report-token.entity';
import { StatusReport } from '../../src/reports/status-report.entity';
import { TestApp } from '../support/test-app';
import {
  FormSession,
  linkPath,
  reportEngagement,
  reportTouchpoint,
  snapshot,
  textOf,
  type ReportFixture,
} from './report-test-kit';

const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const VALID = {
  status: 'green',
  'kpis.close_rate': '12',
  highlights: 'Fine week',
  nextWeekPlan: 'More',
};

/** Things a page for a bad link must never show: whose report, which engagement, which person. */
function secretsOf(fixture: ReportFixture, touchpointId: string): string[] {
  return [
    fixture.engagement.id,
    touchpointId,
    fixture.vendorContact.id,
    fixture.vendorContact.name,
    'Acme',
    'Manila',
    'Weekly status',
    'GMT+8',
  ];
}

describe('Report links (capability tokens)', () => {
  let app: TestApp;
  let fixture: ReportFixture;

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-22T00:00:00Z' });
    fixture = await reportEngagement(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('stores only a SHA-256 of each token, which carries 256 random bits', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-03-26T09:00:00Z');
    const token = (await linkPath(app, id)).slice('/r/'.length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await app.app.get(DataSource).getRepository(ReportToken).findBy({ touchpointId: id });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    const dump = JSON.stringify(await snapshot(app));
    expect(dump).not.toContain(token);
  });

  it('answers a wrong, malformed or tampered token with the same 404 page, revealing nothing', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-04-02T09:00:00Z');
    const path = await linkPath(app, id);
    const token = path.slice('/r/'.length);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `/r/${token.slice(0, -1)}${last}`;
    const candidates = [
      tampered,
      `/r/${'x'.repeat(43)}`,
      '/r/short',
      `/r/${token}extra`,
      `/r/${token.slice(1)}`,
      `/r/${encodeURIComponent('<script>alert(1)</script>')}`,
      `${tampered}/sent`,
    ];
    const bodies = new Set<string>();
    for (const candidate of candidates) {
      const page = await new FormSession(app).open(candidate);
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toBe(CSP);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('set-cookie')).toBeNull();
      expect(textOf(page.text)).toContain('This link does not work');
      for (const secret of secretsOf(fixture, id)) expect(page.text).not.toContain(secret);
      expect(page.text).not.toContain('<script');
      bodies.add(page.text);
      const post = await new FormSession(app).post(candidate, VALID, { csrf: 'x', cookie: 'cadence_form=x' });
      expect(post.status).toBe(404);
    }
    // One page for every kind of bad link: nothing tells a guess that came close from one that did not.
    expect(bodies.size).toBe(1);
  });

  it('answers an expired token with a 410 page that reveals nothing else', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-04-09T09:00:00Z');
    const path = await linkPath(app, id);
    // Expires 14 days after the due time.
    await app.advanceClock('2027-04-23T08:59:59Z');
    expect((await new FormSession(app).open(path)).status).not.toBe(410);
    await app.advanceClock('2027-04-23T09:00:00Z');
    for (const target of [path, `${path}/sent`]) {
      const page = await new FormSession(app).open(target);
      expect(page.status).toBe(410);
      expect(page.headers.get('content-security-policy')).toBe(CSP);
      expect(textOf(page.text)).toContain('This link has expired');
      for (const secret of secretsOf(fixture, id)) expect(page.text).not.toContain(secret);
    }
    expect((await new FormSession(app).post(path, VALID, { csrf: 'x' })).status).toBe(410);
  });

  it('stops working for a vendor contact who left the engagement', async () => {
    const left = await reportEngagement(app, { name: 'Acme × Bogotá Leads' });
    const id = await reportTouchpoint(app, left, '2027-05-07T09:00:00Z');
    const path = await linkPath(app, id);
    expect((await new FormSession(app).open(path)).status).toBe(200);
    const replacement = await app.api<{ id: string }>('POST', '/api/v1/people', {
      name: 'Juan Pérez',
      email: 'juan@bogota.example',
      role: 'vendor_contact',
      timeZone: 'America/Bogota',
      country: 'CO',
    });
    const patched = await app.api('PATCH', `/api/v1/engagements/${left.engagement.id}`, {
      vendorContactIds: [replacement.body.id],
    });
    expect(patched.status).toBe(200);
    expect((await new FormSession(app).open(path)).status).toBe(410);
  });

  it('lets a token touch its own report only', async () => {
    const other = await reportEngagement(app, { name: 'Globex × Cairo Support' });
    const mine = await reportTouchpoint(app, fixture, '2027-05-14T09:00:00Z');
    const theirs = await reportTouchpoint(app, other, '2027-05-14T09:00:00Z');
    const myPath = await linkPath(app, mine);
    const theirPath = await linkPath(app, theirs);
    const me = new FormSession(app);
    const myPage = await me.open(myPath);
    expect(textOf(myPage.text)).toContain('Acme × Manila CX');
    expect(myPage.text).not.toContain('Globex');
    const them = new FormSession(app);
    await them.open(theirPath);

    // My page's hidden field does not open their form, with my cookie or theirs.
    expect((await me.post(theirPath, VALID)).status).toBe(403);
    expect((await them.post(theirPath, VALID, { csrf: me.csrf })).status).toBe(403);
    // Nothing in the body can name another touchpoint: the link alone decides.
    const sent = await me.post(myPath, { ...VALID, touchpointId: theirs, engagementId: other.engagement.id });
    expect(sent.status).toBe(303);
    const reports = app.app.get(DataSource).getRepository(StatusReport);
    expect(await reports.findOneBy({ touchpointId: mine })).toMatchObject({
      engagementId: fixture.engagement.id,
    });
    expect(await reports.findOneBy({ touchpointId: theirs })).toBeNull();
    expect(textOf((await them.open(`${theirPath}/sent`)).text)).not.toContain('Fine week');
  });

  it('never changes anything on GET or HEAD, however often a mail scanner opens the link', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-05-21T09:00:00Z');
    const path = await linkPath(app, id);
    const before = await snapshot(app);
    for (let i = 0; i < 3; i++) {
      expect((await app.fetch(path, { headers: { 'user-agent': 'SafeLinks scanner' } })).status).toBe(200);
      expect((await app.fetch(path, { method: 'HEAD' })).status).toBe(200);
      expect((await app.fetch(`${path}/sent`)).status).toBe(303);
    }
    expect(await snapshot(app)).toEqual(before);

    // And after a report is in, opening the form or the confirmation changes nothing either.
    const session = new FormSession(app);
    await session.open(path);
    expect((await session.post(path, VALID)).status).toBe(303);
    const after = await snapshot(app);
    await app.fetch(path);
    await app.fetch(`${path}/sent`);
    await app.fetch(path, { method: 'HEAD' });
    expect(await snapshot(app)).toEqual(after);
  });
});
