import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** What one delivery attempt came to: `failed` will be retried, `dead` will not. */
export type DeliveryOutcome = 'sent' | 'failed' | 'dead';

/** Outbox delivery attempts by channel and outcome, counted by the worker that made them. */
@Injectable()
export class DeliveryMetrics {
  private readonly sends: Counter<'channel' | 'result'>;

  constructor(registry: Registry) {
    this.sends = new Counter({
      name: 'cadence_outbox_sends_total',
      help: 'Outbox delivery attempts by channel (email, slack) and result (sent, failed, dead).',
      labelNames: ['channel', 'result'],
      registers: [registry],
    });
  }

  attempted(channel: string, result: DeliveryOutcome): void {
    this.sends.inc({ channel, result });
  }
}
