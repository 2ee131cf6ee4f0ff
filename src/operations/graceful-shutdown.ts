import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { SchedulerService } from '../core/scheduler/scheduler.service';
import { OutboxWorker } from '../notifications/outbox/outbox.worker';
import { DrainState } from './drain-state';

/**
 * The first half of shutdown, in this order, before Nest closes the HTTP
 * server and runs the `onApplicationShutdown` hooks:
 *
 * 1. readiness (and liveness) answer 503;
 * 2. the outbox worker claims no more batches and starts no more sends;
 * 3. the scheduler starts no more jobs and waits for the run in progress, so
 *    sends in flight finish and are recorded, and the unstarted rest of a
 *    claimed batch is handed back due at once.
 *
 * Then Nest closes the HTTP server (requests in flight finish), the e-mail
 * sender closes its SMTP pool, and the database closes last (TypeORM's module
 * is global, and Nest shuts global modules down after all others).
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly drain: DrainState,
    private readonly outbox: OutboxWorker,
    private readonly scheduler: SchedulerService,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const started = performance.now();
    this.drain.start();
    this.outbox.stopClaiming();
    this.logger.log({ msg: 'draining: not ready, claiming no new work' });
    await this.scheduler.stop();
    this.logger.log({
      msg: 'scheduler stopped: work in flight finished',
      ms: Math.round(performance.now() - started),
    });
  }
}
