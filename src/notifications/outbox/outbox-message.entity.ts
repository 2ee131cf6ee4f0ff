import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn } from '../../database/columns';
import type { OutboxPayload } from './outbox-payload';

export const OUTBOX_CHANNELS = ['email', 'slack'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/**
 * `queued` waits for `nextAttemptAt`; `failed` had a transient failure and will
 * retry; `sent` and `dead` are final; `cancelled` was withdrawn before it went
 * (the report arrived, so the rest of the playbook stops).
 */
export const OUTBOX_STATUSES = ['queued', 'failed', 'sent', 'dead', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One outbound message, written in the same transaction as the state change
 * that caused it. The idempotency key (touchpoint, step, recipient, version)
 * makes a second write of the same message a no-op.
 */
@Entity('outbox_message')
@Index('outbox_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('outbox_engagement', ['engagementId', 'createdAt'])
@Index('outbox_touchpoint', ['touchpointId'])
@Index('outbox_due', ['nextAttemptAt'], { where: "status IN ('queued', 'failed')" })
export class OutboxMessage {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 300 })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: OutboxChannel;

  /** What it is for: `invite`, `invite_cancel`, `report_request`, `nudge`, `digest`… */
  @Column({ type: 'varchar', length: 40 })
  purpose!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  engagementId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  touchpointId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  recipientPersonId!: string | null;

  /**
   * For a follow-up (purpose `nudge`), what fired it (`report_late`, `red_status`…); a snoozed
   * copy keeps its original's. Null for every other message.
   */
  @Column({ type: 'varchar', length: 32, nullable: true })
  followUpTrigger!: string | null;

  /** An e-mail address, a Slack user id or a Slack channel. */
  @Column({ type: 'varchar', length: 320 })
  recipient!: string;

  /** Subject line or first line of text, for listings. */
  @Column({ type: 'varchar', length: 300 })
  summary!: string;

  @JsonColumn()
  payload!: OutboxPayload;

  @Column({ type: 'varchar', length: 10 })
  status!: OutboxStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  /** The earliest instant it may go out. */
  @InstantColumn()
  dueAt!: Date;

  /** When a worker may next pick it up (dueAt, or later after a failure or outside working hours). */
  @InstantColumn()
  nextAttemptAt!: Date;

  /** Deliver only inside the recipient's working hours, never on their day off. */
  @Column({ type: 'boolean' })
  workingHoursOnly!: boolean;

  @InstantColumn({ nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** The instance that claimed it last; the claim lasts until `nextAttemptAt`. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  claimedBy!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  providerMessageId!: string | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
