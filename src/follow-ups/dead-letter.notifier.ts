import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Engagement } from '../engagements/engagement.entity';
import { html, text } from '../notifications/email/html';
import { renderEmailLayout } from '../notifications/email/layout';
import type { DeadLetterNotifier } from '../notifications/outbox/delivery';
import type { OutboxMessage } from '../notifications/outbox/outbox-message.entity';
import { OutboxService } from '../notifications/outbox/outbox.service';
import { OutboxWorker } from '../notifications/outbox/outbox.worker';
import { Person } from '../people/person.entity';

const PURPOSE = 'delivery_failed';

/** When a message cannot be delivered, its engagement's account manager is told by e-mail. */
@Injectable()
export class DeadLetterMailer implements DeadLetterNotifier, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly worker: OutboxWorker,
  ) {}

  onModuleInit(): void {
    this.worker.useDeadLetters(this);
  }

  async messageDied(message: OutboxMessage, reason: string): Promise<void> {
    // A failed failure notice must not start a loop.
    if (message.purpose === PURPOSE || message.engagementId === null) return;
    const engagement = await this.dataSource
      .getRepository(Engagement)
      .findOneBy({ id: message.engagementId });
    const manager =
      engagement &&
      (await this.dataSource.getRepository(Person).findOneBy({ id: engagement.accountManagerId }));
    if (!engagement || !manager) return;
    const subject = `Could not deliver: ${message.summary}`;
    const body = html` <h1 style="margin:0 0 12px;font-size:18px">
        A message of ${engagement.name} could not be delivered
      </h1>
      <p style="margin:0 0 8px"><strong>To:</strong> ${message.recipient}</p>
      <p style="margin:0 0 8px"><strong>Subject:</strong> ${message.summary}</p>
      <p style="margin:0 0 8px"><strong>Why:</strong> ${reason}</p>
      <p style="margin:12px 0 0">Check the address or Slack id, then follow up in person if it matters.</p>`;
    await this.dataSource.transaction((tx) =>
      this.outbox.enqueue(tx, {
        idempotencyKey: `${PURPOSE}:${message.id}`,
        purpose: PURPOSE,
        engagementId: engagement.id,
        touchpointId: message.touchpointId,
        recipientPersonId: manager.id,
        recipient: manager.email,
        summary: subject,
        payload: {
          kind: 'email',
          to: [{ name: manager.name, address: manager.email }],
          subject,
          html: renderEmailLayout({ title: subject, body }),
          text: text`A message of ${engagement.name} could not be delivered.
To: ${message.recipient}
Subject: ${message.summary}
Why: ${reason}

Check the address or Slack id, then follow up in person if it matters.
`,
        },
      }),
    );
  }
}
