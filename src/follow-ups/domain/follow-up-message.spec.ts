import { DateTime } from 'luxon';
import { buildNudgeMessage, type Nudge } from '../../notifications/slack/nudge.blocks';
import { buildFollowUpMessage, type FollowUpMessageInput, type FollowUpSubject } from './follow-up-message';
import { TRIGGERS } from './playbook.types';

const subject: FollowUpSubject = {
  engagementName: 'Acme × Manila CX',
  vendorName: 'Manila CX Partners',
  touchpointId: 'tp-1',
  touchpointKind: 'status_report',
  touchpointTitle: 'Weekly status',
  dueAt: DateTime.fromISO('2027-04-08T17:00', { zone: 'Asia/Manila' }),
  reportUrl: 'https://cadence.example/r/abc',
};

const toVendor: FollowUpMessageInput = {
  trigger: 'report_late',
  role: 'vendor_contact',
  channel: 'email',
  template: 'notice',
  subject,
  readerTimeZone: 'Asia/Manila',
};

const toManager: FollowUpMessageInput = {
  ...toVendor,
  role: 'account_manager',
  channel: 'slack_dm',
  readerTimeZone: 'America/New_York',
  next: { role: 'executive', dueAt: DateTime.fromISO('2027-04-12T13:00Z') },
};

describe('buildFollowUpMessage', () => {
  it('tells the vendor contact what happened in their own time, and how to send the report', () => {
    expect(buildFollowUpMessage(toVendor)).toMatchObject({
      title: 'Weekly status not received yet',
      whatHappened:
        'Your Weekly status for Acme × Manila CX was due Thu 8 Apr 17:00 GMT+8 and has not arrived yet.',
      whatToDo:
        'Please send the report through your personal link: https://cadence.example/r/abc. A late report is still welcome.',
    });
  });

  it('never tells a vendor contact who is told next', () => {
    const message = buildFollowUpMessage({
      ...toVendor,
      next: { role: 'executive', dueAt: DateTime.fromISO('2027-04-12T13:00Z') },
    });
    expect(JSON.stringify(message)).not.toContain('executive');
  });

  it('tells the account manager in their zone, and what the playbook does next', () => {
    const message = buildFollowUpMessage(toManager);
    expect(message.title).toBe('Weekly status from Manila CX Partners is late');
    expect(message.whatHappened).toBe(
      'The Weekly status from Manila CX Partners was due Thu 8 Apr 05:00 GMT-4 and has not arrived.',
    );
    expect(message.whyItMatters).toContain(
      'If nothing changes, Cadence tells the executive Mon 12 Apr 09:00 GMT-4.',
    );
  });

  it('marks a reminder and an escalation in the title', () => {
    expect(buildFollowUpMessage({ ...toVendor, template: 'reminder' }).title).toBe(
      'Reminder: Weekly status not received yet',
    );
    expect(
      buildFollowUpMessage({ ...toManager, role: 'executive', channel: 'email', template: 'escalation' })
        .title,
    ).toBe('Escalated: Weekly status from Manila CX Partners is late');
  });

  it('uses the playbook’s own text as the thing to do', () => {
    expect(buildFollowUpMessage({ ...toManager, text: 'Call Maria on her mobile.' }).whatToDo).toBe(
      'Call Maria on her mobile.',
    );
  });

  it('says when no playbook rule covers the case, and asks to decide and extend the playbook', () => {
    const message = buildFollowUpMessage({
      ...toManager,
      trigger: 'meeting_missed',
      uncovered: true,
      subject: { ...subject, touchpointKind: 'meeting', touchpointTitle: 'Weekly sync' },
    });
    expect(message.title).toBe('No playbook rule: a missed meeting');
    expect(message.whatToDo).toContain('No playbook rule covers this; please decide');
    expect(message.whatToDo).toContain('extend the playbook');
    expect(message.nudge.escalated).toBe(true);
    expect(message.whyItMatters).not.toContain('If nothing changes');
  });

  it('tells a backup whom they stand in for, and the account manager why a step meant for another role came to them', () => {
    expect(buildFollowUpMessage({ ...toManager, standingInFor: 'Jim Park' }).whatHappened).toContain(
      'You receive this as the backup of Jim Park, who is away.',
    );
    expect(buildFollowUpMessage({ ...toManager, reroutedFrom: 'executive' }).whatHappened).toContain(
      'It was meant for the executive, but the engagement has none, so it comes to you.',
    );
  });

  it('quotes an unanswered ask, clipped, and the health bands in words', () => {
    const ask = buildFollowUpMessage({
      ...toManager,
      trigger: 'ask_unanswered',
      subject: {
        ...subject,
        ask: {
          text: `Approve script v3 ${'please '.repeat(60)}`,
          askedAt: DateTime.fromISO('2027-04-05T02:00Z'),
        },
      },
    });
    expect(ask.whatHappened).toMatch(
      /^The ask “Approve script v3 please .*…” from Manila CX Partners, made Sun 4 Apr 22:00 GMT-4, has not been answered\.$/,
    );
    const health = buildFollowUpMessage({
      ...toManager,
      trigger: 'health_band_worsened',
      subject: { ...subject, health: { band: 'at_risk', previousBand: 'watch', score: 52, trend: -9 } },
    });
    expect(health.title).toBe('Health of Acme × Manila CX is now at risk');
    expect(health.whatHappened).toBe(
      'The health of Acme × Manila CX moved from watch to at risk (score 52, -9 on last week).',
    );
    expect(health.nudge.health).toEqual({ band: 'at_risk', score: 52, trend: -9 });
  });

  it('has words for every trigger and every audience', () => {
    for (const trigger of TRIGGERS) {
      for (const role of ['vendor_contact', 'account_manager', 'executive', 'slack_channel'] as const) {
        const message = buildFollowUpMessage({
          ...toManager,
          trigger,
          role,
          channel: role === 'slack_channel' ? 'slack_channel' : 'email',
        });
        for (const part of [message.title, message.whatHappened, message.whyItMatters, message.whatToDo]) {
          expect(part.trim().length).toBeGreaterThan(10);
          expect(part).not.toMatch(/undefined|null|NaN/);
        }
      }
    }
  });

  it('gives the Slack nudge builder everything it needs but the outbox message id', () => {
    const message = buildFollowUpMessage({
      ...toManager,
      trigger: 'meeting_missed',
      subject: { ...subject, touchpointKind: 'meeting', touchpointTitle: 'Weekly sync' },
    });
    // Type-checked: the nudge plus a message id is a Nudge.
    const nudge: Nudge = { ...message.nudge, messageId: 'msg-1' };
    expect(nudge).toMatchObject({
      touchpointId: 'tp-1',
      touchpointKind: 'meeting',
      engagementName: 'Acme × Manila CX',
      headline: 'Weekly sync not marked held',
      dueAt: '2027-04-08T09:00:00.000Z',
      reportUrl: 'https://cadence.example/r/abc',
    });
    expect(nudge.whyItMatters).toContain(message.whatToDo);
    expect(Object.keys(nudge)).not.toContain('whatToDo');
    const blocks = JSON.stringify(buildNudgeMessage(nudge).blocks);
    expect(blocks).toContain('Mark the meeting held with the button below');
  });
});
