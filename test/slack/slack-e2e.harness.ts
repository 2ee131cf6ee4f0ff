/**
 * Cadence as it runs, with Slack: the real app on 127.0.0.1 (manual clock,
 * fresh SQLite or PostgreSQL database), the local fake Slack Web API behind
 * SLACK_API_URL, and a fake SMTP server. An engagement whose London account
 * manager is in Slack meets its Warsaw vendor every Wednesday; a helper lets
 * one of those meetings go by unmarked, so the follow-ups nudge for real.
 */
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { decodeNudgeActionValue } from '../../src/notifications/slack/nudge.blocks';
import { SlackEventsMount } from '../../src/slack/slack-events.mount';
import { type CreatedPerson, newEngagement, newPerson, PLACES } from '../factories/people.factory';
import { FakeSlackApi, type PostedMessage } from '../fakes/slack-api.fake';
import { blockActionRequest, type SlackRequestBody } from '../fakes/slack-payloads';
import { FakeSmtpServer } from '../fakes/smtp.fake';
import { type SignedHeadersOptions, TEST_SIGNING_SECRET, signedSlackHeaders } from '../support/slack-signing';
import { type HttpResult, TestApp } from '../support/test-app';

export const MANAGER_SLACK_ID = 'U0JIMLONDON';
export const EXECUTIVE_SLACK_ID = 'U0EVELONDON';
export const STRANGER_SLACK_ID = 'U0STRANGER';

export interface MessageBody {
  id: string;
  channel: 'email' | 'slack';
  purpose: string;
  idempotencyKey: string;
  followUpTrigger: string | null;
  recipient: string;
  recipientPersonId: string | null;
  touchpointId: string | null;
  status: string;
  attempts: number;
  dueAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
  lastError: string | null;
  summary: string;
}

export interface TouchpointBody {
  id: string;
  status: string;
  scheduledAt: string;
  endsAt: string | null;
  heldAt: string | null;
}

export interface SlackScenarioOptions {
  /** False: no Slack credentials at all (Slack is off). */
  slack?: boolean;
  /** The engagement's own playbook (PUT /engagements/:id/playbook). */
  playbook?: unknown;
}

export class SlackScenario {
  private clicks = 0;

  private constructor(
    readonly app: TestApp,
    readonly slack: FakeSlackApi,
    readonly smtp: FakeSmtpServer,
    readonly engagementId: string,
    readonly manager: CreatedPerson,
    readonly executive: CreatedPerson,
  ) {}

  static async start(options: SlackScenarioOptions = {}): Promise<SlackScenario> {
    let clockMs = (): number => Date.now();
    // Calls are recorded on Cadence's clock, so a test can say "not before 30 s had passed".
    const slack = await FakeSlackApi.start({
      users: [MANAGER_SLACK_ID, EXECUTIVE_SLACK_ID, STRANGER_SLACK_ID],
      now: () => clockMs(),
    });
    const smtp = await FakeSmtpServer.start();
    const env: Record<string, string> = { SMTP_URL: smtp.url };
    if (options.slack !== false) {
      env['SLACK_BOT_TOKEN'] = slack.token;
      env['SLACK_SIGNING_SECRET'] = TEST_SIGNING_SECRET;
      env['SLACK_API_URL'] = slack.baseUrl;
    }
    const app = await TestApp.start({ env, clockStart: '2027-03-01T06:00:00Z' });
    clockMs = () => app.clock.now().toMillis();

    const created = await newEngagement(app, {
      name: 'Acme × Warsaw <Ops> & Co',
      accountManager: {
        role: 'account_manager',
        ...PLACES.london,
        name: 'Jim Halpert',
        email: 'jim@acme.example',
        slackUserId: MANAGER_SLACK_ID,
      },
      vendorContact: { role: 'vendor_contact', ...PLACES.warsaw, email: 'ola@warsaw.example' },
      executive: {
        role: 'executive',
        ...PLACES.london,
        name: 'Eve Moneypenny',
        email: 'eve@acme.example',
        slackUserId: EXECUTIVE_SLACK_ID,
      },
    });
    // Someone in the same Slack who has nothing to do with this engagement.
    await newPerson(app, { role: 'account_manager', ...PLACES.london, slackUserId: STRANGER_SLACK_ID });
    const engagementId = created.engagement.id;
    if (options.playbook !== undefined) {
      const put = await app.api('PUT', `/api/v1/engagements/${engagementId}/playbook`, options.playbook);
      if (put.status !== 200) throw new Error(`playbook refused: ${put.status} ${put.text}`);
    }
    const cadence = await app.api('POST', `/api/v1/engagements/${engagementId}/cadences`, {
      kind: 'meeting',
      title: 'Weekly sync',
      frequency: 'weekly',
      durationMinutes: 45,
      preferredWeekdays: ['wed'],
    });
    if (cadence.status !== 201) throw new Error(`cadence refused: ${cadence.status} ${cadence.text}`);
    const scenario = new SlackScenario(
      app,
      slack,
      smtp,
      engagementId,
      created.accountManager,
      created.executive as CreatedPerson,
    );
    // Invites and the like go out now, so later assertions only see what the test caused.
    await scenario.advance(app.clock.now().toISO());
    return scenario;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.slack.close();
    await this.smtp.close();
  }

  get dataSource(): DataSource {
    return this.app.app.get(DataSource);
  }

  /** Moves the manual clock and runs everything that falls due on the way. */
  async advance(iso: string): Promise<void> {
    await this.app.advanceClock(iso);
  }

  async advanceBy(duration: { seconds?: number; minutes?: number; hours?: number }): Promise<void> {
    await this.advance(this.app.clock.now().plus(duration).toUTC().toISO());
  }

  /** The engagement's meetings, in order. */
  async meetings(): Promise<TouchpointBody[]> {
    const result = await this.app.api<TouchpointBody[]>(
      'GET',
      `/api/v1/engagements/${this.engagementId}/touchpoints?from=2027-02-22&to=2027-06-30&kind=meeting`,
    );
    return result.body;
  }

  async touchpoint(id: string): Promise<TouchpointBody> {
    return (await this.app.api<TouchpointBody>('GET', `/api/v1/touchpoints/${id}`)).body;
  }

  /**
   * Lets the next meeting from now go by without anyone marking it held: the
   * clock moves past its end plus grace, the detection fires `meeting_missed`,
   * and the nudges it queues that are due at once go out. Returns the meeting.
   */
  async missNextMeeting(): Promise<TouchpointBody> {
    const now = this.app.clock.now();
    const meeting = (await this.meetings()).find(
      (m) => m.status === 'scheduled' && DateTime.fromISO(m.scheduledAt) > now,
    );
    if (meeting === undefined) throw new Error('no meeting ahead');
    const graceMinutes = this.app.config.followUps.meetingGraceMinutes;
    const checkAt = DateTime.fromISO(meeting.endsAt ?? meeting.scheduledAt).plus({ minutes: graceMinutes });
    await this.advance(checkAt.toUTC().toISO() ?? '');
    const missed = await this.touchpoint(meeting.id);
    if (missed.status !== 'missed') throw new Error(`the meeting is ${missed.status}, not missed`);
    return missed;
  }

  /** Follow-up messages about a touchpoint, oldest first. */
  async nudges(touchpointId: string): Promise<MessageBody[]> {
    const result = await this.app.api<{ items: MessageBody[] }>(
      'GET',
      `/api/v1/messages?touchpointId=${touchpointId}&purpose=nudge&limit=200`,
    );
    return result.body.items;
  }

  async messages(query: string): Promise<MessageBody[]> {
    const result = await this.app.api<{ items: MessageBody[] }>('GET', `/api/v1/messages?${query}&limit=200`);
    return result.body.items;
  }

  /** Posts to /slack/events, signed like Slack (override anything through `sign`). */
  async postToSlackEvents(body: SlackRequestBody, sign: SignedHeadersOptions = {}): Promise<HttpResult> {
    const headers = signedSlackHeaders(body.rawBody, { contentType: body.contentType, ...sign });
    return this.app.fetch('/slack/events', { method: 'POST', headers, body: body.rawBody });
  }

  /** Waits for the work Slack was already answered for (a click's effect, a Home tab publish). */
  async drainSlack(): Promise<void> {
    await this.app.app.get(SlackEventsMount).drain();
  }

  /**
   * Clicks a button of a posted nudge as `userId` (signed like Slack), waits for its effect and
   * answers what Cadence posted back to the click's response URL.
   */
  async clickNudge(
    actionId: string,
    on: PostedMessage,
    userId = MANAGER_SLACK_ID,
  ): Promise<Record<string, unknown>> {
    this.clicks += 1;
    const hook = `click-${this.clicks}`;
    const res = await this.postToSlackEvents(
      blockActionRequest({
        actionId,
        value: nudgeButtons(on)[0]?.value ?? '',
        userId,
        responseUrl: this.slack.responseUrl(hook),
        message: { text: on.text ?? '', blocks: on.blocks ?? [] },
      }),
    );
    if (res.status !== 200) throw new Error(`the click was answered ${res.status}`);
    await this.drainSlack();
    const reply = this.slack.responseUrlPosts.find((p) => p.hook === hook);
    if (reply === undefined) throw new Error('Cadence did not answer the click');
    return reply.body;
  }

  /** DMs the fake received for `slackUserId`. */
  dmsTo(slackUserId: string): PostedMessage[] {
    return this.slack.messages.filter((m) => m.channel === `D${slackUserId.slice(1)}`);
  }
}

/** The buttons of a posted nudge. */
export function nudgeButtons(message: PostedMessage): Button[] {
  const blocks = (message.blocks ?? []) as KnownBlock[];
  const actions = blocks.find((b): b is ActionsBlock => b.type === 'actions');
  return (actions?.elements ?? []) as Button[];
}

/** The outbox message id a posted nudge's buttons act on. */
export function nudgeMessageId(message: PostedMessage): string {
  const [first] = nudgeButtons(message);
  const ids = decodeNudgeActionValue(first?.value);
  if (ids === undefined) throw new Error('the message carries no nudge buttons');
  return ids.messageId;
}
