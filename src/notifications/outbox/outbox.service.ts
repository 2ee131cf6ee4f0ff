import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../core/clock/clock';
import type { Page } from '../../core/http/pagination';
import { CachedQuery } from '../../database/cached-query';
import { insertedIfAbsent } from '../../database/insert-if-absent';
import type { OutboxPayload } from './outbox-payload';
import { OutboxMessage, type OutboxChannel, type OutboxStatus } from './outbox-message.entity';

export interface NewOutboxMessage {
  /** Given when the payload must name its own message (Slack buttons carry it); default a new UUID. */
  id?: string;
  /** Same key, same message: a second enqueue is a no-op. (touchpoint, step, recipient, version) */
  idempotencyKey: string;
  purpose: string;
  engagementId?: string | null;
  touchpointId?: string | null;
  recipientPersonId?: string | null;
  recipient: string;
  summary: string;
  payload: OutboxPayload;
  /** What fired it, for a follow-up. */
  followUpTrigger?: string | null;
  /** Earliest instant it may go out; default now. */
  dueAt?: Date;
  workingHoursOnly?: boolean;
}

export interface MessageQuery {
  engagementId?: string;
  touchpointId?: string;
  channel?: OutboxChannel;
  status?: OutboxStatus;
  purpose?: string;
  limit: number;
  offset: number;
}

type CancelParameters = {
  touchpointId: string;
  triggers: readonly string[];
  waiting: readonly string[];
  cancelled: string;
  at: string;
};

/** Writes messages to the outbox, inside the caller's transaction, and reads them back. */
@Injectable()
export class OutboxService {
  /** Built once (see CachedQuery): it runs with every report and every meeting held. */
  private readonly cancelQuery: CachedQuery<CancelParameters>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.cancelQuery = new CachedQuery(dataSource, (db, parameters) =>
      db
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: () => ':cancelled', updatedAt: () => ':at' })
        .where('touchpoint_id = :touchpointId AND follow_up_trigger IN (:...triggers)')
        .andWhere('status IN (:...waiting)')
        .setParameters(parameters),
    );
  }

  /**
   * Queues a message in the same transaction as the change that caused it.
   * Returns false when a message with this idempotency key already exists.
   */
  async enqueue(manager: EntityManager, message: NewOutboxMessage): Promise<boolean> {
    const now = this.clock.now().toJSDate();
    const dueAt = message.dueAt ?? now;
    const insert = manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        id: message.id ?? randomUUID(),
        idempotencyKey: message.idempotencyKey,
        channel: message.payload.kind,
        purpose: message.purpose,
        engagementId: message.engagementId ?? null,
        touchpointId: message.touchpointId ?? null,
        recipientPersonId: message.recipientPersonId ?? null,
        followUpTrigger: message.followUpTrigger ?? null,
        recipient: message.recipient,
        summary: message.summary.slice(0, 300),
        // The JSON column's transformer stringifies it; the query builder's types do not know that.
        payload: message.payload as never,
        status: 'queued',
        attempts: 0,
        dueAt,
        nextAttemptAt: dueAt,
        workingHoursOnly: message.workingHoursOnly ?? false,
        sentAt: null,
        lastError: null,
        claimedBy: null,
        providerMessageId: null,
        createdAt: now,
        updatedAt: now,
      })
      .orIgnore();
    return insertedIfAbsent(manager, insert, 'id');
  }

  /**
   * Withdraws the follow-ups about a touchpoint fired by these triggers that have not gone out
   * yet (the awaited thing happened), snoozed copies included. Returns how many.
   */
  async cancelFollowUps(
    manager: EntityManager,
    where: { touchpointId: string; triggers: readonly string[] },
  ): Promise<number> {
    return this.cancelQuery.execute(
      {
        touchpointId: where.touchpointId,
        triggers: where.triggers,
        waiting: ['queued', 'failed'],
        cancelled: 'cancelled',
        at: this.clock.now().toJSDate().toISOString(),
      },
      manager,
    );
  }

  async list(query: MessageQuery): Promise<Page<OutboxMessage>> {
    const where = {
      ...(query.engagementId && { engagementId: query.engagementId }),
      ...(query.touchpointId && { touchpointId: query.touchpointId }),
      ...(query.channel && { channel: query.channel }),
      ...(query.status && { status: query.status }),
      ...(query.purpose && { purpose: query.purpose }),
    };
    const [items, total] = await this.dataSource.getRepository(OutboxMessage).findAndCount({
      where,
      order: { createdAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
