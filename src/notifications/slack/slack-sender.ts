import { Injectable } from '@nestjs/common';
import { Clock } from '../../core/clock/clock';
import { AppConfig } from '../../core/config/app-config';
import { EmailSender } from '../email/email-sender';
import type { ChannelSender, DeliveryResult } from '../outbox/delivery';
import type { OutboxMessage } from '../outbox/outbox-message.entity';
import { SlackNestLogger } from './slack-nest.logger';
import { SlackChannelPacer, slackPacingKey } from './slack-pacing';
import { SlackDeliveryError, SlackWebClient, slackApiBaseUrl } from './slack-web.client';
import type { KnownBlock } from '@slack/types';

/**
 * Delivers outbox Slack messages, one per second per channel at most; honours
 * Retry-After. Without Slack credentials every Slack message goes by e-mail.
 */
@Injectable()
export class SlackSender implements ChannelSender {
  readonly client: SlackWebClient | null;
  private readonly pacer = new SlackChannelPacer();

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
    private readonly email: EmailSender,
  ) {
    this.client =
      config.slack === null
        ? null
        : new SlackWebClient({
            token: config.slack.botToken,
            ...(config.slack.apiUrl !== null && { slackApiUrl: slackApiBaseUrl(config.slack.apiUrl) }),
            logger: new SlackNestLogger(),
          });
    // Whether Slack is on is said once at start-up, by the Slack module (src/slack).
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  async send(message: OutboxMessage): Promise<DeliveryResult> {
    const payload = message.payload;
    if (payload.kind !== 'slack') return { ok: false, kind: 'permanent', reason: 'not a Slack payload' };
    if (this.client === null) {
      const result = await this.email.sendPayload(message.id, payload.emailFallback);
      return result.ok ? { ...result, note: 'Slack is not configured: sent by e-mail' } : result;
    }
    const key = slackPacingKey(payload.target);
    const nowMs = this.clock.now().toMillis();
    const slot = this.pacer.take(key, nowMs);
    if (slot > nowMs) return { ok: false, kind: 'deferred', until: new Date(slot) };
    try {
      const posted = await this.client.postMessage(payload.target, {
        text: payload.text,
        blocks: payload.blocks as KnownBlock[],
      });
      return { ok: true, providerMessageId: `${posted.channel}/${posted.ts}` };
    } catch (error) {
      if (!(error instanceof SlackDeliveryError)) throw error;
      const { failure } = error;
      if (failure.kind === 'transient' && failure.retryAfterSeconds !== undefined) {
        this.pacer.blockUntil(key, nowMs + failure.retryAfterSeconds * 1000);
      }
      return { ok: false, ...failure };
    }
  }
}
