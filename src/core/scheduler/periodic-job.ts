import type { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { JobState } from './job-state.entity';
import type { ScheduledJob } from './scheduled-job';

/**
 * A job that runs on a rhythm (extend the planning horizon daily, snapshot
 * health weekly) rather than for due rows. Its next run time lives in
 * `job_state`; an instance runs it only after winning a compare-and-set on that
 * row, so with several instances exactly one runs each occurrence.
 */
export abstract class PeriodicJob implements ScheduledJob {
  abstract readonly name: string;
  abstract readonly order: number;

  constructor(
    protected readonly dataSource: DataSource,
    private readonly instanceId: string,
  ) {}

  /** The first instant strictly after `instant` at which the job should run again. */
  protected abstract nextRunAfter(instant: DateTime): DateTime;

  /** The work itself; returns how many items it handled. */
  protected abstract work(now: DateTime): Promise<number>;

  async nextDueAfter(instant: DateTime): Promise<DateTime | null> {
    const state = await this.dataSource.getRepository(JobState).findOneBy({ name: this.name });
    if (state === null) return null;
    const next = state.nextRunAt.getTime();
    return next > instant.toMillis() ? instant.plus(next - instant.toMillis()) : null;
  }

  async run(now: DateTime): Promise<number> {
    const repository = this.dataSource.getRepository(JobState);
    let state = await repository.findOneBy({ name: this.name });
    if (state === null) {
      // First start anywhere: due now. A concurrent insert by another instance is fine.
      await repository
        .createQueryBuilder()
        .insert()
        .values({ name: this.name, nextRunAt: now.toJSDate(), lastRunAt: null, lastRunBy: null })
        .orIgnore()
        .execute();
      state = await repository.findOneByOrFail({ name: this.name });
    }
    if (state.nextRunAt.getTime() > now.toMillis()) return 0;

    const claimed = await repository
      .createQueryBuilder()
      .update()
      .set({
        nextRunAt: this.nextRunAfter(now).toJSDate(),
        lastRunAt: now.toJSDate(),
        lastRunBy: this.instanceId,
      })
      .where('name = :name AND next_run_at = :seen', { name: this.name, seen: state.nextRunAt.toISOString() })
      .execute();
    if (claimed.affected !== 1) return 0;
    return this.work(now);
  }
}
