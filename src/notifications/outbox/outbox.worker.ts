import { Inject, Injectable, Logger, type OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../core/clock/clock';
import { INSTANCE_ID } from '../../core/instance-id';
import { DeliveryMetrics } from '../../core/metrics/delivery-metrics';
import { JOB_ORDER, type ScheduledJob } from '../../core/scheduler/scheduled-job';
import { SchedulerService } from '../../core/scheduler/scheduler.service';
import { EmailSender } from '../email/email-sender';
import { SlackSender } from '../slack/slack-sender';
import {
  type DeadLetterNotifier,
  type DeliveryResult,
  type RecipientAvailability,
  retryDelaySeconds,
} from './delivery';
import { OutboxMessage } from './outbox-message.entity';

export const OUTBOX_SETTINGS = Symbol('OUTBOX_SETTINGS');

export interface OutboxSettings {
  /** Attempts before a message with transient failures is dead. */
  maxAttempts: number;
  /** Messages claimed per round trip. */
  batchSize: number;
  /** Sends in flight at once per instance. */
  concurrency: number;
  /** How long a claim holds; a crashed worker's messages become due again after it. */
  leaseSeconds: number;
}

/**
 * Claims due messages and delivers them. On PostgreSQL several instances claim
 * side by side (`FOR UPDATE SKIP LOCKED`); SQLite mode is single-instance. A
 * claim moves `next_attempt_at` to the end of a lease, so the messages of a
 * worker killed mid-batch come due again rather than being lost.
 */
@Injectable()
export class OutboxWorker implements ScheduledJob, OnModuleInit {
  readonly name = 'outbox.deliver';
  readonly order = JOB_ORDER.delivery;
  private readonly logger = new Logger('Outbox');
  private random: () => number = Math.random;
  /** False once shutdown begins: sends in flight finish, nothing new is claimed or started. */
  private claiming = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerService,
    private readonly email: EmailSender,
    private readonly slack: SlackSender,
    @Inject(OUTBOX_SETTINGS) private readonly settings: OutboxSettings,
    private readonly clock: Clock,
    @Optional() @Inject(DeliveryMetrics) private readonly metrics: DeliveryMetrics | null = null,
  ) {}

  /** Working hours and days off live with the follow-ups feature; it plugs in here at start-up. */
  private availability: RecipientAvailability | null = null;
  /** Whoever must hear of a dead message (the engagement's account manager). */
  private deadLetters: DeadLetterNotifier | null = null;

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  useAvailability(availability: RecipientAvailability): void {
    this.availability = availability;
  }

  useDeadLetters(notifier: DeadLetterNotifier): void {
    this.deadLetters = notifier;
  }

  /**
   * Graceful shutdown: claim no more batches and start no more sends. Sends in
   * flight finish and are recorded; the rest of the batch is handed back, due
   * at once, for another instance (or the next start) rather than after the lease.
   */
  stopClaiming(): void {
    this.claiming = false;
  }

  /** For tests that need the jitter pinned. */
  useRandom(random: () => number): void {
    this.random = random;
  }

  async nextDueAfter(instant: DateTime): Promise<DateTime | null> {
    const row = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('MIN(m.next_attempt_at)', 'next')
      .where("m.status IN ('queued', 'failed') AND m.next_attempt_at > :instant", {
        instant: instant.toJSDate().toISOString(),
      })
      .getRawOne<{ next: string | null }>();
    return row?.next ? instant.plus(new Date(row.next).getTime() - instant.toMillis()) : null;
  }

  async run(now: DateTime): Promise<number> {
    let handled = 0;
    while (this.claiming) {
      const batch = await this.claim(now);
      if (batch.length === 0) return handled;
      handled += await this.deliverAll(batch, now);
      if (batch.length < this.settings.batchSize) return handled;
    }
    return handled;
  }

  private async claim(now: DateTime): Promise<OutboxMessage[]> {
    const nowIso = now.toJSDate().toISOString();
    // The lease runs from the clock's current reading, not from `now`: a run that drains a
    // long outbox outlasts the lease, and a lease already over when taken lets another
    // instance claim (and send) the same messages.
    const leaseEnd = this.clock.now().plus({ seconds: this.settings.leaseSeconds }).toJSDate().toISOString();
    const postgres = this.dataSource.options.type === 'postgres';
    const p = (n: number): string => (postgres ? `$${n}` : '?');
    const rows = await this.dataSource.query<{ id: string }[] | [{ id: string }[], number]>(
      `UPDATE outbox_message SET claimed_by = ${p(1)}, next_attempt_at = ${p(2)}
       WHERE id IN (
         SELECT id FROM outbox_message
         WHERE status IN ('queued', 'failed') AND next_attempt_at <= ${p(3)}
         ORDER BY next_attempt_at
         LIMIT ${p(4)}${postgres ? ' FOR UPDATE SKIP LOCKED' : ''}
       )
       RETURNING id`,
      [INSTANCE_ID, leaseEnd, nowIso, this.settings.batchSize],
    );
    // PostgreSQL answers an UPDATE … RETURNING with [rows, count]; SQLite with the rows.
    const ids = (Array.isArray(rows[0]) ? rows[0] : rows) as { id: string }[];
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(OutboxMessage).find({
      where: { id: In(ids.map((r) => r.id)) },
      order: { dueAt: 'ASC', createdAt: 'ASC' },
    });
  }

  /** Delivers a claimed batch; returns how many it tried, having handed back the ones it did not. */
  private async deliverAll(batch: OutboxMessage[], now: DateTime): Promise<number> {
    // The claim holds for `leaseSeconds` of real time. Start no send after half of it, so a
    // send always has the other half to finish before another instance may claim the message.
    const startBy = performance.now() + (this.settings.leaseSeconds * 1000) / 2;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batch.length && this.claiming && performance.now() < startBy) {
        const message = batch[next++];
        try {
          await this.deliver(message, now);
        } catch (error) {
          // A bug, not a delivery failure: keep the message, retry later, say why.
          this.logger.error({
            msg: 'delivery crashed',
            messageId: message.id,
            err: (error as Error).message,
          });
          await this.record(
            message,
            { ok: false, kind: 'transient', reason: `internal: ${(error as Error).message}` },
            now,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, batch.length) }, worker));
    const tried = Math.min(next, batch.length);
    if (tried < batch.length) await this.handBack(batch.slice(tried), now);
    return tried;
  }

  /** Claimed but never started: due again at once, and no longer ours. */
  private async handBack(messages: OutboxMessage[], now: DateTime): Promise<void> {
    await this.dataSource
      .getRepository(OutboxMessage)
      .update(
        { id: In(messages.map((m) => m.id)), claimedBy: INSTANCE_ID, status: In(['queued', 'failed']) },
        { nextAttemptAt: now.toJSDate(), claimedBy: null, updatedAt: now.toJSDate() },
      );
    this.logger.log({
      msg: `handed back ${messages.length} claimed message(s) not started`,
      reason: this.claiming ? 'lease half over' : 'shutting down',
    });
  }

  private async deliver(message: OutboxMessage, now: DateTime): Promise<void> {
    if (message.workingHoursOnly && message.recipientPersonId && this.availability) {
      const from = await this.availability.nextDeliverableAt(message.recipientPersonId, now.toJSDate());
      if (from.getTime() > now.toMillis()) {
        await this.release(message, from, now);
        return;
      }
    }
    const sender = message.channel === 'email' ? this.email : this.slack;
    await this.record(message, await sender.send(message), now);
  }

  /** Not a delivery attempt: the message waits for its recipient's working hours. */
  private async release(message: OutboxMessage, until: Date, now: DateTime): Promise<void> {
    await this.dataSource
      .getRepository(OutboxMessage)
      .update({ id: message.id }, { nextAttemptAt: until, claimedBy: null, updatedAt: now.toJSDate() });
  }

  private async record(message: OutboxMessage, result: DeliveryResult, now: DateTime): Promise<void> {
    const repository = this.dataSource.getRepository(OutboxMessage);
    const at = now.toJSDate();
    if (result.ok) {
      await repository.update(
        { id: message.id },
        {
          status: 'sent',
          attempts: message.attempts + 1,
          sentAt: at,
          providerMessageId: result.providerMessageId?.slice(0, 300) ?? null,
          lastError: result.note ?? null,
          claimedBy: null,
          updatedAt: at,
        },
      );
      this.metrics?.attempted(message.channel, 'sent');
      return;
    }
    if (result.kind === 'deferred') {
      await this.release(message, result.until, now);
      return;
    }
    const attempts = message.attempts + 1;
    const dead = result.kind === 'permanent' || attempts >= this.settings.maxAttempts;
    const reason =
      dead && result.kind === 'transient'
        ? `gave up after ${attempts} attempts: ${result.reason}`
        : result.reason;
    await repository.update(
      { id: message.id },
      {
        status: dead ? 'dead' : 'failed',
        attempts,
        lastError: reason.slice(0, 2000),
        nextAttemptAt: dead
          ? message.nextAttemptAt
          : now
              .plus({ seconds: retryDelaySeconds(attempts, this.random, result.retryAfterSeconds) })
              .toJSDate(),
        claimedBy: null,
        updatedAt: at,
      },
    );
    this.metrics?.attempted(message.channel, dead ? 'dead' : 'failed');
    if (dead) {
      this.logger.warn({ msg: 'message dead', messageId: message.id, purpose: message.purpose, reason });
      await this.deadLetters?.messageDied(message, reason);
    }
  }
}
