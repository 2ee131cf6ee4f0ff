import { FakeSlackApi } from '../../fakes/slack-api.fake';

describe('FakeSlackApi', () => {
  let fake: FakeSlackApi;

  beforeEach(async () => {
    fake = await FakeSlackApi.start({ users: ['U0MARIA'], channels: ['C0ALERTS'] });
  });

  afterEach(async () => {
    await fake.close();
  });

  async function call(method: string, init: { body: string; headers: Record<string, string> }) {
    const response = await fetch(`${fake.apiUrl}${method}`, { method: 'POST', ...init });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('listens on 127.0.0.1 only', () => {
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('accepts a JSON body with the token in the Authorization header', async () => {
    const answer = await call('chat.postMessage', {
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${fake.token}` },
      body: JSON.stringify({ channel: 'C0ALERTS', blocks: [{ type: 'divider' }] }),
    });

    expect(answer.body).toMatchObject({ ok: true, channel: 'C0ALERTS' });
    expect(fake.calls[0]).toMatchObject({ encoding: 'json', args: { blocks: [{ type: 'divider' }] } });
  });

  it('accepts a form body with the token as a field', async () => {
    const answer = await call('chat.postMessage', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: fake.token, channel: 'C0ALERTS', text: 'hi' }).toString(),
    });

    expect(answer.body).toMatchObject({ ok: true });
    expect(fake.calls[0]).toMatchObject({ encoding: 'form', token: fake.token, args: { text: 'hi' } });
  });

  it('refuses a token in a JSON body, as Slack does', async () => {
    const answer = await call('auth.test', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: fake.token }),
    });

    expect(answer.body).toEqual({ ok: false, error: 'not_authed' });
  });

  it('checks payload shapes: no text nor blocks, a home view of the wrong type, no users', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${fake.token}` };

    const noText = await call('chat.postMessage', { headers, body: JSON.stringify({ channel: 'C0ALERTS' }) });
    const badBlocks = await call('chat.postMessage', {
      headers,
      body: JSON.stringify({ channel: 'C0ALERTS', text: 'x', blocks: [{ text: 'no type' }] }),
    });
    const modal = await call('views.publish', {
      headers,
      body: JSON.stringify({ user_id: 'U0MARIA', view: { type: 'modal', blocks: [] } }),
    });
    const noUsers = await call('conversations.open', { headers, body: JSON.stringify({}) });

    expect([noText.body, badBlocks.body, modal.body, noUsers.body]).toEqual([
      { ok: false, error: 'no_text' },
      { ok: false, error: 'invalid_blocks' },
      { ok: false, error: 'invalid_arguments' },
      { ok: false, error: 'users_list_not_supplied' },
    ]);
  });

  it('applies a scripted fault to the next N calls of a method only, recording each with its time', async () => {
    fake.failNext(2, { kind: 'rate_limited', retryAfterSeconds: 7 }, 'chat.postMessage');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${fake.token}` };
    const body = JSON.stringify({ channel: 'C0ALERTS', text: 'hi' });

    const auth = await call('auth.test', { headers, body: '{}' });
    const first = await fetch(`${fake.apiUrl}chat.postMessage`, { method: 'POST', headers, body });
    const second = await call('chat.postMessage', { headers, body });
    const third = await call('chat.postMessage', { headers, body });

    expect(auth.body['ok']).toBe(true);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(second.status).toBe(429);
    expect(third.body['ok']).toBe(true);
    expect(fake.calls.map((c) => c.status)).toEqual([200, 429, 429, 200]);
    expect(fake.calls.every((c) => typeof c.at === 'number')).toBe(true);
  });

  it('applies a fault to every call of a method until cleared', async () => {
    fake.failAlways('views.publish', { kind: 'http_error', status: 503 });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${fake.token}` };
    const body = JSON.stringify({ user_id: 'U0MARIA', view: { type: 'home', blocks: [] } });

    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await fetch(`${fake.apiUrl}views.publish`, { method: 'POST', headers, body })).status);
    }
    fake.clearFaults();
    statuses.push((await fetch(`${fake.apiUrl}views.publish`, { method: 'POST', headers, body })).status);

    expect(statuses).toEqual([503, 503, 503, 200]);
  });

  it('records what is posted to a response_url', async () => {
    const url = fake.responseUrl('hook-1');

    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"done"}',
    });

    expect(fake.responseUrlPosts).toEqual([
      expect.objectContaining({ hook: 'hook-1', body: { text: 'done' } }),
    ]);
  });
});
