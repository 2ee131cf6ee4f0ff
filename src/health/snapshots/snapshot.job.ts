import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { DateTime } from 'luxon';
import { JOB_ORDER, type ScheduledJob } from '../../core/scheduler/scheduled-job';
import { SchedulerService } from '../../core/scheduler/scheduler.service';
import { SnapshotSchedule } from './snapshot-schedule';
import { SnapshotWriter } from './snapshot.writer';

/** Snapshots claimed per round trip. */
const BATCH = 200;

/**
 * The weekly health snapshot, driven by data rather than a fixed rhythm: each
 * engagement's snapshot falls due when its week ends in its account manager's
 * zone, so New York and Manila engagements are snapshotted at their own
 * midnights and the manual clock stops at each. A run writes every snapshot
 * due by `now`, a week at a time when catching up (each week's trend then
 * sees the one before). Idempotent and safe on several instances: a
 * compare-and-set on the schedule row decides who writes, and the unique
 * (engagement, week) index makes a second write a no-op.
 */
@Injectable()
export class SnapshotJob implements ScheduledJob, OnModuleInit {
  readonly name = 'health.snapshot';
  readonly order = JOB_ORDER.health;

  constructor(
    private readonly scheduler: SchedulerService,
    private readonly schedule: SnapshotSchedule,
    private readonly writer: SnapshotWriter,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  nextDueAfter(instant: DateTime): Promise<DateTime | null> {
    return this.schedule.nextAfter(instant);
  }

  async run(now: DateTime): Promise<number> {
    await this.schedule.enrol(now);
    let written = 0;
    for (;;) {
      const due = await this.schedule.due(now, BATCH);
      if (due.length === 0) return written;
      const result = await this.writer.write(due, now);
      written += result.written;
      // Nothing moved (every claim lost, or every write failed): leave the rest to the next run.
      if (result.claimed === 0) return written;
    }
  }
}
