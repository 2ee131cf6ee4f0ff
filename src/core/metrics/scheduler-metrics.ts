import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import type { JobRun, JobRunObserver } from './job-run.observer';

/** Scheduler job runs (sweeps): how long each took and how many items it handled, by job name. */
@Injectable()
export class SchedulerMetrics implements JobRunObserver {
  private readonly duration: Histogram<'job' | 'outcome'>;
  private readonly items: Counter<'job'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'cadence_scheduler_job_duration_seconds',
      help: 'Duration of one scheduler job run (a sweep), by job and outcome (ok or failed).',
      labelNames: ['job', 'outcome'],
      // Most sweeps find nothing and take a few milliseconds; a big outbox drain takes seconds.
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
      registers: [registry],
    });
    this.items = new Counter({
      name: 'cadence_scheduler_job_items_total',
      help: 'Items handled by scheduler jobs, by job.',
      labelNames: ['job'],
      registers: [registry],
    });
  }

  jobRan(run: JobRun): void {
    this.duration.observe({ job: run.job, outcome: run.failed ? 'failed' : 'ok' }, run.seconds);
    if (run.items > 0) this.items.inc({ job: run.job }, run.items);
  }
}
