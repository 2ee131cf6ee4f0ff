import { DataSource } from 'typeorm';
import { NUDGE_ACTION_IDS } from '../../src/notifications/slack/nudge.blocks';
import type { PostedMessage } from '../fakes/slack-api.fake';
import {
  appHomeOpenedEvent,
  blockActionRequest,
  eventCallbackRequest,
  slashCommandRequest,
} from '../fakes/slack-payloads';
import {
  MANAGER_SLACK_ID,
  type MessageBody,
  SlackScenario,
  type TouchpointBody,
  nudgeButtons,
  nudgeMessageId,
} from './slack-e2e.harness';

describe('Slack: a missed meeting nudges the account manager in Slack, who acts on it there', () => {
  let s: SlackScenario;
  let meeting: TouchpointBody;
  let dm: PostedMessage;

  const markHeldClick = (triggerId: string) =>
    blockActionRequest({
      actionId: NUDGE_ACTION_IDS.markHeld,
      value: nudgeButtons(dm)[0]?.value ?? '',
      userId: MANAGER_SLACK_ID,
      responseUrl: s.slack.responseUrl('mark-held'),
      message: { text: dm.text ?? '', blocks: dm.blocks ?? [] },
      triggerId,
    });
  const stored = async (): Promise<{ touchpoint: TouchpointBody; nudges: MessageBody[] }> => ({
    touchpoint: await s.touchpoint(meeting.id),
    nudges: await s.nudges(meeting.id),
  });

  /** The engagement's band and score as `GET /engagements/:id/health` gives them, worded as Slack shows them. */
  const healthBadgeFromApi = async (): Promise<string> => {
    const health = await s.app.api<{ score: number; band: string }>(
      'GET',
      `/api/v1/engagements/${s.engagementId}/health`,
    );
    const badge = {
      healthy: ':large_green_circle: Healthy',
      watch: ':large_yellow_circle: Watch',
      at_risk: ':large_orange_circle: At risk',
      strained: ':red_circle: Strained',
    }[health.body.band];
    return `${badge ?? '?'} · ${Math.round(health.body.score)}`;
  };

  beforeAll(async () => {
    s = await SlackScenario.start();
    meeting = await s.missNextMeeting();
    const [nudge] = (await s.nudges(meeting.id)).filter((m) => m.channel === 'slack');
    // The first step is due at once, inside the manager's working hours: the clock run delivers it.
    await s.advance(nudge?.dueAt ?? '');
    const [first] = s.dmsTo(MANAGER_SLACK_ID);
    if (first === undefined) throw new Error('no DM reached the fake Slack');
    dm = first;
  });
  afterAll(async () => {
    await s.close();
  });

  it('delivers the nudge as a DM with blocks and the buttons to act, through the outbox', async () => {
    expect(s.dmsTo(MANAGER_SLACK_ID)).toHaveLength(1);
    expect(s.slack.callsTo('chat.postMessage')[0]?.token).toBe(s.slack.token);
    expect(dm.text).toContain('Acme × Warsaw &lt;Ops&gt; &amp; Co');
    expect(JSON.stringify(dm.blocks)).toContain('*What happened*');
    expect(nudgeButtons(dm).map((b) => b.text.text)).toEqual([
      'Mark meeting held',
      'Snooze until tomorrow',
      'Acknowledge',
    ]);
    const [slackNudge] = (await s.nudges(meeting.id)).filter((m) => m.channel === 'slack');
    expect(slackNudge).toMatchObject({
      id: nudgeMessageId(dm),
      status: 'sent',
      recipient: MANAGER_SLACK_ID,
      recipientPersonId: s.manager.id,
    });
    expect(slackNudge?.sentAt).toBe(slackNudge?.dueAt);
  });

  it('leaves the API’s own error answers as they were, with Slack mounted', async () => {
    const res = await s.app.api('POST', '/api/v1/people', '[1]', {
      headers: { 'content-type': 'text/plain' },
    });

    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('lists the missed meeting under /cadence overdue', async () => {
    const res = await s.postToSlackEvents(
      slashCommandRequest({ text: 'overdue', userId: MANAGER_SLACK_ID, responseUrl: s.slack.responseUrl() }),
    );

    expect(res.status).toBe(200);
    const answer = res.body as { response_type: string; text: string };
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('*1 overdue*');
    expect(answer.text).toContain('*Acme × Warsaw &lt;Ops&gt; &amp; Co* · Weekly sync (meeting)');
    expect(answer.text).toContain('_missed_');
  });

  it('answers /cadence status and /cadence health for the person’s own engagements', async () => {
    const status = await s.postToSlackEvents(
      slashCommandRequest({
        text: 'status warsaw',
        userId: MANAGER_SLACK_ID,
        responseUrl: s.slack.responseUrl(),
      }),
    );
    const health = await s.postToSlackEvents(
      slashCommandRequest({ text: 'health', userId: MANAGER_SLACK_ID, responseUrl: s.slack.responseUrl() }),
    );

    const statusText = (status.body as { text: string }).text;
    expect(statusText).toContain('*Acme × Warsaw &lt;Ops&gt; &amp; Co* · ');
    expect(statusText).toContain('*Overdue*');
    expect(statusText).toContain('*Next*');
    expect((health.body as { text: string }).text).toContain(
      `• *Acme × Warsaw &lt;Ops&gt; &amp; Co* · Manila CX Partners — ${await healthBadgeFromApi()}`,
    );
    expect(statusText).toContain(`Health ${await healthBadgeFromApi()}`);
  });

  it('tells a Slack user linked to no Cadence person so, and nothing else', async () => {
    s.slack.addUser('U0NOBODY');
    const res = await s.postToSlackEvents(
      slashCommandRequest({ text: 'overdue', userId: 'U0NOBODY', responseUrl: s.slack.responseUrl() }),
    );

    expect((res.body as { text: string }).text).toContain(
      'Your Slack account is not linked to a Cadence person',
    );
  });

  it('publishes the App Home tab when the manager opens it', async () => {
    const res = await s.postToSlackEvents(eventCallbackRequest(appHomeOpenedEvent(MANAGER_SLACK_ID)));

    expect(res.status).toBe(200);
    await s.drainSlack();
    const [view] = s.slack.homeViews.get(MANAGER_SLACK_ID) ?? [];
    const text = JSON.stringify(view);
    expect(view?.['type']).toBe('home');
    expect(text).toContain('1 engagement · 1 touchpoint overdue');
    expect(text).toContain('*Acme × Warsaw &lt;Ops&gt; &amp; Co* · Manila CX Partners');
    expect(text).toContain(await healthBadgeFromApi());
  });

  it('refuses a forged signature with 401 and changes nothing', async () => {
    const before = await stored();

    const res = await s.postToSlackEvents(markHeldClick('trigger-forged'), {
      signingSecret: 'not-the-secret',
    });

    expect(res.status).toBe(401);
    await s.drainSlack();
    expect(await stored()).toEqual(before);
    expect(s.slack.responseUrlPosts).toEqual([]);
  });

  it('refuses a correctly signed request replayed five minutes later with 401', async () => {
    const before = await stored();
    const fiveMinutesAgo = Math.floor(Date.now() / 1000) - 5 * 60 - 1;

    const res = await s.postToSlackEvents(markHeldClick('trigger-replayed'), {
      timestampSec: fiveMinutesAgo,
    });

    expect(res.status).toBe(401);
    await s.drainSlack();
    expect(await stored()).toEqual(before);
  });

  it('refuses a request signed five minutes ahead with 401 too', async () => {
    const before = await stored();
    const fiveMinutesAhead = Math.floor(Date.now() / 1000) + 5 * 60 + 1;

    const res = await s.postToSlackEvents(markHeldClick('trigger-ahead'), { timestampSec: fiveMinutesAhead });

    expect(res.status).toBe(401);
    await s.drainSlack();
    expect(await stored()).toEqual(before);
  });

  it('marks the meeting held on "Mark meeting held" and cancels the rest of its nudges', async () => {
    const queuedBefore = (await s.nudges(meeting.id)).filter((m) => m.status === 'queued');
    expect(queuedBefore.map((m) => m.channel)).toEqual(['email']);

    const started = performance.now();
    const res = await s.postToSlackEvents(markHeldClick('trigger-held-1'));

    expect(res.status).toBe(200);
    // Slack gives up (and retries) after 3 s: the answer goes out at the ack, the work after it.
    expect(performance.now() - started).toBeLessThan(3000);
    await s.drainSlack();
    const { touchpoint, nudges } = await stored();
    expect(touchpoint.status).toBe('held');
    expect(touchpoint.heldAt).toBe(s.app.clock.now().toUTC().toISO({ suppressMilliseconds: true }));
    expect(nudges.find((m) => m.id === queuedBefore[0]?.id)?.status).toBe('cancelled');
    expect(nudges.filter((m) => m.status === 'queued')).toEqual([]);
    const [reply] = s.slack.responseUrlPosts;
    expect(reply?.hook).toBe('mark-held');
    expect(reply?.body).toMatchObject({ replace_original: true });
    expect(JSON.stringify(reply?.body)).toContain(`<@${MANAGER_SLACK_ID}> marked *Weekly sync* held.`);
    expect(JSON.stringify(reply?.body)).not.toContain('"type":"actions"');
  });

  it('acknowledges a retry of that click (X-Slack-Retry-Num: 1) and does nothing twice', async () => {
    const before = await stored();
    const posts = s.slack.responseUrlPosts.length;
    const click = markHeldClick('trigger-held-1');

    const res = await s.postToSlackEvents(click, { retryNum: 1 });

    expect(res.status).toBe(200);
    await s.drainSlack();
    expect(await stored()).toEqual(before);
    expect(s.slack.responseUrlPosts).toHaveLength(posts);
    const keys = await s.app.app
      .get(DataSource)
      .query<{ key: string }[]>(`SELECT "key" FROM slack_event WHERE "key" LIKE 'block_actions:%'`);
    expect(keys.map((k) => k.key)).toEqual(['block_actions:trigger-held-1']);
  });

  it('takes a second, separate click on the same button as done already', async () => {
    const res = await s.postToSlackEvents(markHeldClick('trigger-held-2'));

    expect(res.status).toBe(200);
    await s.drainSlack();
    const last = s.slack.responseUrlPosts.at(-1);
    expect(JSON.stringify(last?.body)).toContain('*Weekly sync* was already marked held.');
  });
});
