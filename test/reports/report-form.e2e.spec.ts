import { DataSource } from 'typeorm';
import { Touchpoint } from '../../src/cadences/touchpoint.entity';
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
  'kpis.close_rate': '12.5',
  highlights: 'Close rate up after the new script.',
  'newBlockers.0': 'CRM access for two new agents',
  'asks.0': 'Approve the holiday staffing plan',
  nextWeekPlan: 'Night shift on the new script.',
};

describe('The vendor report form', () => {
  let app: TestApp;
  let fixture: ReportFixture;

  const stored = (touchpointId: string) =>
    app.app.get(DataSource).getRepository(StatusReport).findOneBy({ touchpointId });

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-03-22T00:00:00Z' });
    fixture = await reportEngagement(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows the engagement, the period and the due time in the vendor’s zone, with safe headers', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-03-26T09:00:00Z');
    const session = new FormSession(app);
    const page = await session.open(await linkPath(app, id));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('set-cookie')).toMatch(
      /^cadence_form=[A-Za-z0-9_-]{22}; Path=\/r\/; Max-Age=2592000; HttpOnly; SameSite=Strict$/,
    );
    const text = textOf(page.text);
    expect(text).toContain('Acme × Manila CX (Acme Corp × Manila CX Partners)');
    expect(text).toContain('Week 12: Mon, Mar 22');
    expect(text).toContain('Fri, Mar 26, 2027, 5:00 PM GMT+8 (Asia/Manila)');
    expect(text).toContain('Close rate (%)');
    expect(text).toContain('Target: 12%, higher is better');
    // No script of any kind, and no inline style (the CSP would refuse it anyway).
    expect(page.text).not.toMatch(/<script|\son[a-z]+=|style=/i);
  });

  it('labels every input', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-04-02T09:00:00Z');
    const page = await new FormSession(app).open(await linkPath(app, id));
    const controls = [...page.text.matchAll(/<(input|textarea)\b([^>]*)>/g)].map((m) => m[2] ?? '');
    const visible = controls.filter((attributes) => !/type="hidden"/.test(attributes));
    expect(visible.length).toBeGreaterThan(10);
    for (const attributes of visible) {
      const id = /\sid="([^"]+)"/.exec(attributes)?.[1];
      expect(id).toBeDefined();
      expect(page.text).toMatch(new RegExp(`<label[^>]*\\sfor="${id}"`));
    }
  });

  it('serves its stylesheet from its own route', async () => {
    const css = await app.fetch<string>('/assets/report-form.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
    expect(css.text).toContain('.field-error');
  });

  it('shows errors next to their fields with everything typed kept, and stores nothing', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-04-09T09:00:00Z');
    const path = await linkPath(app, id);
    const session = new FormSession(app);
    await session.open(path);
    const highlights = '\nStarts with a blank line & has <b>markup</b>\r\n  indented';
    const page = await session.post(path, {
      'kpis.close_rate': 'twelve',
      highlights,
      'newBlockers.0': 'Dialer "licences"',
      'asks.3': 'A fourth ask',
    });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.text).toContain(
      '<span class="field-error" id="f-status-error">is required: choose green, amber or red</span>',
    );
    expect(page.text).toContain(
      '<span class="field-error" id="f-kpis-close_rate-error">must be a number, e.g. 12.5</span>',
    );
    expect(page.text).toMatch(
      /<input\s+type="text"\s+id="f-kpis-close_rate"\s+name="kpis.close_rate"\s+value="twelve"/,
    );
    expect(page.text).toMatch(/aria-invalid="true"/);
    expect(page.text).toContain('<a href="#f-kpis-close_rate">Close rate: must be a number, e.g. 12.5</a>');
    // The textarea gives back exactly what was typed (the parser eats the one newline after the tag).
    expect(page.text).toContain(
      `<textarea id="f-highlights" name="highlights" rows="5" aria-describedby="f-highlights-hint">\n\nStarts with a blank line &amp; has &lt;b&gt;markup&lt;/b&gt;\r\n  indented</textarea>`,
    );
    expect(page.text).toContain('value="Dialer &quot;licences&quot;"');
    expect(page.text).toMatch(/name="asks.3"\s+value="A fourth ask"/);
    expect(await stored(id)).toBeNull();
  });

  it('stores a report, redirects to a confirmation of what was stored, and lets it be changed', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-04-16T09:00:00Z');
    const path = await linkPath(app, id);
    const session = new FormSession(app);
    await session.open(path);
    const sent = await session.post(path, { ...VALID, 'kpis.close_rate': '12,5' });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${path}/sent`);

    const confirmation = await session.open(`${path}/sent`);
    expect(confirmation.status).toBe(200);
    expect(confirmation.headers.get('content-security-policy')).toBe(CSP);
    const text = textOf(confirmation.text);
    expect(text).toContain('your report was received Mon, Mar 22, 2027, 8:00 AM GMT+8 (Asia/Manila)');
    expect(text).toContain('Close rate 12.5% 12%');
    expect(text).toContain(VALID.highlights);
    expect(text).toContain('CRM access for two new agents open');
    expect(text).toContain(VALID['asks.0']);
    expect(text).toContain(VALID.nextWeekPlan);
    expect(text).toContain('You can change this report until Fri, Apr 23, 2027, 5:00 PM GMT+8 (Asia/Manila)');

    const row = await stored(id);
    expect(row).toMatchObject({
      status: 'green',
      kpiValues: { close_rate: 12.5 },
      highlights: VALID.highlights,
      asks: [{ text: VALID['asks.0'] }],
      nextWeekPlan: VALID.nextWeekPlan,
      late: false,
      revision: 1,
      submittedByPersonId: fixture.vendorContact.id,
    });
    expect(row?.blockers).toEqual([
      expect.objectContaining({
        text: 'CRM access for two new agents',
        status: 'open',
        firstSeenAt: '2027-04-16T09:00:00.000Z',
      }),
    ]);
    expect(await app.app.get(DataSource).getRepository(Touchpoint).findOneByOrFail({ id })).toMatchObject({
      status: 'submitted',
    });

    const again = await session.open(path);
    expect(again.status).toBe(200);
    expect(textOf(again.text)).toContain(
      'You sent this report Mon, Mar 22, 2027, 8:00 AM GMT+8 (Asia/Manila)',
    );
    expect(again.text).toMatch(/value="green"\s+checked/);
    expect(again.text).toMatch(/name="kpis.close_rate"\s+value="12.5"/);
    expect(again.text).toMatch(/name="newBlockers.0"\s+value="CRM access for two new agents"/);
    expect(again.text).toContain('>Save changes</button>');
    const edited = await session.post(path, { ...VALID, status: 'amber' });
    expect(edited.status).toBe(303);
    expect(await stored(id)).toMatchObject({ status: 'amber', revision: 2, blockers: row?.blockers });
  });

  it('lists last report’s open blockers to resolve or carry over', async () => {
    const first = await reportTouchpoint(app, fixture, '2027-04-23T09:00:00Z');
    const second = await reportTouchpoint(app, fixture, '2027-04-30T09:00:00Z');
    const previous = await app.api<{ blockers: { id: string }[] }>(
      'POST',
      `/api/v1/touchpoints/${first}/report`,
      {
        status: 'amber',
        kpis: { close_rate: 10 },
        blockers: [
          { text: 'VPN <drops> nightly', status: 'open' },
          { text: 'Data export', status: 'open' },
          { text: 'Old issue', status: 'resolved' },
        ],
      },
    );
    // The report before it had an open blocker too: it came along, unmentioned, so there are three.
    const [vpn, exportBlocker, , crm] = previous.body.blockers;
    const path = await linkPath(app, second);
    const session = new FormSession(app);
    const page = await session.open(path);
    expect(page.text).toContain('<span class="typed">VPN &lt;drops&gt; nightly</span>');
    expect(page.text).toContain('Data export');
    expect(page.text).toContain('CRM access for two new agents');
    expect(page.text).not.toContain('Old issue');
    // Each starts as "still open".
    expect(page.text).toMatch(new RegExp(`name="carried.${vpn?.id}"\\s+value="open"\\s+checked`));
    const { 'newBlockers.0': _none, ...withoutNew } = VALID;
    const sent = await session.post(path, { ...withoutNew, [`carried.${vpn?.id}`]: 'resolved' });
    expect(sent.status).toBe(303);
    const row = await stored(second);
    expect(row?.blockers.map((b) => [b.text, b.status, b.carriedFrom ?? null])).toEqual([
      ['VPN <drops> nightly', 'resolved', vpn?.id],
      ['Data export', 'open', exportBlocker?.id],
      ['CRM access for two new agents', 'open', crm?.id],
    ]);
  });

  it('asks again when a blocker of the last report was left undecided', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-05-01T09:00:00Z', { periodKey: 'extra-1' });
    const path = await linkPath(app, id);
    const session = new FormSession(app);
    await session.open(path);
    const carried = Object.keys(session.checked).filter((name) => name.startsWith('carried.'));
    expect(carried).toHaveLength(2);
    const page = await session.post(path, VALID, { omit: [carried[0] ?? ''] });
    expect(page.status).toBe(400);
    expect(page.text).toContain('is required: choose resolved or still open');
    expect(page.text).toContain('<a href="#f-carried-');
  });

  it('refuses a POST that did not come from this link’s page in this browser, storing nothing', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-05-07T09:00:00Z');
    const other = await reportTouchpoint(app, fixture, '2027-05-14T09:00:00Z');
    const path = await linkPath(app, id);
    const otherPath = await linkPath(app, other);
    const session = new FormSession(app);
    await session.open(path);
    const otherSession = new FormSession(app);
    await otherSession.open(otherPath);

    const noField = await session.post(path, VALID, { csrf: null });
    expect(noField.status).toBe(403);
    expect(noField.headers.get('content-security-policy')).toBe(CSP);
    expect(textOf(noField.text)).toContain('Please open the form again');
    expect(noField.text).toContain(`<a href="${path}">Open the report form again</a>`);
    expect((await session.post(path, VALID, { cookie: null })).status).toBe(403);
    expect((await session.post(path, VALID, { cookie: otherSession.cookie })).status).toBe(403);
    // The hidden field of another link's form, even with that browser's own cookie.
    expect((await otherSession.post(path, VALID)).status).toBe(403);
    expect((await otherSession.post(path, VALID, { csrf: session.csrf })).status).toBe(403);
    expect((await session.post(path, VALID, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(
      403,
    );
    const json = await app.fetch<string>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie ?? '' },
      body: JSON.stringify({ ...VALID, csrf: session.csrf }),
    });
    expect(json.status).toBe(415);
    expect(json.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await stored(id)).toBeNull();

    expect((await session.post(path, VALID, { headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(
      303,
    );
    expect(await stored(other)).toBeNull();
  });

  it('accepts a report after the due time and marks it late, and says so first', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-05-21T09:00:00Z');
    const path = await linkPath(app, id);
    await app.advanceClock('2027-05-21T10:00:01Z');
    const session = new FormSession(app);
    const page = await session.open(path);
    expect(textOf(page.text)).toContain(
      'This report is past its due time. It is still welcome, and will be marked late.',
    );
    await session.post(path, VALID);
    const confirmation = await session.open(`${path}/sent`);
    expect(textOf(confirmation.text)).toContain('It is marked late.');
    expect(await stored(id)).toMatchObject({ late: true });
    expect((await app.app.get(DataSource).getRepository(Touchpoint).findOneByOrFail({ id })).status).toBe(
      'late',
    );
  });

  it('closes when the next report is due: a clear 409 page that still shows what was stored', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-06-04T09:00:00Z');
    await reportTouchpoint(app, fixture, '2027-06-11T09:00:00Z');
    const path = await linkPath(app, id);
    const session = new FormSession(app);
    await session.open(path);
    await session.post(path, { ...VALID, highlights: 'Kept for the record' });
    await app.advanceClock('2027-06-11T09:00:00Z');

    const page = await session.open(path);
    expect(page.status).toBe(409);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    const text = textOf(page.text);
    expect(text).toContain(
      'This report can no longer be sent or changed: that closed when the next report was due.',
    );
    expect(text).toContain('Kept for the record');
    expect(page.text).not.toContain('<form');
    const post = await session.post(path, VALID);
    expect(post.status).toBe(409);
    expect((await stored(id))?.highlights).toBe('Kept for the record');
    const confirmation = await session.open(`${path}/sent`);
    expect(confirmation.status).toBe(200);
    expect(textOf(confirmation.text)).not.toContain('You can change this report');
  });

  it('answers a withdrawn report with a 409 page giving the reason', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-07-02T09:00:00Z');
    const path = await linkPath(app, id);
    await app.app
      .get(DataSource)
      .getRepository(Touchpoint)
      .update(
        { id },
        { status: 'skipped', adjustmentType: 'skipped', adjustmentReason: 'Vendor shutdown day' },
      );
    const page = await new FormSession(app).open(path);
    expect(page.status).toBe(409);
    expect(textOf(page.text)).toContain('This report is not expected: Vendor shutdown day.');
  });

  it('sends to the confirmation page only once something was stored', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-07-09T09:00:00Z');
    const path = await linkPath(app, id);
    const before = await snapshot(app);
    const page = await new FormSession(app).open(`${path}/sent`);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(path);
    expect(await snapshot(app)).toEqual(before);
  });
});
