import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OutboxMessage } from './outbox-message.entity';
import { MessagePage, MessagesQuery, type MessageView } from './messages.dto';
import { OutboxService } from './outbox.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('api/v1/messages')
export class MessagesController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOperation({ summary: 'Every outbound message (e-mail, Slack) with its delivery state' })
  async list(@Query() query: MessagesQuery): Promise<MessagePage> {
    const page = await this.outbox.list(query);
    return { ...page, items: page.items.map(toView) };
  }
}

function toView(m: OutboxMessage): MessageView {
  return {
    id: m.id,
    channel: m.channel,
    purpose: m.purpose,
    idempotencyKey: m.idempotencyKey,
    followUpTrigger: m.followUpTrigger,
    engagementId: m.engagementId,
    touchpointId: m.touchpointId,
    recipientPersonId: m.recipientPersonId,
    recipient: m.recipient,
    summary: m.summary,
    status: m.status,
    attempts: m.attempts,
    dueAt: m.dueAt.toISOString(),
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
  };
}
