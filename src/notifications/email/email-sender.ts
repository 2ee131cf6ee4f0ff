import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../core/clock/clock';
import { AppConfig } from '../../core/config/app-config';
import type { ChannelSender, DeliveryResult } from '../outbox/delivery';
import type { OutboxMessage } from '../outbox/outbox-message.entity';
import type { EmailPayload } from '../outbox/outbox-payload';
import { EmailAdapter } from './email.adapter';

/** Delivers outbox e-mails through the adapter (SMTP, or .eml files when no SMTP is set). */
@Injectable()
export class EmailSender implements ChannelSender, OnApplicationShutdown {
  private readonly logger = new Logger('Email');
  readonly adapter: EmailAdapter;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.adapter = new EmailAdapter({
      ...(config.mail.smtpUrl === null ? {} : { smtpUrl: config.mail.smtpUrl }),
      from: config.mail.from,
      outboxDir: config.mail.outboxDir,
      logger: (entry) => this.logger[entry.level === 'info' ? 'log' : entry.level](entry),
    });
  }

  get mode(): 'smtp' | 'file' {
    return this.adapter.mode;
  }

  async send(message: OutboxMessage): Promise<DeliveryResult> {
    const payload = message.payload;
    if (payload.kind !== 'email') return { ok: false, kind: 'permanent', reason: 'not an e-mail payload' };
    return this.sendPayload(message.id, payload);
  }

  /** Also used for Slack messages that fall back to e-mail. */
  async sendPayload(id: string, payload: EmailPayload): Promise<DeliveryResult> {
    const result = await this.adapter.send({
      id,
      to: payload.to,
      subject: payload.subject,
      html: payload.html,
      text: payload.text,
      ...(payload.invite && { invite: payload.invite }),
      ...(payload.headers && { headers: payload.headers }),
      ...(payload.listUnsubscribe && { listUnsubscribe: payload.listUnsubscribe }),
      date: this.clock.now().toJSDate(),
    });
    if (!result.ok) {
      return {
        ok: false,
        kind: result.kind,
        reason: result.reason,
        ...(result.retryAfterSeconds !== undefined && { retryAfterSeconds: result.retryAfterSeconds }),
      };
    }
    if (result.accepted.length === 0 && result.rejected.length > 0) {
      // Nobody got it: as good as a failure of the worst kind among the refusals.
      const kind = result.rejected.some((r) => r.kind === 'transient') ? 'transient' : 'permanent';
      return { ok: false, kind, reason: result.rejected.map((r) => `${r.address}: ${r.reason}`).join('; ') };
    }
    const note = result.rejected.length
      ? `refused for ${result.rejected.map((r) => `${r.address} (${r.reason})`).join(', ')}`
      : result.path;
    return { ok: true, providerMessageId: result.messageId, ...(note !== undefined && { note }) };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.adapter.close({ timeoutMs: 10_000 });
  }
}
