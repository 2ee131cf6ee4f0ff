import { buildNudgeMessage } from '../../../src/notifications/slack/nudge.blocks';
import {
  SlackDeliveryError,
  type SlackFailure,
  SlackWebClient,
} from '../../../src/notifications/slack/slack-web.client';
import { FakeSlackApi } from '../../fakes/slack-api.fake';
import { RecordingSlackLogger } from '../../fakes/slack-logger.fake';

const AM = 'U0MARIA';

async function failureOf(promise: Promise<unknown>): Promise<SlackFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SlackDeliveryError);
    return (error as SlackDeliveryError).failure;
  }
  throw new Error('expected the call to fail');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SlackWebClient against the fake Slack API', () => {
  let fake: FakeSlackApi;
  let client: SlackWebClient;

  beforeEach(async () => {
    fake = await FakeSlackApi.start({ users: [AM], channels: ['C0ALERTS'] });
    client = new SlackWebClient({
      token: fake.token,
      slackApiUrl: fake.apiUrl,
      logger: new RecordingSlackLogger(),
    });
  });

  afterEach(async () => {
    await fake.close();
  });

  const nudge = buildNudgeMessage({
    messageId: 'msg-1',
    touchpointId: 'tp-1',
    touchpointKind: 'meeting',
    engagementName: 'Acme × Manila CX',
    headline: 'Weekly sync not marked held',
    whatHappened: 'The weekly sync on Tuesday was not marked held.',
    whyItMatters: 'Two missed syncs in a row.',
  });

  it('sends a DM by opening the conversation and posting to it, with the bot token', async () => {
    const result = await client.postMessage({ kind: 'user', userId: AM }, nudge);

    expect(fake.calls.map((c) => c.method)).toEqual(['conversations.open', 'chat.postMessage']);
    expect(fake.calls.every((c) => c.token === fake.token)).toBe(true);
    const post = fake.callsTo('chat.postMessage')[0];
    expect(post.args['channel']).toBe(result.channel);
    expect(post.args['blocks']).toEqual(nudge.blocks);
    expect(post.args['unfurl_links']).toBe('false');
    expect(fake.messages).toEqual([expect.objectContaining({ channel: result.channel, ts: result.ts })]);
  });

  it('opens the DM only once for several messages to the same person', async () => {
    await client.postMessage({ kind: 'user', userId: AM }, { text: 'one' });
    await client.postMessage({ kind: 'user', userId: AM }, { text: 'two' });

    expect(fake.callsTo('conversations.open')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('posts to a channel directly', async () => {
    const result = await client.postMessage({ kind: 'channel', channelId: 'C0ALERTS' }, { text: 'hello' });

    expect(result.channel).toBe('C0ALERTS');
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
  });

  it('returns a 429 as transient with Retry-After, at once and without a hidden retry', async () => {
    fake.failNext(1, { kind: 'rate_limited', retryAfterSeconds: 30 }, 'chat.postMessage');
    const started = Date.now();

    const failure = await failureOf(
      client.postMessage({ kind: 'channel', channelId: 'C0ALERTS' }, { text: 'hi' }),
    );

    expect(failure).toEqual({ kind: 'transient', reason: 'rate_limited', retryAfterSeconds: 30 });
    expect(Date.now() - started).toBeLessThan(1000);
    await sleep(300);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('returns an HTTP 500 as transient, without a hidden retry', async () => {
    fake.failNext(1, { kind: 'http_error', status: 500 });

    const failure = await failureOf(
      client.postMessage({ kind: 'channel', channelId: 'C0ALERTS' }, { text: 'hi' }),
    );

    expect(failure).toEqual({ kind: 'transient', reason: 'http_500' });
    await sleep(300);
    expect(fake.calls).toHaveLength(1);
  });

  it('returns channel_not_found as permanent', async () => {
    const failure = await failureOf(
      client.postMessage({ kind: 'channel', channelId: 'C0GONE' }, { text: 'hi' }),
    );

    expect(failure).toEqual({ kind: 'permanent', reason: 'channel_not_found' });
  });

  it('returns user_not_found from opening a DM with a stranger as permanent', async () => {
    const failure = await failureOf(client.postMessage({ kind: 'user', userId: 'U0NOBODY' }, { text: 'hi' }));

    expect(failure).toEqual({ kind: 'permanent', reason: 'user_not_found' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it.each(['is_archived', 'not_in_channel', 'account_inactive', 'msg_too_long', 'invalid_blocks'])(
    'returns %s as permanent',
    async (error) => {
      fake.failNext(1, { kind: 'slack_error', error }, 'chat.postMessage');

      const failure = await failureOf(
        client.postMessage({ kind: 'channel', channelId: 'C0ALERTS' }, { text: 'hi' }),
      );

      expect(failure).toEqual({ kind: 'permanent', reason: error });
    },
  );

  it.each(['internal_error', 'service_unavailable', 'ratelimited'])(
    'returns ok:false %s as transient',
    async (error) => {
      fake.failNext(1, { kind: 'slack_error', error });

      const failure = await failureOf(
        client.postMessage({ kind: 'channel', channelId: 'C0ALERTS' }, { text: 'hi' }),
      );

      expect(failure).toEqual({ kind: 'transient', reason: error });
    },
  );

  it('sends its token, and a wrong one is a permanent invalid_auth', async () => {
    const wrong = new SlackWebClient({
      token: 'xoxb-wrong',
      slackApiUrl: fake.apiUrl,
      logger: new RecordingSlackLogger(),
    });

    const failure = await failureOf(
      wrong.postMessage({ kind: 'channel', channelId: 'C0ALERTS' }, { text: 'hi' }),
    );

    expect(failure).toEqual({ kind: 'permanent', reason: 'invalid_auth' });
    expect(fake.calls[0].token).toBe('xoxb-wrong');
    expect(fake.messages).toHaveLength(0);
  });

  it('gives up after its timeout and calls it transient', async () => {
    const impatient = new SlackWebClient({
      token: fake.token,
      slackApiUrl: fake.apiUrl,
      timeoutMs: 100,
      logger: new RecordingSlackLogger(),
    });
    fake.failNext(1, { kind: 'delay', ms: 1000 });

    const failure = await failureOf(
      impatient.postMessage({ kind: 'channel', channelId: 'C0ALERTS' }, { text: 'hi' }),
    );

    expect(failure).toEqual({ kind: 'transient', reason: 'timeout' });
  });

  it('calls a refused connection transient', async () => {
    const url = fake.apiUrl;
    await fake.close();
    const offline = new SlackWebClient({
      token: 'xoxb-any',
      slackApiUrl: url,
      logger: new RecordingSlackLogger(),
    });

    const failure = await failureOf(
      offline.postMessage({ kind: 'channel', channelId: 'C0ALERTS' }, { text: 'hi' }),
    );

    // ECONNREFUSED in production; under jest the library loses the cause (see classifySlackError).
    expect(failure.kind).toBe('transient');
    expect(failure.reason).toMatch(/^network_error: (ECONNREFUSED|.*fetch failed)/);
    fake = await FakeSlackApi.start();
  });

  it('publishes a Home tab view for a person', async () => {
    await client.publishHome(AM, {
      type: 'home',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
    });

    expect(fake.homeViews.get(AM)).toEqual([expect.objectContaining({ type: 'home' })]);
    expect(fake.callsTo('views.publish')[0].args['user_id']).toBe(AM);
  });

  it('answers auth.test with the bot user', async () => {
    await expect(client.authTest()).resolves.toEqual({
      userId: 'U0CADENCEBOT',
      botId: 'B0CADENCE',
      teamId: 'T0CADENCE',
    });
  });
});
