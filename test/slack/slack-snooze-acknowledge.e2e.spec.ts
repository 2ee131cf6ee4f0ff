import { DataSource } from 'typeorm';
import { NUDGE_ACTION_IDS } from '../../src/notifications/slack/nudge.blocks';
import type { PostedMessage } from '../fakes/slack-api.fake';
import {
  EXECUTIVE_SLACK_ID,
  MANAGER_SLACK_ID,
  type MessageBody,
  STRANGER_SLACK_ID,
  SlackScenario,
  type TouchpointBody,
  nudgeMessageId,
} from './slack-e2e.harness';

/**
 * The engagement's own playbook for a missed meeting: the account manager
 * hears in Slack at once and by e-mail a working day later, and so does the
 * executive (by e-mail), so "only that person" can be seen.
 */
const PLAYBOOK = {
  steps: {
    meeting_missed: [
      { after: '0', to: 'account_manager', via: 'slack_dm' },
      { after: '1 client working day', to: 'account_manager', via: 'email' },
      { after: '1 client working day', to: 'executive', via: 'email' },
    ],
  },
};

describe('Slack: snooze brings a nudge back next working morning; acknowledge stops nudging that person', () => {
  let s: SlackScenario;
  let meeting: TouchpointBody;
  let dm: PostedMessage;

  const click = (actionId: string, on: PostedMessage, userId?: string) => s.clickNudge(actionId, on, userId);
  const nudges = (): Promise<MessageBody[]> => s.nudges(meeting.id);
  const byKey = async (prefix: string): Promise<MessageBody[]> =>
    (await nudges()).filter((m) => m.idempotencyKey.startsWith(prefix));

  beforeAll(async () => {
    s = await SlackScenario.start({ playbook: PLAYBOOK });
    meeting = await s.missNextMeeting();
    const [first] = s.dmsTo(MANAGER_SLACK_ID);
    if (first === undefined) throw new Error('no DM reached the fake Slack');
    dm = first;
  });
  afterAll(async () => {
    await s.close();
  });

  it('missed the Wednesday meeting: one DM now, two e-mails queued for Thursday afternoon', async () => {
    expect(s.app.clock.now().toISO()).toBe('2027-03-03T14:15:00.000Z');
    const all = await nudges();
    expect(all.map((m) => [m.channel, m.recipient, m.status, m.dueAt]).sort()).toEqual([
      ['email', 'eve@acme.example', 'queued', '2027-03-04T14:15:00.000Z'],
      ['email', 'jim@acme.example', 'queued', '2027-03-04T14:15:00.000Z'],
      ['slack', MANAGER_SLACK_ID, 'sent', '2027-03-03T14:15:00.000Z'],
    ]);
  });

  it('refuses someone with no part in the engagement, and changes nothing', async () => {
    const before = await nudges();

    const reply = await click(NUDGE_ACTION_IDS.snooze, dm, STRANGER_SLACK_ID);

    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply['text'])).toContain(
      'you are not the account manager, the executive or a client contact of Acme × Warsaw &lt;Ops&gt; &amp; Co',
    );
    expect(await nudges()).toEqual(before);
  });

  it('snoozes to the manager’s next working morning as a copy; the nudge in Slack stays as it went', async () => {
    const reply = await click(NUDGE_ACTION_IDS.snooze, dm);

    expect(JSON.stringify(reply)).toContain(
      `:zzz: <@${MANAGER_SLACK_ID}> snoozed this until <!date^1804150800^{date_short_pretty} at {time}|Thu 4 Mar 2027, 09:00 UTC>.`,
    );
    const original = (await nudges()).find((m) => m.id === nudgeMessageId(dm));
    expect(original).toMatchObject({ channel: 'slack', status: 'sent', attempts: 1 });
    const copies = await byKey('snooze:');
    expect(copies).toEqual([
      expect.objectContaining({
        idempotencyKey: `snooze:${nudgeMessageId(dm)}`,
        channel: 'slack',
        recipient: MANAGER_SLACK_ID,
        status: 'queued',
        dueAt: '2027-03-04T09:00:00.000Z',
      }),
    ]);
  });

  it('takes a second Snooze on the same nudge as done: still one copy', async () => {
    const reply = await click(NUDGE_ACTION_IDS.snooze, dm);

    expect(JSON.stringify(reply)).toContain('Thu 4 Mar 2027, 09:00 UTC');
    expect(await byKey('snooze:')).toHaveLength(1);
  });

  it('brings the nudge back at 09:00 in London, its buttons acting on the copy', async () => {
    await s.advance('2027-03-04T08:59:59Z');
    expect(s.dmsTo(MANAGER_SLACK_ID)).toHaveLength(1);

    await s.advance('2027-03-04T09:00:00Z');

    const dms = s.dmsTo(MANAGER_SLACK_ID);
    expect(dms).toHaveLength(2);
    const [copy] = await byKey('snooze:');
    expect(copy).toMatchObject({ status: 'sent', sentAt: '2027-03-04T09:00:00.000Z' });
    expect(nudgeMessageId(dms[1])).toBe(copy?.id);
    expect(dms[1]?.text).toBe(dm.text);
  });

  it('acknowledging cancels the manager’s own queued nudges about it, and only theirs', async () => {
    const comeBack = s.dmsTo(MANAGER_SLACK_ID)[1];

    const reply = await click(NUDGE_ACTION_IDS.acknowledge, comeBack);

    expect(JSON.stringify(reply)).toContain(`:eyes: <@${MANAGER_SLACK_ID}> acknowledged this.`);
    const emails = (await nudges()).filter((m) => m.channel === 'email');
    expect(emails.map((m) => [m.recipient, m.status]).sort()).toEqual([
      ['eve@acme.example', 'queued'],
      ['jim@acme.example', 'cancelled'],
    ]);
    const rows = await s.app.app
      .get(DataSource)
      .query<{ person_id: string; message_id: string }[]>(
        'SELECT person_id, message_id FROM nudge_acknowledgement',
      );
    expect(rows).toEqual([{ person_id: s.manager.id, message_id: nudgeMessageId(comeBack) }]);

    const mailsBefore = s.smtp.messages.length;
    await s.advance('2027-03-04T15:00:00Z');
    expect(s.smtp.messages.slice(mailsBefore).flatMap((m) => m.recipients)).toEqual(['eve@acme.example']);
  });

  it('says so when it was acknowledged already', async () => {
    const reply = await click(NUDGE_ACTION_IDS.acknowledge, dm);

    expect(JSON.stringify(reply)).toContain(':eyes: This was already acknowledged.');
  });

  it('lets the executive mark the meeting held from the same nudge', async () => {
    const reply = await click(NUDGE_ACTION_IDS.markHeld, dm, EXECUTIVE_SLACK_ID);

    expect(JSON.stringify(reply)).toContain(`<@${EXECUTIVE_SLACK_ID}> marked *Weekly sync* held.`);
    expect((await s.touchpoint(meeting.id)).status).toBe('held');
  });

  it('has nothing left to snooze once the meeting is held, and says why', async () => {
    const comeBack = s.dmsTo(MANAGER_SLACK_ID)[1];

    const reply = await click(NUDGE_ACTION_IDS.snooze, comeBack);

    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(String(reply['text'])).toContain(
      'Weekly sync of Acme × Warsaw &lt;Ops&gt; &amp; Co is held now; there is nothing left to be reminded of.',
    );
    expect(await byKey('snooze:')).toHaveLength(1);
  });
});
