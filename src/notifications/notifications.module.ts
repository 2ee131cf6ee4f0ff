import { Module } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config';
import { EmailSender } from './email/email-sender';
import { MessagesController } from './outbox/messages.controller';
import { OUTBOX_SETTINGS } from './outbox/outbox.worker';
import { OutboxService } from './outbox/outbox.service';
import { OutboxWorker } from './outbox/outbox.worker';
import { SlackSender } from './slack/slack-sender';

/** The outbox and the two channels it delivers through. */
@Module({
  controllers: [MessagesController],
  providers: [
    { provide: OUTBOX_SETTINGS, inject: [AppConfig], useFactory: (config: AppConfig) => config.outbox },
    OutboxService,
    OutboxWorker,
    EmailSender,
    SlackSender,
  ],
  exports: [OutboxService, OutboxWorker, EmailSender, SlackSender],
})
export class NotificationsModule {}
