import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import {
  NUDGE_ACTION_IDS,
  type Nudge,
  buildNudgeMessage,
  decodeNudgeActionValue,
  encodeNudgeActionValue,
  nudgeOutcomeText,
  replaceNudgeActions,
  retargetNudgeBlocks,
} from './nudge.blocks';
import { mrkdwn } from './slack-text';

const HOSTILE = '<!channel> <https://evil.example|Open report> & <@U0BOSS>';

const meetingNudge: Nudge = {
  messageId: 'msg-42',
  touchpointId: 'tp-7',
  touchpointKind: 'meeting',
  engagementName: 'Acme × Manila CX',
  headline: 'Weekly sync not marked held',
  whatHappened: 'The weekly sync on Tue 9 Mar was not marked held.',
  whyItMatters: 'It is the second miss in a row; health slid to watch.',
  dueAt: '2027-03-09T14:00:00Z',
  health: { band: 'watch', score: 64, trend: -9 },
  reportUrl: 'https://cadence.example/engagements/e1/report',
};

function buttons(blocks: KnownBlock[] | undefined): Button[] {
  const actions = blocks?.find((b): b is ActionsBlock => b.type === 'actions');
  return (actions?.elements ?? []) as Button[];
}

describe('buildNudgeMessage', () => {
  it('says what happened and why it matters, with the four buttons for a meeting', () => {
    const message = buildNudgeMessage(meetingNudge);
    const json = JSON.stringify(message.blocks);

    expect(message.text).toBe('Acme × Manila CX: Weekly sync not marked held');
    expect(json).toContain('*What happened*');
    expect(json).toContain('*Why it matters*');
    expect(json).toContain(':large_yellow_circle: Watch · 64 (▼ 9)');
    expect(buttons(message.blocks).map((b) => [b.action_id, b.text.text])).toEqual([
      [NUDGE_ACTION_IDS.markHeld, 'Mark meeting held'],
      [NUDGE_ACTION_IDS.snooze, 'Snooze until tomorrow'],
      [NUDGE_ACTION_IDS.acknowledge, 'Acknowledge'],
      [NUDGE_ACTION_IDS.openReport, 'Open report'],
    ]);
  });

  it('carries the message and touchpoint ids in every button value, and the report URL in its button', () => {
    const all = buttons(buildNudgeMessage(meetingNudge).blocks);

    for (const button of all) {
      expect(decodeNudgeActionValue(button.value)).toEqual({ messageId: 'msg-42', touchpointId: 'tp-7' });
    }
    expect(all.find((b) => b.action_id === NUDGE_ACTION_IDS.openReport)?.url).toBe(meetingNudge.reportUrl);
  });

  it('offers no "Mark meeting held" for a status report', () => {
    const ids = buttons(buildNudgeMessage({ ...meetingNudge, touchpointKind: 'status_report' }).blocks).map(
      (b) => b.action_id,
    );

    expect(ids).not.toContain(NUDGE_ACTION_IDS.markHeld);
    expect(ids).toContain(NUDGE_ACTION_IDS.snooze);
  });

  it('drops an "Open report" URL that is not http(s)', () => {
    const ids = buttons(buildNudgeMessage({ ...meetingNudge, reportUrl: 'javascript:alert(1)' }).blocks).map(
      (b) => b.action_id,
    );

    expect(ids).not.toContain(NUDGE_ACTION_IDS.openReport);
  });

  it('escapes user text everywhere, so no mention or link can be injected', () => {
    const message = buildNudgeMessage({
      ...meetingNudge,
      engagementName: HOSTILE,
      headline: HOSTILE,
      whatHappened: HOSTILE,
      whyItMatters: HOSTILE,
    });
    const everything = message.text + JSON.stringify(message.blocks);

    expect(everything).not.toContain('<!channel>');
    expect(everything).not.toContain('<https://evil');
    expect(everything).not.toContain('<@U0BOSS>');
    expect(everything).toContain(
      '&lt;!channel&gt; &lt;https://evil.example|Open report&gt; &amp; &lt;@U0BOSS&gt;',
    );
  });

  it('says when the case was escalated because no playbook rule covered it', () => {
    expect(JSON.stringify(buildNudgeMessage({ ...meetingNudge, escalated: true }).blocks)).toContain(
      'No playbook rule covers this case',
    );
  });

  it('keeps long user text within Block Kit limits', () => {
    const message = buildNudgeMessage({ ...meetingNudge, whatHappened: '&'.repeat(5000) });
    const texts = (message.blocks ?? []).flatMap((b) =>
      b.type === 'section' && b.text ? [b.text.text] : [],
    );

    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(3000);
  });
});

describe('nudge action values', () => {
  it('round-trip and reject anything that is not ours', () => {
    const value = encodeNudgeActionValue({ messageId: 'm', touchpointId: 't' });

    expect(decodeNudgeActionValue(value)).toEqual({ messageId: 'm', touchpointId: 't' });
    expect(decodeNudgeActionValue('not json')).toBeUndefined();
    expect(decodeNudgeActionValue('{"m":1,"t":"t"}')).toBeUndefined();
    expect(decodeNudgeActionValue(undefined)).toBeUndefined();
  });
});

describe('after an action', () => {
  it('replaces the buttons with one line on what was done', () => {
    const original = buildNudgeMessage(meetingNudge).blocks;
    const line = nudgeOutcomeText(
      'mark_held',
      { engagementName: 'Acme', touchpointTitle: 'Weekly sync', alreadyDone: false },
      'U0MARIA',
    );

    const blocks = replaceNudgeActions(original, line);

    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      block_id: 'cadence.nudge.outcome',
      elements: [{ type: 'mrkdwn', text: ':white_check_mark: <@U0MARIA> marked *Weekly sync* held.' }],
    });
    expect(blocks).toHaveLength((original?.length ?? 0) - 1 + 1);
  });

  it('does not stack outcome lines, and survives a payload without blocks', () => {
    const once = replaceNudgeActions(undefined, mrkdwn`first`);
    const twice = replaceNudgeActions(once, mrkdwn`second`);

    expect(twice).toHaveLength(1);
    expect(JSON.stringify(twice)).toContain('second');
  });

  it('shows the snooze end in the reader’s zone and escapes the title', () => {
    const line = nudgeOutcomeText(
      'snooze',
      { engagementName: 'Acme', touchpointTitle: '<b>', alreadyDone: false, until: '2027-03-10T14:00:00Z' },
      'U0MARIA',
    );
    const held = nudgeOutcomeText(
      'mark_held',
      { engagementName: 'A', touchpointTitle: '<b>', alreadyDone: true },
      'U0MARIA',
    );

    expect(line.text).toContain('<!date^');
    expect(held.text).toBe(':white_check_mark: *&lt;b&gt;* was already marked held.');
  });
});

describe('retargetNudgeBlocks', () => {
  it('points every button of a copy at the new message and keeps the rest as it was', () => {
    const original = buildNudgeMessage(meetingNudge).blocks ?? [];

    const copy = retargetNudgeBlocks(original, 'msg-43') as KnownBlock[];

    for (const button of buttons(copy)) {
      expect(decodeNudgeActionValue(button.value)).toEqual({ messageId: 'msg-43', touchpointId: 'tp-7' });
    }
    expect(copy.filter((b) => b.type !== 'actions')).toEqual(original.filter((b) => b.type !== 'actions'));
    expect(buttons(original).map((b) => decodeNudgeActionValue(b.value)?.messageId)).not.toContain('msg-43');
  });

  it('leaves blocks that are not ours untouched', () => {
    const foreign = [{ type: 'actions', elements: [{ type: 'button', value: 'not-ours' }] }, 'junk', null];

    expect(retargetNudgeBlocks(foreign, 'msg-43')).toEqual(foreign);
  });
});
