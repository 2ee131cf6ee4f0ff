import { DataSource } from 'typeorm';
import { JsonLogger } from '../../src/core/logging/json-logger';
import { OutboxService } from '../../src/notifications/outbox/outbox.service';
import { eventCallbackRequest, appHomeOpenedEvent } from '../fakes/slack-payloads';
import { MANAGER_SLACK_ID, SlackScenario } from './slack-e2e.harness';

/** What the app logged at info level about Slack, while `start` ran. */
async function slackStartupLines(start: () => Promise<SlackScenario>): Promise<{
  scenario: SlackScenario;
  lines: string[];
}> {
  const spy = jest.spyOn(JsonLogger.prototype, 'log');
  try {
    const scenario = await start();
    const lines = spy.mock.calls
      .filter(([, context]) => context === 'Slack')
      .map(([message]) => (typeof message === 'string' ? message : JSON.stringify(message)));
    return { scenario, lines };
  } finally {
    spy.mockRestore();
  }
}

describe('Slack off: no credentials, so the Slack steps go by e-mail', () => {
  let s: SlackScenario;
  let startupLines: string[];

  beforeAll(async () => {
    const started = await slackStartupLines(() => SlackScenario.start({ slack: false }));
    s = started.scenario;
    startupLines = started.lines;
  });
  afterAll(async () => {
    await s.close();
  });

  it('says once at start-up that Slack is off and nudges go by e-mail', () => {
    expect(startupLines).toEqual([
      'Slack is off (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set): nudges meant for Slack go by e-mail, and POST /slack/events answers 404',
    ]);
  });

  it('answers POST /slack/events with 404 saying Slack is not configured', async () => {
    const res = await s.postToSlackEvents(eventCallbackRequest(appHomeOpenedEvent(MANAGER_SLACK_ID)));

    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: {
        code: 'SLACK_NOT_CONFIGURED',
        message:
          'Slack is not configured on this Cadence (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET); nudges go by e-mail.',
      },
    });
  });

  it('leaves the API’s own error answers as they were', async () => {
    const res = await s.app.api('POST', '/api/v1/people', '[1]', {
      headers: { 'content-type': 'text/plain' },
    });

    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('sends the playbook’s Slack DM to the manager by e-mail instead', async () => {
    const meeting = await s.missNextMeeting();

    const now = s.app.clock.now().toUTC().toISO();
    const first = (await s.nudges(meeting.id)).find((m) => m.dueAt === now);
    expect(first).toMatchObject({
      channel: 'email',
      recipient: 'jim@acme.example',
      status: 'sent',
      sentAt: now,
    });
    expect((await s.messages('channel=slack')).length).toBe(0);
    const mail = s.smtp.messages.find((m) => m.parsed.subject === first?.summary);
    expect(mail?.recipients).toEqual(['jim@acme.example']);
    expect(mail?.parsed.text).toContain('Weekly sync');
    expect(s.slack.calls).toEqual([]);
  });

  it('delivers a Slack message queued before Slack was switched off by e-mail, saying so', async () => {
    const dataSource = s.app.app.get(DataSource);
    await dataSource.transaction((manager) =>
      s.app.app.get(OutboxService).enqueue(manager, {
        idempotencyKey: 'test:queued-while-slack-was-on',
        purpose: 'nudge',
        engagementId: s.engagementId,
        recipientPersonId: s.manager.id,
        recipient: MANAGER_SLACK_ID,
        summary: 'Queued while Slack was on',
        payload: {
          kind: 'slack',
          target: { kind: 'user', userId: MANAGER_SLACK_ID },
          text: 'Queued while Slack was on',
          blocks: [],
          emailFallback: {
            kind: 'email',
            to: [{ name: 'Jim Halpert', address: 'jim@acme.example' }],
            subject: 'Queued while Slack was on',
            html: '<p>Queued while Slack was on</p>',
            text: 'Queued while Slack was on',
          },
        },
      }),
    );

    await s.advanceBy({ seconds: 1 });

    const [message] = await s.messages('channel=slack');
    expect(message).toMatchObject({ status: 'sent', lastError: 'Slack is not configured: sent by e-mail' });
    expect(s.smtp.messages.filter((m) => m.parsed.subject === 'Queued while Slack was on')).toHaveLength(1);
    expect(s.slack.calls).toEqual([]);
  });
});

describe('Slack on: the start-up log says so', () => {
  it('says once that POST /slack/events takes Slack’s requests and where the Web API is', async () => {
    const { scenario, lines } = await slackStartupLines(() => SlackScenario.start());
    try {
      expect(lines).toEqual([
        `Slack is on: POST /slack/events takes events, buttons and /cadence; nudges go as DMs through ${scenario.slack.baseUrl}`,
      ]);
    } finally {
      await scenario.close();
    }
  });
});
