import { PLACES } from '../factories/people.factory';
import { FakeSmtpServer } from '../fakes/smtp.fake';
import { TestApp } from '../support/test-app';
import { digestsTo, executiveWithEngagement, PUBLIC_URL, unsubscribeUrl } from './digest-fixture';

interface SettingsBody {
  subscribed: boolean;
  unsubscribedAt: string | null;
  nextDigest: { week: string; at: string } | null;
}

describe('One-click unsubscribe (RFC 8058) stops the digest', () => {
  let smtp: FakeSmtpServer;
  let app: TestApp;
  let leaving: { id: string; email: string };
  let staying: { id: string; email: string };
  let path: string;

  const settings = async (id: string) =>
    (await app.api<SettingsBody>('GET', `/api/v1/executives/${id}/digest-settings`)).body;
  const post = (target: string, body: string | undefined, type = 'application/x-www-form-urlencoded') =>
    app.fetch(target, { method: 'POST', headers: body === undefined ? {} : { 'content-type': type }, body });

  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    app = await TestApp.start({
      env: { SMTP_URL: smtp.url, PUBLIC_URL },
      clockStart: '2027-03-04T00:00:00Z',
    });
    for (const [name, email] of [
      ['Leah', 'leah@acme.example'],
      ['Sam', 'sam@acme.example'],
    ] as const) {
      const { executive } = await executiveWithEngagement(
        app,
        { role: 'executive', ...PLACES.newYork, email, name },
        { name: `Acme × Manila CX (${name})`, startsOn: '2027-03-01' },
      );
      if (name === 'Leah') leaving = { id: executive.id, email };
      else staying = { id: executive.id, email };
    }
    await app.advanceClock('2027-03-08T14:00:00Z');
    const [mail] = digestsTo(smtp, leaving.email);
    path = unsubscribeUrl(mail.parsed).pathname;
  });

  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('opening the link shows who it is for and a button, and changes nothing (mail scanners open links)', async () => {
    const before = await settings(leaving.id);
    for (let i = 0; i < 3; i += 1) {
      const page = await app.fetch(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.text).toContain(leaving.email);
      expect(page.text).toMatch(/<form method="post">/);
      expect(page.text).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click" />');
      expect(page.text).not.toMatch(/<script/i);
    }
    expect(await settings(leaving.id)).toEqual(before);
    expect(before).toMatchObject({ subscribed: true, nextDigest: { week: '2027-W11' } });
  });

  it('refuses a POST that is not a one-click unsubscribe, and a link that does not exist', async () => {
    expect((await post(path, 'List-Unsubscribe=Something-Else')).status).toBe(400);
    expect((await settings(leaving.id)).subscribed).toBe(true);
    const unknown = `/u/${'A'.repeat(43)}`;
    expect((await app.fetch(unknown)).status).toBe(404);
    expect((await post(unknown, 'List-Unsubscribe=One-Click')).status).toBe(404);
    expect((await app.fetch('/u/not-a-token')).status).toBe(404);
  });

  it('a POST of List-Unsubscribe=One-Click, with no API token and no CSRF token, stops the digest', async () => {
    const first = await post(path, 'List-Unsubscribe=One-Click');
    expect(first.status).toBe(200);
    expect(first.text).toContain('You are unsubscribed');
    const after = await settings(leaving.id);
    expect(after).toMatchObject({
      subscribed: false,
      unsubscribedAt: '2027-03-08T14:00:00Z',
      nextDigest: null,
    });
    // Mail clients retry: a second POST answers the same and keeps the first time.
    expect((await post(path, 'List-Unsubscribe=One-Click')).status).toBe(200);
    expect((await settings(leaving.id)).unsubscribedAt).toBe('2027-03-08T14:00:00Z');
    // Opened again later, the link says so rather than offering the button.
    expect((await app.fetch(path)).text).toContain('You are unsubscribed');
  });

  it('sends the next week’s digest to everyone else, and none to the executive who left', async () => {
    await app.advanceClock('2027-03-16T00:00:00Z');
    expect(digestsTo(smtp, leaving.email)).toHaveLength(1);
    expect(digestsTo(smtp, staying.email)).toHaveLength(2);
  });

  it('can be turned back on through the settings API: the next digest is next week’s', async () => {
    const put = await app.api<SettingsBody>('PUT', `/api/v1/executives/${leaving.id}/digest-settings`, {
      subscribed: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      subscribed: true,
      unsubscribedAt: null,
      nextDigest: { week: '2027-W12' },
    });
    await app.advanceClock('2027-03-23T00:00:00Z');
    expect(digestsTo(smtp, leaving.email)).toHaveLength(2);
  });
});
