import { NUDGE_ACTION_IDS } from '../../src/notifications/slack/nudge.blocks';
import type { PostedMessage } from '../fakes/slack-api.fake';
import { MANAGER_SLACK_ID, type MessageBody, SlackScenario, nudgeMessageId } from './slack-e2e.harness';

/**
 * A red report tells the account manager in Slack at once, and again by e-mail a working day
 * later. Unlike a late report's nudges, these stand after the report is in: the report being
 * red is the news.
 */
const PLAYBOOK = {
  steps: {
    red_status: [
      { after: '0', to: 'account_manager', via: 'slack_dm' },
      { after: '1 client working day', to: 'account_manager', via: 'email' },
    ],
    report_late: [{ after: '0', to: 'vendor_contact', via: 'email' }],
  },
};

const RED = {
  status: 'red',
  kpis: { close_rate: 7 },
  highlights: 'Two agents left; the queue doubled.',
  blockers: [{ text: 'Hiring freeze', status: 'open' }],
  asks: [],
  nextWeekPlan: 'Borrow agents from the day shift.',
};

interface ReportTouchpoint {
  id: string;
  kind: string;
  scheduledAt: string;
}

describe('Slack: a nudge about a red report can be snoozed, and its copy stands when the report is edited', () => {
  let s: SlackScenario;
  let report: ReportTouchpoint;
  let dm: PostedMessage;

  const nudges = (): Promise<MessageBody[]> => s.nudges(report.id);
  const submit = (body: typeof RED) => s.app.api('POST', `/api/v1/touchpoints/${report.id}/report`, body);

  beforeAll(async () => {
    s = await SlackScenario.start({ playbook: PLAYBOOK });
    const cadence = await s.app.api('POST', `/api/v1/engagements/${s.engagementId}/cadences`, {
      kind: 'status_report',
      title: 'Weekly status',
      frequency: 'weekly',
      due: { weekday: 'thu', time: '17:00' },
      startsOn: '2027-03-01',
    });
    expect(cadence.status).toBe(201);
    const touchpoints = await s.app.api<ReportTouchpoint[]>(
      'GET',
      `/api/v1/engagements/${s.engagementId}/touchpoints?from=2027-03-01&to=2027-03-07&kind=status_report`,
    );
    [report] = touchpoints.body;
    expect(report?.scheduledAt).toBe('2027-03-04T16:00:00Z');
    // Wednesday afternoon in London: the vendor sends its report a day early, and it is red.
    await s.advance('2027-03-03T14:00:00Z');
    expect((await submit(RED)).status).toBe(200);
    await s.advanceBy({ seconds: 1 });
    [dm] = s.dmsTo(MANAGER_SLACK_ID);
    if (dm === undefined) throw new Error('no DM about the red report');
  });
  afterAll(async () => {
    await s.close();
  });

  it('records what fired each follow-up', async () => {
    expect((await nudges()).map((m) => [m.channel, m.status, m.followUpTrigger]).sort()).toEqual([
      ['email', 'queued', 'red_status'],
      ['slack', 'sent', 'red_status'],
    ]);
  });

  it('snoozes it although the report is in, and the copy keeps its trigger', async () => {
    const reply = await s.clickNudge(NUDGE_ACTION_IDS.snooze, dm);

    expect(JSON.stringify(reply)).toContain(`:zzz: <@${MANAGER_SLACK_ID}> snoozed this until`);
    const copy = (await nudges()).find((m) => m.idempotencyKey === `snooze:${nudgeMessageId(dm)}`);
    expect(copy).toMatchObject({
      status: 'queued',
      followUpTrigger: 'red_status',
      dueAt: '2027-03-04T09:00:00.000Z',
    });
  });

  it('keeps the copy and the e-mail when the vendor edits the report', async () => {
    expect((await submit({ ...RED, highlights: 'Two agents left; one is back.' })).status).toBe(200);

    expect((await nudges()).filter((m) => m.status === 'cancelled')).toEqual([]);
    await s.advance('2027-03-04T09:00:00Z');
    // (The harness's Wednesday meeting went by unmarked too: that is another DM.)
    const aboutTheReport = s.dmsTo(MANAGER_SLACK_ID).filter((d) => d.text === dm.text);
    expect(aboutTheReport).toHaveLength(2);
    expect(nudgeMessageId(aboutTheReport[1])).toBe(
      (await nudges()).find((m) => m.idempotencyKey.startsWith('snooze:'))?.id,
    );
  });
});
