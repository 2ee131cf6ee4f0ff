import { Injectable } from '@nestjs/common';
import type { Person } from '../people/person.entity';
import { html, safeUrl, text } from '../notifications/email/html';
import { renderEmailLayout } from '../notifications/email/layout';
import type { EmailPayload, OutboxPayload } from '../notifications/outbox/outbox-payload';
import { buildNudgeMessage } from '../notifications/slack/nudge.blocks';
import { SlackSender } from '../notifications/slack/slack-sender';
import type { FollowUpMessage } from './domain/follow-up-message';
import type { DeliveryChannel } from './domain/playbook.types';

/** Turns a follow-up's words into an e-mail or a Slack message (with its e-mail fallback). */
@Injectable()
export class NudgeRenderer {
  constructor(private readonly slack: SlackSender) {}

  render(input: {
    messageId: string;
    channel: DeliveryChannel;
    slackChannel?: string;
    recipient: Person;
    message: FollowUpMessage;
  }): { payload: OutboxPayload; address: string } {
    const email = this.email(input.recipient, input.message);
    const slackTarget =
      input.channel === 'slack_channel' && input.slackChannel
        ? { kind: 'channel' as const, channelId: input.slackChannel }
        : input.channel === 'slack_dm' && input.recipient.slackUserId
          ? { kind: 'user' as const, userId: input.recipient.slackUserId }
          : null;
    // Without Slack (not configured, or the person has no Slack id) a Slack step goes by e-mail.
    if (slackTarget === null || !this.slack.enabled)
      return { payload: email, address: input.recipient.email };
    const slack = buildNudgeMessage({ ...input.message.nudge, messageId: input.messageId });
    return {
      payload: {
        kind: 'slack',
        target: slackTarget,
        text: slack.text,
        blocks: slack.blocks ?? [],
        emailFallback: email,
      },
      address: slackTarget.kind === 'user' ? slackTarget.userId : slackTarget.channelId,
    };
  }

  private email(recipient: Person, message: FollowUpMessage): EmailPayload {
    const link = message.nudge.reportUrl ? safeUrl(message.nudge.reportUrl) : null;
    const body = html` <h1 style="margin:0 0 12px;font-size:18px">${message.title}</h1>
      <p style="margin:0 0 12px">${message.whatHappened}</p>
      <p style="margin:0 0 12px">${message.whyItMatters}</p>
      <p style="margin:0 0 12px"><strong>${message.whatToDo}</strong></p>
      ${link ? html`<p style="margin:16px 0 0"><a href="${link}" style="color:#1d4ed8">Open the report form</a></p>` : null}`;
    return {
      kind: 'email',
      to: [{ name: recipient.name, address: recipient.email }],
      subject: message.title,
      html: renderEmailLayout({ title: message.title, body }),
      text: text`${message.title}

${message.whatHappened}

${message.whyItMatters}

${message.whatToDo}
${link ? `\nReport form: ${link}` : null}
`,
    };
  }
}
