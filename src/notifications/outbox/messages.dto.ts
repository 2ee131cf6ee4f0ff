import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../core/http/pagination';
import {
  OUTBOX_CHANNELS,
  OUTBOX_STATUSES,
  type OutboxChannel,
  type OutboxStatus,
} from './outbox-message.entity';

export class MessagesQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  engagementId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  touchpointId?: string;

  @ApiPropertyOptional({ enum: OUTBOX_CHANNELS })
  @IsOptional()
  @IsIn(OUTBOX_CHANNELS, { message: `must be one of ${OUTBOX_CHANNELS.join(', ')}` })
  channel?: OutboxChannel;

  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `must be one of ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;

  @ApiPropertyOptional({ example: 'nudge' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  purpose?: string;
}

export class MessageView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: OUTBOX_CHANNELS }) channel!: OutboxChannel;
  @ApiProperty({ example: 'report_request' }) purpose!: string;
  @ApiProperty({ example: 'touchpoint:…:report_request:…:v0' }) idempotencyKey!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'report_late',
    description: 'For a follow-up (purpose `nudge`), the trigger that started it; a snoozed copy keeps it',
  })
  followUpTrigger!: string | null;
  @ApiProperty({ nullable: true, type: String }) engagementId!: string | null;
  @ApiProperty({ nullable: true, type: String }) touchpointId!: string | null;
  @ApiProperty({ nullable: true, type: String }) recipientPersonId!: string | null;
  @ApiProperty({ description: 'E-mail address, Slack user id or Slack channel' }) recipient!: string;
  @ApiProperty({ description: 'Subject or first line' }) summary!: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status!: OutboxStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'When it may go out at the earliest' }) dueAt!: string;
  @ApiProperty({ description: 'When a worker will next try it' }) nextAttemptAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The clock’s time when it went out' })
  sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
}

export class MessagePage {
  @ApiProperty({ type: MessageView, isArray: true }) items!: MessageView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
