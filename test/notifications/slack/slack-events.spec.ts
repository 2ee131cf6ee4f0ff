import { HOME_ACTION_IDS } from '../../../src/notifications/slack/home.blocks';
import { NUDGE_ACTION_IDS, buildNudgeMessage } from '../../../src/notifications/slack/nudge.blocks';
import { FakeDomainError } from '../../fakes/slack-domain.fake';
import {
  appHomeOpenedEvent,
  blockActionRequest,
  eventCallbackRequest,
  slashCommandRequest,
  urlVerificationRequest,
} from '../../fakes/slack-payloads';
import { signedSlackHeaders } from '../../support/slack-signing';
import { AM, type SlackEventsHarness, deliver, startSlackEventsServer } from './slack-events.harness';

const nudge = buildNudgeMessage({
  messageId: 'msg-42',
  touchpointId: 'tp-7',
  touchpointKind: 'meeting',
  engagementName: 'Acme × Manila CX',
  headline: 'Weekly sync not marked held',
  whatHappened: 'The weekly sync on Tuesday was not marked held.',
  whyItMatters: 'Second miss in a row.',
});
const nudgeValue = JSON.stringify({ m: 'msg-42', t: 'tp-7' });

describe('POST /slack/events on a real Fastify server', () => {
  let h: SlackEventsHarness;

  beforeEach(async () => {
    h = await startSlackEventsServer();
    h.domain.touchpoints.set('tp-7', { engagementName: 'Acme × Manila CX', title: 'Weekly sync' });
    h.domain.messages.set('msg-42', 'tp-7');
    h.domain.engagements = [
      {
        engagementId: 'e1',
        name: 'Acme × Manila CX',
        vendorName: 'Manila CX Partners',
        score: 64,
        band: 'watch',
        trend: -9,
      },
    ];
  });

  afterEach(async () => {
    await h.close();
  });

  function markHeldClick(triggerId?: string) {
    return blockActionRequest({
      actionId: NUDGE_ACTION_IDS.markHeld,
      value: nudgeValue,
      userId: AM,
      responseUrl: h.fake.responseUrl('nudge'),
      message: { text: nudge.text, blocks: nudge.blocks ?? [] },
      ...(triggerId === undefined ? {} : { triggerId }),
    });
  }

  describe('verification', () => {
    it('answers the url_verification challenge', async () => {
      const res = await deliver(
        h.url,
        urlVerificationRequest('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P'),
      );

      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({
        challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      });
    });

    it('rejects a forged signature with 401 and does not act', async () => {
      const res = await deliver(h.url, markHeldClick(), { signingSecret: 'not-the-real-secret' });

      expect(res.status).toBe(401);
      await h.slack.drain();
      expect(h.domain.calls).toEqual([]);
    });

    it('rejects a body changed after signing', async () => {
      const genuine = markHeldClick();
      const headers = signedSlackHeaders(genuine.rawBody, { contentType: genuine.contentType });
      const tampered = genuine.rawBody.replace('tp-7', 'tp-8');

      const res = await fetch(h.url, { method: 'POST', headers, body: tampered });

      expect(res.status).toBe(401);
      expect(h.domain.calls).toEqual([]);
    });

    it('rejects a request without signature headers', async () => {
      const res = await fetch(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: urlVerificationRequest('x').rawBody,
      });

      expect(res.status).toBe(401);
    });

    it('rejects a correctly signed request replayed five minutes later', async () => {
      const fiveMinutesAgo = Math.floor(Date.now() / 1000) - 5 * 60 - 1;

      const res = await deliver(h.url, markHeldClick(), { timestampSec: fiveMinutesAgo });

      expect(res.status).toBe(401);
      await h.slack.drain();
      expect(h.domain.calls).toEqual([]);
    });

    it('rejects a correctly signed request stamped more than five minutes ahead', async () => {
      const ahead = Math.floor(Date.now() / 1000) + 5 * 60 + 1;

      const res = await deliver(h.url, markHeldClick(), { timestampSec: ahead });

      expect(res.status).toBe(401);
    });

    it('accepts a request four minutes old (clock skew within Slack’s window)', async () => {
      const res = await deliver(h.url, markHeldClick(), {
        timestampSec: Math.floor(Date.now() / 1000) - 4 * 60,
      });

      expect(res.status).toBe(200);
    });
  });

  describe('nudge buttons', () => {
    it('acks a signed "Mark meeting held" at once, then calls the port once and updates the nudge', async () => {
      const res = await deliver(h.url, markHeldClick());

      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      await h.slack.drain();
      expect(h.domain.callsOf('markHeld')).toEqual([{ method: 'markHeld', args: ['tp-7', AM] }]);
      const [post] = h.fake.responseUrlPosts;
      expect(post?.body).toMatchObject({ replace_original: true, text: nudge.text });
      const blocks = JSON.stringify(post?.body['blocks']);
      expect(blocks).not.toContain('"actions"');
      expect(blocks).toContain('<@U0MARIA> marked *Weekly sync* held.');
    });

    it('routes Snooze and Acknowledge to the port with the message id', async () => {
      for (const actionId of [NUDGE_ACTION_IDS.snooze, NUDGE_ACTION_IDS.acknowledge]) {
        const res = await deliver(
          h.url,
          blockActionRequest({ actionId, value: nudgeValue, userId: AM, responseUrl: h.fake.responseUrl() }),
        );
        expect(res.status).toBe(200);
      }
      await h.slack.drain();

      expect(h.domain.calls).toEqual([
        { method: 'snooze', args: ['msg-42', AM] },
        { method: 'acknowledge', args: ['msg-42', AM] },
      ]);
      expect(JSON.stringify(h.fake.responseUrlPosts[0]?.body)).toContain('snoozed this until <!date^');
    });

    it('acks the "Open report" URL button without calling the domain', async () => {
      const res = await deliver(
        h.url,
        blockActionRequest({
          actionId: NUDGE_ACTION_IDS.openReport,
          value: nudgeValue,
          url: 'https://cadence.example/r',
          userId: AM,
          responseUrl: h.fake.responseUrl(),
        }),
      );
      const home = await deliver(
        h.url,
        blockActionRequest({
          actionId: HOME_ACTION_IDS.openEngagement,
          value: 'e1',
          userId: AM,
          responseUrl: h.fake.responseUrl(),
        }),
      );

      expect([res.status, home.status]).toEqual([200, 200]);
      await h.slack.drain();
      expect(h.domain.calls).toEqual([]);
    });

    it('acts once when the same click is delivered again (a Slack retry)', async () => {
      const click = markHeldClick('1111.2222.retried');

      const first = await deliver(h.url, click);
      const retry = await deliver(h.url, click, { retryNum: 1, retryReason: 'http_timeout' });

      expect([first.status, retry.status]).toEqual([200, 200]);
      await h.slack.drain();
      expect(h.domain.callsOf('markHeld')).toHaveLength(1);
      expect(h.fake.responseUrlPosts).toHaveLength(1);
    });

    it('acks within a fraction of a second even when the domain takes seconds, and does the work after', async () => {
      h.domain.slow('markHeld', 3000);

      const res = await deliver(h.url, markHeldClick());

      expect(res.status).toBe(200);
      expect(res.elapsedMs).toBeLessThan(1000);
      expect(h.fake.responseUrlPosts).toHaveLength(0);
      await h.slack.drain();
      expect(h.domain.callsOf('markHeld')).toHaveLength(1);
      expect(h.fake.responseUrlPosts).toHaveLength(1);
    });

    it('tells the clicker what went wrong in words, and keeps the buttons', async () => {
      h.domain.failing(
        'markHeld',
        new FakeDomainError(
          'TOUCHPOINT_NOT_YOURS',
          'You are not the account manager of Acme × Manila CX.',
          403,
        ),
      );

      await deliver(h.url, markHeldClick());
      await h.slack.drain();

      expect(h.fake.responseUrlPosts[0]?.body).toEqual({
        response_type: 'ephemeral',
        replace_original: false,
        text: ':warning: You are not the account manager of Acme × Manila CX.',
      });
    });

    it('shows a generic message with a reference, never a stack trace, for an unexpected error', async () => {
      h.domain.failing(
        'markHeld',
        new Error('connect ECONNREFUSED 10.0.0.5:5432 at Pool.connect (/app/pg.js:12)'),
      );

      await deliver(h.url, markHeldClick());
      await h.slack.drain();

      const text = String(h.fake.responseUrlPosts[0]?.body['text']);
      expect(text).toMatch(/^:warning: Something went wrong on our side\. .*ref [0-9a-f]{8}\.$/);
      expect(text).not.toContain('ECONNREFUSED');
      expect(text).not.toContain('pg.js');
      const ref = /ref ([0-9a-f]{8})/.exec(text)?.[1] ?? 'missing';
      expect(h.logger.entries.some((e) => e.message.includes(ref))).toBe(true);
    });

    it('says a button is out of date when its value is not ours', async () => {
      await deliver(
        h.url,
        blockActionRequest({
          actionId: NUDGE_ACTION_IDS.acknowledge,
          value: 'garbage',
          userId: AM,
          responseUrl: h.fake.responseUrl(),
        }),
      );
      await h.slack.drain();

      expect(h.domain.calls).toEqual([]);
      expect(h.fake.responseUrlPosts[0]?.body['text']).toContain('out of date');
    });
  });

  describe('/cadence', () => {
    it('answers `/cadence health` in the HTTP response with the formatted text', async () => {
      const res = await deliver(
        h.url,
        slashCommandRequest({ text: 'health', userId: AM, responseUrl: h.fake.responseUrl() }),
      );

      expect(res.status).toBe(200);
      expect(res.contentType).toContain('application/json');
      expect(JSON.parse(res.text)).toEqual({
        response_type: 'ephemeral',
        text: '• *Acme × Manila CX* · Manila CX Partners — :large_yellow_circle: Watch · 64 (▼ 9)',
      });
      expect(h.domain.callsOf('health')).toEqual([{ method: 'health', args: [AM] }]);
    });

    it('passes the typed engagement to the port, unescaped', async () => {
      const res = await deliver(
        h.url,
        slashCommandRequest({ text: 'status Acme &amp; Co', userId: AM, responseUrl: h.fake.responseUrl() }),
      );

      expect(JSON.parse(res.text)).toMatchObject({
        text: expect.stringContaining('No engagement of yours matches') as unknown,
      });
      expect(h.domain.callsOf('status')).toEqual([{ method: 'status', args: ['Acme & Co', AM] }]);
    });

    it('answers anything else with help', async () => {
      const res = await deliver(
        h.url,
        slashCommandRequest({ text: 'dance', userId: AM, responseUrl: h.fake.responseUrl() }),
      );

      expect(JSON.parse(res.text)).toMatchObject({
        text: expect.stringContaining('`/cadence overdue`') as unknown,
      });
      expect(h.domain.calls).toEqual([]);
    });

    it('says "looking that up" at once when the answer is slow, and sends the answer through response_url', async () => {
      await h.close();
      h = await startSlackEventsServer({ commandInlineBudgetMs: 200 });
      h.domain.slow('overdue', 1500);

      const res = await deliver(
        h.url,
        slashCommandRequest({ text: 'overdue', userId: AM, responseUrl: h.fake.responseUrl('cmd') }),
      );

      expect(res.elapsedMs).toBeLessThan(1000);
      expect(JSON.parse(res.text)).toMatchObject({
        text: expect.stringContaining('Looking that up') as unknown,
      });
      await h.slack.drain();
      expect(h.fake.responseUrlPosts).toEqual([
        expect.objectContaining({
          hook: 'cmd',
          body: { response_type: 'ephemeral', text: ':tada: Nothing overdue across your engagements.' },
        }),
      ]);
    });
  });

  describe('App Home', () => {
    it('publishes the Home view to Slack when the tab is opened', async () => {
      const res = await deliver(h.url, eventCallbackRequest(appHomeOpenedEvent(AM)));

      expect(res.status).toBe(200);
      await h.slack.drain();
      const views = h.fake.homeViews.get(AM) ?? [];
      expect(views).toHaveLength(1);
      expect(JSON.stringify(views[0])).toContain('*Acme × Manila CX* · Manila CX Partners');
      expect(h.fake.callsTo('views.publish')[0]?.token).toBe(h.fake.token);
    });

    it('does not act twice on a retried event', async () => {
      const event = eventCallbackRequest(appHomeOpenedEvent(AM), 'Ev0RETRIED');

      const first = await deliver(h.url, event);
      const retry = await deliver(h.url, event, { retryNum: 1, retryReason: 'http_timeout' });
      const again = await deliver(h.url, event, { retryNum: 2, retryReason: 'http_timeout' });

      expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
      await h.slack.drain();
      expect(h.domain.callsOf('home')).toHaveLength(1);
      expect(h.fake.callsTo('views.publish')).toHaveLength(1);
    });

    it('publishes nothing for the Messages tab', async () => {
      await deliver(h.url, eventCallbackRequest(appHomeOpenedEvent(AM, 'messages')));
      await h.slack.drain();

      expect(h.fake.callsTo('views.publish')).toHaveLength(0);
    });

    it('publishes a view saying what went wrong when the domain fails', async () => {
      h.domain.failing(
        'home',
        new FakeDomainError(
          'SLACK_USER_NOT_LINKED',
          'Your Slack account is not linked to a Cadence person.',
          404,
        ),
      );

      await deliver(h.url, eventCallbackRequest(appHomeOpenedEvent(AM)));
      await h.slack.drain();

      expect(JSON.stringify(h.fake.homeViews.get(AM))).toContain('not linked to a Cadence person');
    });

    it('logs, and does not crash, when Slack refuses the view', async () => {
      h.fake.failAlways('views.publish', { kind: 'http_error', status: 503 });

      const res = await deliver(h.url, eventCallbackRequest(appHomeOpenedEvent(AM)));
      await h.slack.drain();

      expect(res.status).toBe(200);
      expect(
        h.logger.entries.some((e) => e.message.includes('views.publish') && e.message.includes('transient')),
      ).toBe(true);
    });
  });
});
