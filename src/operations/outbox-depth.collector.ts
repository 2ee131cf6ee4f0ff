import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock/clock';

interface DepthRow {
  status: string;
  n: string | number;
  oldest: string | null;
}

interface OutboxDepth {
  queued: number;
  failed: number;
  /** Seconds since the longest-waiting due message fell due; 0 when none is due. */
  oldestDueAgeSeconds: number;
}

/**
 * Outbox depth and lag, computed when Prometheus scrapes (never on a timer):
 * one grouped query over the rows still to send, which the partial index
 * `outbox_due` (next_attempt_at WHERE status IN ('queued', 'failed')) serves.
 * The outbox is shared, so every instance reports the same figures.
 */
@Injectable()
export class OutboxDepthCollector {
  private readonly logger = new Logger('Metrics');
  /** The query of the scrape in progress, shared by both gauges. */
  private inFlight: Promise<OutboxDepth | null> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    registry: Registry,
  ) {
    const depth: Gauge<'status'> = new Gauge({
      name: 'cadence_outbox_depth',
      help: 'Messages still to send, by status (queued; failed = waiting to retry).',
      labelNames: ['status'],
      registers: [registry],
      collect: async () => {
        depth.reset();
        const figures = await this.measure();
        if (figures === null) return;
        depth.set({ status: 'queued' }, figures.queued);
        depth.set({ status: 'failed' }, figures.failed);
      },
    });
    const oldestDueAge: Gauge = new Gauge({
      name: 'cadence_outbox_oldest_due_age_seconds',
      help:
        'How long the longest-waiting due message has been due; 0 when none is. ' +
        'Growth means delivery is falling behind.',
      registers: [registry],
      collect: async () => {
        const figures = await this.measure();
        // No sample rather than a made-up 0 when the database did not answer.
        if (figures === null) oldestDueAge.remove();
        else oldestDueAge.set(figures.oldestDueAgeSeconds);
      },
    });
  }

  private measure(): Promise<OutboxDepth | null> {
    this.inFlight ??= this.query().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async query(): Promise<OutboxDepth | null> {
    let rows: DepthRow[];
    try {
      rows = await this.dataSource.query<DepthRow[]>(
        `SELECT status, COUNT(*) AS n, MIN(next_attempt_at) AS oldest FROM outbox_message
         WHERE status IN ('queued', 'failed') GROUP BY status`,
      );
    } catch (error) {
      // A scrape still answers with the other metrics when the database does not.
      this.logger.warn({ msg: 'outbox depth not collected', err: (error as Error).message });
      return null;
    }
    const figures: OutboxDepth = { queued: 0, failed: 0, oldestDueAgeSeconds: 0 };
    const now = this.clock.now().toMillis();
    for (const row of rows) {
      if (row.status === 'queued' || row.status === 'failed') figures[row.status] = Number(row.n);
      if (row.oldest === null) continue;
      const age = (now - new Date(row.oldest).getTime()) / 1000;
      figures.oldestDueAgeSeconds = Math.max(figures.oldestDueAgeSeconds, age);
    }
    return figures;
  }
}
