import { DateTime } from 'luxon';
import { PLACES } from '../factories/people.factory';
import { FakeSmtpServer } from '../fakes/smtp.fake';
import { TestApp } from '../support/test-app';
import {
  digestMessages,
  digestsTo,
  executiveWithEngagement,
  PUBLIC_URL,
  touchpoints,
  unsubscribeUrl,
} from './digest-fixture';

const local = (iso: string | null, zone: string): string =>
  DateTime.fromISO(iso ?? '', { zone }).toFormat('ccc yyyy-MM-dd HH:mm');

describe('Weekly digests through the manual clock: New York, London and Singapore', () => {
  let smtp: FakeSmtpServer;
  let app: TestApp;
  const execs = {
    newYork: { email: 'nora@acme.example', zone: 'America/New_York', id: '' },
    london: { email: 'liam@acme.example', zone: 'Europe/London', id: '' },
    singapore: { email: 'siew@acme.example', zone: 'Asia/Singapore', id: '' },
  };

  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    // Thursday 4 March 2027: the first report of each engagement is due today.
    app = await TestApp.start({
      env: { SMTP_URL: smtp.url, PUBLIC_URL },
      clockStart: '2027-03-04T00:00:00Z',
    });
    const places = { newYork: PLACES.newYork, london: PLACES.london, singapore: PLACES.singapore } as const;
    for (const key of ['newYork', 'london', 'singapore'] as const) {
      const { executive, engagementId } = await executiveWithEngagement(
        app,
        { role: 'executive', ...places[key], email: execs[key].email, name: `Exec ${key}` },
        { name: `Acme × Manila CX (${key})`, startsOn: '2027-03-01' },
      );
      execs[key].id = executive.id;
      const [report] = await touchpoints(app, engagementId, '2027-03-01', '2027-03-07');
      const submitted = await app.api('POST', `/api/v1/touchpoints/${report.id}/report`, {
        status: 'green',
        kpis: { close_rate: 13 },
        highlights: 'Night shift closed <b>40</b> deals <script>alert(1)</script>',
        blockers: [],
        asks: ['Approve the <img src=x onerror=alert(1)> holiday staffing plan'],
        nextWeekPlan: 'Keep going',
      });
      expect(submitted.status).toBeLessThan(300);
    }
  });

  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('mails each executive at 08:00 on Monday in their own zone, once', async () => {
    await app.advanceClock('2027-03-09T00:00:00Z');
    const messages = await digestMessages(app);
    const sentAt = (email: string) => messages.filter((m) => m.recipient === email).map((m) => m.sentAt);
    expect(sentAt(execs.singapore.email).map((s) => local(s, 'Asia/Singapore'))).toEqual([
      'Mon 2027-03-08 08:00',
    ]);
    expect(sentAt(execs.london.email).map((s) => local(s, 'Europe/London'))).toEqual([
      'Mon 2027-03-08 08:00',
    ]);
    expect(sentAt(execs.newYork.email).map((s) => local(s, 'America/New_York'))).toEqual([
      'Mon 2027-03-08 08:00',
    ]);
    expect(messages.map((m) => m.idempotencyKey).sort()).toEqual(
      [execs.newYork.id, execs.london.id, execs.singapore.id].map((id) => `digest:${id}:2027-W10`).sort(),
    );
    for (const exec of Object.values(execs)) expect(digestsTo(smtp, exec.email)).toHaveLength(1);
  });

  it('sends both parts, the subject and RFC 8058 one-click headers', async () => {
    const [mail] = digestsTo(smtp, execs.london.email);
    expect(mail.parsed.subject).toMatch(/^Cadence week 10: /);
    expect(mail.parsed.html).toContain('<!DOCTYPE html>');
    expect(mail.parsed.text).toContain('Acme × Manila CX (london)');
    const url = unsubscribeUrl(mail.parsed);
    expect(url.origin).toBe(PUBLIC_URL);
    expect(url.pathname).toMatch(/^\/u\/[A-Za-z0-9_-]{43}$/);
    expect(mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    // The footer carries the same link.
    expect(mail.parsed.html).toContain(`href="${url.href}"`);
  });

  it('escapes report text with HTML in it in the HTML part and keeps it as typed in the text part', async () => {
    const [mail] = digestsTo(smtp, execs.newYork.email);
    const html = mail.parsed.html || '';
    expect(html).not.toMatch(/<script|<img|<b>40/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.parsed.text).toContain('Approve the <img src=x onerror=alert(1)> holiday staffing plan');
  });

  it('serves the web version exactly as mailed', async () => {
    for (const exec of Object.values(execs)) {
      const web = await app.api('GET', `/api/v1/executives/${exec.id}/digest?week=2027-W10`);
      expect(web.status).toBe(200);
      expect(web.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(web.text).toBe(digestsTo(smtp, exec.email)[0].parsed.html);
    }
  });

  it('gives each digest its own "view in your browser" link that opens it without an API token', async () => {
    const mail = digestsTo(smtp, execs.london.email)[0].parsed;
    const link = /View in your browser: (\S+)/.exec(String(mail.text))?.[1] ?? '';
    expect(link).toMatch(/\/d\/[A-Za-z0-9_-]{43}$/);
    expect(String(mail.html)).toContain(link);
    const page = await app.fetch(new URL(link).pathname);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.text).toBe(mail.html);
    const tampered = await app.fetch(`${new URL(link).pathname.slice(0, -1)}x`);
    expect(tampered.status).toBe(404);
  });

  it('sends nothing more until the next Monday, then once again each', async () => {
    await app.advanceClock('2027-03-14T23:00:00Z');
    expect(await digestMessages(app)).toHaveLength(3);
    await app.advanceClock('2027-03-16T00:00:00Z');
    const messages = await digestMessages(app);
    expect(messages).toHaveLength(6);
    // New York moved its clocks on Sunday 14 March: still 08:00 there, an hour earlier in UTC.
    const ny = messages.filter((m) => m.recipient === execs.newYork.email).map((m) => m.sentAt);
    expect(ny).toEqual(['2027-03-08T13:00:00.000Z', '2027-03-15T12:00:00.000Z']);
  });
});
