import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { JOB_ORDER, type ScheduledJob } from '../../core/scheduler/scheduled-job';
import { SchedulerService } from '../../core/scheduler/scheduler.service';
import { storedForm } from '../../health/stored-instant';
import { DigestScheduleService } from '../digest-schedule.service';
import { DigestSubscription } from '../digest-subscription.entity';
import { DigestDeliveryService } from './digest-delivery.service';

/** Subscriptions read per round trip. */
const BATCH = 50;

/**
 * Sends each executive's weekly digest when its slot comes. Data-driven: it is
 * next due at the earliest `nextSendAt` of any subscription, so under the
 * manual clock the scheduler stops at exactly each executive's local send
 * time. Runs after health (the digest reads this week's health) and before
 * delivery (which mails what it queued in the same pass).
 */
@Injectable()
export class DigestJob implements ScheduledJob, OnModuleInit {
  readonly name = 'digests.send';
  readonly order = JOB_ORDER.digests;
  private readonly logger = new Logger('Digests');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerService,
    private readonly schedule: DigestScheduleService,
    private readonly delivery: DigestDeliveryService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async nextDueAfter(instant: DateTime): Promise<DateTime | null> {
    const row = await this.dataSource
      .getRepository(DigestSubscription)
      .createQueryBuilder('s')
      .select('MIN(s.next_send_at)', 'next')
      .where('s.next_send_at > :instant', { instant: storedForm(instant) })
      .getRawOne<{ next: string | null }>();
    return row?.next ? DateTime.fromISO(row.next, { zone: 'utc' }) : null;
  }

  async run(now: DateTime): Promise<number> {
    // New executives get their row (due at their next slot, never at once) before anything is sent.
    await this.schedule.enrol(now);
    // A row that fails, or that another instance claimed first, stays out of the rest of this
    // run; a failed claim comes due again when its lease ends, and is retried then.
    const skip = new Set<string>();
    let sent = 0;
    for (;;) {
      const query = this.dataSource
        .getRepository(DigestSubscription)
        .createQueryBuilder('s')
        .select(['s.executiveId', 's.nextSendAt'])
        .where('s.next_send_at <= :now', { now: storedForm(now) })
        .orderBy('s.next_send_at', 'ASC')
        .limit(BATCH);
      if (skip.size > 0) query.andWhere('s.executive_id NOT IN (:...skip)', { skip: [...skip] });
      const due = await query.getMany();
      if (due.length === 0) return sent;
      for (const row of due) {
        if (row.nextSendAt === null) continue; // the query reads only due rows; this tells the compiler
        try {
          if (await this.delivery.deliver(row.executiveId, row.nextSendAt, now)) sent += 1;
          else skip.add(row.executiveId);
        } catch (error) {
          skip.add(row.executiveId);
          this.logger.error({
            msg: 'sending a digest failed',
            executiveId: row.executiveId,
            err: (error as Error).message,
          });
        }
      }
    }
  }
}
