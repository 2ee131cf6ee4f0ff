import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { JOB_ORDER, type ScheduledJob } from '../core/scheduler/scheduled-job';
import { SchedulerService } from '../core/scheduler/scheduler.service';
import { ReportRequestService } from './report-request.service';

/** Touchpoints read per round trip. */
const BATCH = 50;

/**
 * Sends report requests when they fall due: every pending report touchpoint
 * whose `requestAt` has come and whose request is not queued yet. Runs after
 * planning (which sets `requestAt`) and before delivery (which sends the
 * mails), so a request due at an instant goes out at that instant. Each
 * touchpoint is claimed and handled in its own transaction.
 */
@Injectable()
export class ReportRequestJob implements ScheduledJob, OnModuleInit {
  readonly name = 'reports.request';
  readonly order = JOB_ORDER.planning + 5;
  private readonly logger = new Logger('ReportRequests');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerService,
    private readonly requests: ReportRequestService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async nextDueAfter(instant: DateTime): Promise<DateTime | null> {
    const row = await this.due()
      .select('MIN(t.request_at)', 'next')
      .andWhere('t.request_at > :instant', { instant: instant.toUTC().toJSDate().toISOString() })
      .getRawOne<{ next: string | null }>();
    return row?.next ? DateTime.fromISO(row.next, { zone: 'utc' }) : null;
  }

  async run(now: DateTime): Promise<number> {
    const nowIso = now.toUTC().toJSDate().toISOString();
    // A touchpoint that fails (or that another instance claimed first) stays out of the rest of
    // this run; a failed one is still due, so the next run retries it.
    const skip = new Set<string>();
    let handled = 0;
    for (;;) {
      const query = this.due()
        .select('t.id', 'id')
        .andWhere('t.request_at <= :now', { now: nowIso })
        .orderBy('t.request_at', 'ASC')
        .limit(BATCH);
      if (skip.size > 0) query.andWhere('t.id NOT IN (:...skip)', { skip: [...skip] });
      const ids = (await query.getRawMany<{ id: string }>()).map((r) => r.id);
      if (ids.length === 0) return handled;
      for (const id of ids) {
        try {
          if (await this.requests.queue(id, now)) handled += 1;
          else skip.add(id);
        } catch (error) {
          skip.add(id);
          this.logger.error({
            msg: 'queueing a report request failed',
            touchpointId: id,
            err: (error as Error).message,
          });
        }
      }
    }
  }

  /** Report touchpoints still waiting for their request; `touchpoint_request_due` covers the filter. */
  private due() {
    // SQLite, having no statistics, rates `status = ?` on touchpoint_status_time above a range on
    // the partial index, and then reads and sorts every pending report of the horizon (0.4 s per
    // sweep at 10,000 engagements: npm run bench). A unary `+` takes that term off any index
    // there; PostgreSQL chooses the partial index by itself (and has no unary `+` for text).
    const status = this.dataSource.options.type === 'postgres' ? 't.status' : '+t.status';
    return this.dataSource
      .getRepository(Touchpoint)
      .createQueryBuilder('t')
      .where('t.request_queued_at IS NULL AND t.request_at IS NOT NULL')
      .andWhere(`t.kind = :kind AND ${status} = :status`, { kind: 'status_report', status: 'pending' });
  }
}
