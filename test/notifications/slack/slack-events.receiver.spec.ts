import { LogLevel } from '@slack/web-api';
// The receiver is driven by a bare Bolt App here, to script listeners that
// misbehave (never ack, ack late, throw) in ways the Cadence app does not.
import App from '@slack/bolt/dist/App';
import {
  InMemorySlackDedupeStore,
  type SlackDedupeStore,
} from '../../../src/notifications/slack/slack-dedupe.store';
import { SlackEventsReceiver } from '../../../src/notifications/slack/slack-events.receiver';
import type { SlackHttpRequest } from '../../../src/notifications/slack/slack-http.types';
import { RecordingSlackLogger } from '../../fakes/slack-logger.fake';
import { type SlackRequestBody, eventCallbackRequest, slashCommandRequest } from '../../fakes/slack-payloads';
import { TEST_SIGNING_SECRET, signedSlackHeaders } from '../../support/slack-signing';

function request(body: SlackRequestBody, overrides: Record<string, string> = {}): SlackHttpRequest {
  return {
    rawBody: Buffer.from(body.rawBody),
    headers: { ...signedSlackHeaders(body.rawBody, { contentType: body.contentType }), ...overrides },
  };
}

function build(dedupe: SlackDedupeStore = new InMemorySlackDedupeStore(() => Date.now())) {
  const logger = new RecordingSlackLogger();
  const receiver = new SlackEventsReceiver({
    signingSecret: TEST_SIGNING_SECRET,
    dedupe,
    nowMs: () => Date.now(),
    ackDeadlineMs: 300,
  });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: 'xoxb-test' }),
    logger,
    convoStore: false,
  });
  app.error(async () => {});
  return { receiver, app, logger };
}

const command = (text: string): SlackRequestBody =>
  slashCommandRequest({ text, userId: 'U0MARIA', responseUrl: 'http://127.0.0.1:9/unused' });

describe('SlackEventsReceiver', () => {
  it('answers 200 by the deadline when a listener never acks, so Slack does not retry', async () => {
    const { receiver, app, logger } = build();
    app.command('/cadence', async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
    });

    const started = performance.now();
    const response = await receiver.handle(request(command('x')));

    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(performance.now() - started).toBeLessThan(550);
    expect(logger.at(LogLevel.WARN).map((e) => e.message)).toEqual([
      expect.stringContaining('no ack within 300 ms'),
    ]);
    await receiver.drain();
  });

  it('logs an ack that comes after the deadline instead of failing', async () => {
    const { receiver, app, logger } = build();
    app.command('/cadence', async ({ ack }) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await ack('too late');
    });

    const response = await receiver.handle(request(command('x')));
    await receiver.drain();

    expect(response.body).toBe('');
    expect(logger.entries.some((e) => e.message.includes('ack() came after'))).toBe(true);
  });

  it('sends what the listener acked: text as text, objects as JSON', async () => {
    const { receiver, app } = build();
    app.command('/cadence', async ({ ack, command: c }) => {
      await (c.text === 'text' ? ack('plain') : ack({ response_type: 'ephemeral', text: 'json' }));
    });

    const text = await receiver.handle(request(command('text')));
    const json = await receiver.handle(request(command('json')));

    expect(text).toMatchObject({ status: 200, body: 'plain' });
    expect(json).toMatchObject({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"response_type":"ephemeral","text":"json"}',
    });
  });

  it('answers 200 when nothing listens for a verified request', async () => {
    const { receiver } = build();

    await expect(receiver.handle(request(command('x')))).resolves.toMatchObject({ status: 200 });
  });

  it('refuses (400) an id Slack never sends, such as one with a NUL, without recording or acting', async () => {
    const claimed: string[] = [];
    const { receiver, app } = build({ claim: async (key) => (claimed.push(key), true) });
    const seen: string[] = [];
    app.event('app_home_opened', async ({ event }) => {
      seen.push(event.user);
    });

    const response = await receiver.handle(
      request(eventCallbackRequest({ type: 'app_home_opened', user: 'U0MARIA' }, 'Ev\u0000nul')),
    );

    expect(response.status).toBe(400);
    expect(claimed).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('answers 503, and does not act, when it cannot record the delivery', async () => {
    const broken: SlackDedupeStore = { claim: () => Promise.reject(new Error('database is down')) };
    const { receiver, app } = build(broken);
    const seen: string[] = [];
    app.event('app_home_opened', async ({ event }) => {
      seen.push(event.user);
    });

    const response = await receiver.handle(
      request(eventCallbackRequest({ type: 'app_home_opened', user: 'U0MARIA' })),
    );

    expect(response.status).toBe(503);
    expect(seen).toEqual([]);
  });

  it('refuses a verified body it cannot read (400) or a content type Slack never sends (415)', async () => {
    const { receiver } = build();

    const garbled = await receiver.handle(request({ rawBody: '{not json', contentType: 'application/json' }));
    const xml = await receiver.handle({
      rawBody: Buffer.from('<x/>'),
      headers: signedSlackHeaders('<x/>', { contentType: 'application/json' }),
    });
    const textPlain = await receiver.handle({
      rawBody: Buffer.from('hi'),
      headers: { ...signedSlackHeaders('hi'), 'content-type': 'text/plain' },
    });

    expect([garbled.status, xml.status, textPlain.status]).toEqual([400, 400, 415]);
  });

  it('answers 400, never a 5xx for Slack to retry, when Bolt cannot read a verified payload', async () => {
    const { receiver, logger } = build();
    // `user: null` where Bolt expects an object or an id: Bolt throws before any listener runs.
    const payload = { type: 'event_callback', event_id: 'Ev9', event: { type: 'app_mention', user: null } };
    const body: SlackRequestBody = {
      rawBody: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
      contentType: 'application/x-www-form-urlencoded',
    };

    const response = await receiver.handle(request(body));

    expect(response.status).toBe(400);
    expect(logger.at(LogLevel.WARN).map((e) => e.message)).toContain(
      'Slack: a verified request could not be processed; answered 400',
    );
  });

  it('answers an ssl_check without acting', async () => {
    const { receiver } = build();

    const response = await receiver.handle({
      rawBody: Buffer.from('ssl_check=1&token=x'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    expect(response).toEqual({ status: 200, headers: {}, body: '' });
  });
});
