import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import type { DateTime } from 'luxon';
import { AppConfig } from '../config/app-config';
import { Clock, ManualClock } from '../clock/clock';
import { JOB_RUN_OBSERVER, type JobRunObserver } from '../metrics/job-run.observer';
import type { ScheduledJob } from './scheduled-job';

export interface SchedulerRun {
  /** Jobs that handled at least one item, with how many. */
  ran: Record<string, number>;
  /** Jobs that threw, with the message (the run went on with the others). */
  failed: Record<string, string>;
}

export interface ClockAdvance extends SchedulerRun {
  from: string;
  to: string;
  /** Distinct instants at which due work ran. */
  steps: number;
}

/** A job run can create work for another job due at the same instant; a few passes settle it. */
const MAX_PASSES = 10;

/**
 * The one scheduler. Under the system clock a timer runs due work and sleeps
 * until the next due instant (or the poll interval, to see other instances'
 * work). Under the manual clock `advanceTo` walks time forward through every
 * due instant in order, running the same jobs.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulerService.name);
  private readonly jobs: ScheduledJob[] = [];
  private running = false;
  /** Set once by `stop()`: no job starts after it, under either clock. */
  private stopping = false;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;
  /** Serialises runs inside this process (the timer, the clock endpoint, shutdown). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @Optional() @Inject(JOB_RUN_OBSERVER) private readonly observer: JobRunObserver | null = null,
  ) {}

  register(job: ScheduledJob): void {
    if (this.jobs.some((j) => j.name === job.name))
      throw new Error(`scheduled job ${job.name} registered twice`);
    this.jobs.push(job);
    this.jobs.sort((a, b) => a.order - b.order);
  }

  get jobNames(): string[] {
    return this.jobs.map((j) => j.name);
  }

  onApplicationBootstrap(): void {
    if (this.clock instanceof ManualClock) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /**
   * Graceful shutdown: starts no further job and waits for the run in
   * progress (the timer's or the clock endpoint's) to finish. Idempotent.
   * Jobs that loop over batches should also be told to stop claiming, or the
   * run in progress only ends when their work does.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    this.wake?.();
    await this.loopDone;
    await this.queue.catch(() => undefined);
  }

  /** Asks the timer to look for due work now rather than at its next poll. */
  kick(): void {
    this.wake?.();
  }

  /** Runs everything due at or before `now`, in job order, until nothing more is due. */
  runDue(now: DateTime): Promise<SchedulerRun> {
    return this.exclusive(() => this.runDueUnlocked(now));
  }

  /**
   * Manual clock only: moves time forward to `target`, stopping at every
   * instant where work falls due and running it there, so that a reminder due
   * on Thursday goes out with Thursday's clock.
   */
  advanceTo(target: DateTime): Promise<ClockAdvance> {
    const clock = this.clock;
    if (!(clock instanceof ManualClock)) throw new Error('advanceTo needs the manual clock');
    return this.exclusive(async () => {
      const from = clock.now();
      if (target < from) throw new RangeError('the clock cannot go back');
      const total: ClockAdvance = {
        from: from.toISO(),
        to: target.toUTC().toISO() ?? '',
        steps: 0,
        ran: {},
        failed: {},
      };
      for (;;) {
        if (this.stopping) break;
        const run = await this.runDueUnlocked(clock.now());
        merge(total, run);
        if (Object.keys(run.ran).length > 0) total.steps += 1;
        const next = await this.nextDueAfter(clock.now());
        if (next === null || next > target) break;
        clock.set(next);
      }
      if (clock.now() < target && !this.stopping) {
        clock.set(target);
        const run = await this.runDueUnlocked(target);
        merge(total, run);
        if (Object.keys(run.ran).length > 0) total.steps += 1;
      }
      return total;
    });
  }

  /** The earliest instant after `instant` at which any job has work. */
  async nextDueAfter(instant: DateTime): Promise<DateTime | null> {
    let earliest: DateTime | null = null;
    for (const job of this.jobs) {
      try {
        const due = await job.nextDueAfter(instant);
        if (due !== null && due > instant && (earliest === null || due < earliest)) earliest = due;
      } catch (error) {
        this.logger.error(`${job.name}: could not tell when it is next due: ${(error as Error).message}`);
      }
    }
    return earliest;
  }

  private async runDueUnlocked(now: DateTime): Promise<SchedulerRun> {
    const result: SchedulerRun = { ran: {}, failed: {} };
    for (let pass = 0; pass < MAX_PASSES; pass += 1) {
      let handled = 0;
      for (const job of this.jobs) {
        if (this.stopping) break;
        const started = performance.now();
        try {
          const count = await job.run(now);
          this.observer?.jobRan({ job: job.name, seconds: seconds(started), items: count, failed: false });
          if (count > 0) {
            handled += count;
            result.ran[job.name] = (result.ran[job.name] ?? 0) + count;
          }
        } catch (error) {
          this.observer?.jobRan({ job: job.name, seconds: seconds(started), items: 0, failed: true });
          result.failed[job.name] = (error as Error).message;
          this.logger.error({ msg: `${job.name} failed`, job: job.name, err: (error as Error).message });
        }
      }
      if (handled === 0 || this.stopping) break;
    }
    return result;
  }

  private async loop(): Promise<void> {
    const pollMs = this.config.scheduler.pollSeconds * 1000;
    while (this.running) {
      const now = this.clock.now();
      await this.runDue(now);
      if (!this.running) break;
      const next = await this.nextDueAfter(now);
      const untilNext = next === null ? pollMs : next.diff(this.clock.now()).as('milliseconds');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, Math.min(untilNext, pollMs)));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function seconds(startedAt: number): number {
  return (performance.now() - startedAt) / 1000;
}

function merge(into: SchedulerRun, run: SchedulerRun): void {
  for (const [name, count] of Object.entries(run.ran)) into.ran[name] = (into.ran[name] ?? 0) + count;
  Object.assign(into.failed, run.failed);
}
