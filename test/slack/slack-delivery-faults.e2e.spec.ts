import { DateTime } from 'luxon';
import { OutboxWorker } from '../../src/notifications/outbox/outbox.worker';
import { MANAGER_SLACK_ID, type MessageBody, SlackScenario } from './slack-e2e.harness';

/**
 * The fake Slack API misbehaves on the next chat.postMessage; the outbox,
 * not the Slack client, decides what happens next. Each test lets the next
 * weekly meeting go by, so each has a nudge of its own, and the manager marks
 * it held afterwards through the API, so the next miss is not a second in a row.
 */
describe('Slack: delivery faults are the outbox’s to handle', () => {
  let s: SlackScenario;

  const slackNudgeOf = async (touchpointId: string): Promise<MessageBody> => {
    const [nudge] = (await s.nudges(touchpointId)).filter((m) => m.channel === 'slack');
    if (nudge === undefined) throw new Error('no Slack nudge queued');
    return nudge;
  };
  const posts = () => s.slack.callsTo('chat.postMessage');
  const okPosts = () => posts().filter((c) => c.status === 200 && c.response['ok'] === true);
  const at = (iso: string | null): number => DateTime.fromISO(iso ?? '').toMillis();

  beforeAll(async () => {
    s = await SlackScenario.start();
    // Jitter pinned at its low end: the first retry comes after 30 s exactly (backoff 60 s × 0.5).
    s.app.app.get(OutboxWorker).useRandom(() => 0);
  });
  afterEach(async () => {
    for (const meeting of await s.meetings()) {
      if (meeting.status === 'missed') await s.app.api('POST', `/api/v1/touchpoints/${meeting.id}/held`, {});
    }
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers 429 with Retry-After: 30 by calling again no sooner than 30 s later, then delivers once', async () => {
    s.slack.failNext(1, { kind: 'rate_limited', retryAfterSeconds: 30 }, 'chat.postMessage');

    const meeting = await s.missNextMeeting();
    const refused = posts().at(-1);
    expect(refused?.status).toBe(429);
    const nudge = await slackNudgeOf(meeting.id);
    expect(nudge).toMatchObject({ status: 'failed', attempts: 1, lastError: 'rate_limited' });
    expect(at(nudge.nextAttemptAt) - (refused?.at ?? 0)).toBe(30_000);

    const callsBefore = posts().length;
    await s.advance(
      DateTime.fromMillis((refused?.at ?? 0) + 29_000)
        .toUTC()
        .toISO() ?? '',
    );
    expect(posts()).toHaveLength(callsBefore);

    await s.advance(
      DateTime.fromMillis((refused?.at ?? 0) + 30_000)
        .toUTC()
        .toISO() ?? '',
    );
    const after = posts().slice(callsBefore);
    expect(after).toHaveLength(1);
    expect(after[0]?.at).toBeGreaterThanOrEqual((refused?.at ?? 0) + 30_000);
    expect(await slackNudgeOf(meeting.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(okPosts().filter((c) => JSON.stringify(c.args).includes(nudge.id))).toHaveLength(1);

    await s.advanceBy({ hours: 1 });
    expect(okPosts().filter((c) => JSON.stringify(c.args).includes(nudge.id))).toHaveLength(1);
  });

  it('takes channel_not_found as final: dead at once with the reason, and the manager told by e-mail', async () => {
    s.slack.failNext(1, { kind: 'slack_error', error: 'channel_not_found' }, 'chat.postMessage');
    const mailsBefore = s.smtp.messages.length;

    const meeting = await s.missNextMeeting();

    const nudge = await slackNudgeOf(meeting.id);
    expect(nudge).toMatchObject({ status: 'dead', attempts: 1, lastError: 'channel_not_found' });
    const [notice] = await s.messages(`purpose=delivery_failed&touchpointId=${meeting.id}`);
    expect(notice).toMatchObject({ channel: 'email', recipient: 'jim@acme.example', status: 'sent' });
    const mail = s.smtp.messages
      .slice(mailsBefore)
      .find((m) => (m.parsed.subject ?? '').startsWith('Could not deliver: '));
    expect(mail?.recipients).toEqual(['jim@acme.example']);
    expect(mail?.parsed.text).toContain('Why: channel_not_found');
    expect(mail?.parsed.text).toContain(`To: ${MANAGER_SLACK_ID}`);

    await s.advanceBy({ hours: 1 });
    expect(await slackNudgeOf(meeting.id)).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('retries a 500 with backoff, then delivers', async () => {
    s.slack.failNext(1, { kind: 'http_error', status: 500 }, 'chat.postMessage');

    const meeting = await s.missNextMeeting();

    const refused = posts().at(-1);
    expect(refused?.status).toBe(500);
    const nudge = await slackNudgeOf(meeting.id);
    expect(nudge).toMatchObject({ status: 'failed', attempts: 1, lastError: 'http_500' });
    expect(at(nudge.nextAttemptAt) - (refused?.at ?? 0)).toBe(30_000);

    await s.advance(nudge.nextAttemptAt);
    expect(await slackNudgeOf(meeting.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(posts().at(-1)?.at).toBe(at(nudge.nextAttemptAt));
  });

  it('backs off further with every attempt that fails', async () => {
    s.slack.failNext(3, { kind: 'http_error', status: 503 }, 'chat.postMessage');

    const meeting = await s.missNextMeeting();
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const nudge = await slackNudgeOf(meeting.id);
      expect(nudge).toMatchObject({ status: 'failed', attempts: attempt });
      gaps.push(at(nudge.nextAttemptAt) - (posts().at(-1)?.at ?? 0));
      await s.advance(nudge.nextAttemptAt);
    }

    expect(gaps).toEqual([30_000, 60_000, 120_000]);
    expect(await slackNudgeOf(meeting.id)).toMatchObject({ status: 'sent', attempts: 4 });
  });

  it('sends two nudges due at one instant to one person a second apart, both of them', async () => {
    const first = await s.missNextMeeting();
    await s.advanceBy({ hours: 1 });
    const before = okPosts().length;

    // No afterEach in between: the second miss in a row adds a nudge of its own to the meeting's.
    const second = await s.missNextMeeting();
    await s.advanceBy({ seconds: 1 });

    expect(first.status).toBe('missed');
    const nudges = (await s.nudges(second.id)).filter((m) => m.channel === 'slack');
    expect(nudges).toHaveLength(2);
    expect(nudges.map((m) => m.status)).toEqual(['sent', 'sent']);
    expect(nudges.map((m) => m.attempts)).toEqual([1, 1]);
    const sent = okPosts().slice(before);
    expect(sent).toHaveLength(2);
    expect((sent[1]?.at ?? 0) - (sent[0]?.at ?? 0)).toBe(1_000);
  });
});
