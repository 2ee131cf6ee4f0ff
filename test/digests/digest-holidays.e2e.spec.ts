import { DateTime } from 'luxon';
import { newPerson, PLACES } from '../factories/people.factory';
import { FakeSmtpServer } from '../fakes/smtp.fake';
import { TestApp } from '../support/test-app';
import { digestMessages, executiveWithEngagement, PUBLIC_URL } from './digest-fixture';

interface SettingsBody {
  weekday: string;
  time: string;
  timeZone: string;
  chosen: boolean;
  subscribed: boolean;
  nextDigest: { week: string; at: string; local: string; movedFor: string | null } | null;
}

const local = (iso: string | null, zone: string): string =>
  DateTime.fromISO(iso ?? '', { zone }).toFormat('ccc yyyy-MM-dd HH:mm');

describe('Digests move off the executive’s holidays to their next working morning', () => {
  let smtp: FakeSmtpServer;
  let app: TestApp;
  let newYork: string;
  let london: string;
  let singapore: string;

  const settings = async (id: string) =>
    (await app.api<SettingsBody>('GET', `/api/v1/executives/${id}/digest-settings`)).body;
  const sentTo = async (email: string) =>
    (await digestMessages(app)).filter((m) => m.recipient === email).map((m) => m.sentAt);

  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    // Thursday 27 May 2027. Monday 31 May is Memorial Day in the US and the Spring bank holiday in England.
    app = await TestApp.start({
      env: { SMTP_URL: smtp.url, PUBLIC_URL },
      clockStart: '2027-05-27T00:00:00Z',
    });
    const create = async (place: (typeof PLACES)[keyof typeof PLACES], email: string) =>
      (
        await executiveWithEngagement(
          app,
          { role: 'executive', ...place, email },
          { name: `Acme × Manila CX (${email})`, startsOn: '2027-05-24' },
        )
      ).executive.id;
    newYork = await create(PLACES.newYork, 'nick@acme.example');
    london = await create(PLACES.london, 'lara@acme.example');
    singapore = await create(PLACES.singapore, 'sana@acme.example');
  });

  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('tells each executive when their next digest goes out, and why it moved', async () => {
    expect(await settings(newYork)).toMatchObject({
      weekday: 'mon',
      time: '08:00',
      timeZone: 'America/New_York',
      chosen: false,
      subscribed: true,
      nextDigest: {
        week: '2027-W22',
        at: '2027-06-01T12:00:00Z',
        local: '2027-06-01T08:00:00-04:00',
        movedFor: 'Memorial Day (US)',
      },
    });
    expect((await settings(singapore)).nextDigest).toMatchObject({
      at: '2027-05-31T00:00:00Z',
      movedFor: null,
    });
  });

  it('after Memorial Day arrives on Tuesday at 08:00 New York time; Singapore’s on Monday as usual', async () => {
    await app.advanceClock('2027-05-31T23:59:00Z');
    expect(await sentTo('nick@acme.example')).toEqual([]);
    expect(await sentTo('lara@acme.example')).toEqual([]);
    expect((await sentTo('sana@acme.example')).map((s) => local(s, 'Asia/Singapore'))).toEqual([
      'Mon 2027-05-31 08:00',
    ]);
    await app.advanceClock('2027-06-02T00:00:00Z');
    expect((await sentTo('nick@acme.example')).map((s) => local(s, 'America/New_York'))).toEqual([
      'Tue 2027-06-01 08:00',
    ]);
    expect((await sentTo('lara@acme.example')).map((s) => local(s, 'Europe/London'))).toEqual([
      'Tue 2027-06-01 08:00',
    ]);
  });

  it('the next week is back on Monday, once', async () => {
    await app.advanceClock('2027-06-08T00:00:00Z');
    expect((await sentTo('nick@acme.example')).map((s) => local(s, 'America/New_York'))).toEqual([
      'Tue 2027-06-01 08:00',
      'Mon 2027-06-07 08:00',
    ]);
  });

  it('goes out at the day and local time the executive chose', async () => {
    const put = await app.api<SettingsBody>('PUT', `/api/v1/executives/${london}/digest-settings`, {
      weekday: 'wed',
      time: '07:30',
    });
    expect(put.status).toBe(200);
    // This week's digest went out on Monday: the new slot starts next week.
    expect(put.body).toMatchObject({
      weekday: 'wed',
      time: '07:30',
      chosen: true,
      nextDigest: { week: '2027-W24' },
    });
    await app.advanceClock('2027-06-17T00:00:00Z');
    expect((await sentTo('lara@acme.example')).map((s) => local(s, 'Europe/London'))).toEqual([
      'Tue 2027-06-01 08:00',
      'Mon 2027-06-07 08:00',
      'Wed 2027-06-16 07:30',
    ]);
    // null goes back to the configured default.
    const reset = await app.api<SettingsBody>('PUT', `/api/v1/executives/${london}/digest-settings`, {
      weekday: null,
      time: null,
    });
    expect(reset.body).toMatchObject({ weekday: 'mon', time: '08:00', chosen: false });
  });

  it('re-plans when the executive moves: 08:00 in their new zone', async () => {
    const moved = await app.api('PATCH', `/api/v1/people/${singapore}`, {
      timeZone: 'Europe/London',
      country: 'GB',
    });
    expect(moved.status).toBe(200);
    expect((await settings(singapore)).nextDigest).toMatchObject({
      week: '2027-W25',
      local: '2027-06-21T08:00:00+01:00',
    });
    // Not at 08:00 in Singapore (00:00 UTC) any more, but at 08:00 in London.
    await app.advanceClock('2027-06-21T08:00:00Z');
    expect((await sentTo('sana@acme.example')).slice(-1)).toEqual(['2027-06-21T07:00:00.000Z']);
  });

  it('refuses bad settings field by field, and a person who is not an executive', async () => {
    const bad = await app.api<{ error: { code: string; fields: Record<string, string> } }>(
      'PUT',
      `/api/v1/executives/${london}/digest-settings`,
      { weekday: 'monday', time: '25:00', subscribed: 'yes' },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['subscribed', 'time', 'weekday']);
    const manager = await newPerson(app, { role: 'account_manager', ...PLACES.newYork });
    for (const id of [manager.id, 'no-such-person']) {
      const get = await app.api<{ error: { code: string } }>(
        'GET',
        `/api/v1/executives/${id}/digest-settings`,
      );
      expect([get.status, get.body.error.code]).toEqual([404, 'EXECUTIVE_NOT_FOUND']);
    }
  });

  it('serves the web version only for a week that went out, behind the API token', async () => {
    const ok = await app.api('GET', `/api/v1/executives/${newYork}/digest?week=2027-W22`);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('<!DOCTYPE html>');
    const latest = await app.api('GET', `/api/v1/executives/${newYork}/digest`);
    expect(latest.text).toContain('Week 24');
    const errors = async (path: string, token?: null) =>
      (
        await app.api<{ error: { code: string } }>(
          'GET',
          path,
          undefined,
          token === null ? { token: null } : {},
        )
      ).body.error.code;
    expect(await errors(`/api/v1/executives/${newYork}/digest?week=2027-W22`, null)).toBe('UNAUTHORIZED');
    for (const week of ['2027-22', '2027-W53', '2027-W1', 'W22', '2027-W22x']) {
      const bad = await app.api('GET', `/api/v1/executives/${newYork}/digest?week=${week}`);
      expect([week, bad.status]).toEqual([week, 400]);
    }
    expect(await errors(`/api/v1/executives/no-such-person/digest?week=2027-W22`)).toBe(
      'EXECUTIVE_NOT_FOUND',
    );
    expect(await errors(`/api/v1/executives/${newYork}/digest?week=2027-W30`)).toBe('DIGEST_NOT_FOUND');
  });
});
