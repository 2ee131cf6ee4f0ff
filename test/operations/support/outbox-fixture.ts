import { DataSource } from 'typeorm';
import { SystemClock } from '../../../src/core/clock/clock';
import { dataSourceOptions } from '../../../src/database/data-source';
import { runMigrations } from '../../../src/database/run-migrations';
import type { EmailPayload } from '../../../src/notifications/outbox/outbox-payload';
import { OutboxService } from '../../../src/notifications/outbox/outbox.service';

/** The test's own connection to the database the processes share, migrated like a first start would. */
export async function openDatabase(url: string): Promise<DataSource> {
  const target = url.startsWith('postgres')
    ? ({ kind: 'postgres', url } as const)
    : ({ kind: 'sqlite', path: url } as const);
  const dataSource = new DataSource(dataSourceOptions(target));
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}

/**
 * Queues `count` e-mails through the real `OutboxService.enqueue`, a thousand
 * per transaction, keyed `<batch>:<n>`; all due now.
 */
export async function enqueueEmails(dataSource: DataSource, batch: string, count: number): Promise<void> {
  const outbox = new OutboxService(dataSource, new SystemClock());
  for (let start = 0; start < count; start += 1000) {
    await dataSource.transaction(async (manager) => {
      for (let n = start; n < Math.min(count, start + 1000); n += 1) {
        const payload: EmailPayload = {
          kind: 'email',
          to: [{ address: `vendor-${n}@example.test` }],
          subject: `${batch} ${n}`,
          html: `<p>Message ${n} of ${batch}</p>`,
          text: `Message ${n} of ${batch}`,
        };
        await outbox.enqueue(manager, {
          idempotencyKey: `${batch}:${n}`,
          purpose: 'load_test',
          recipient: payload.to[0].address,
          summary: payload.subject,
          payload,
        });
      }
    });
  }
}

export interface BatchState {
  total: number;
  sent: number;
  /** Still to go (queued or failed), including claimed ones. */
  pending: number;
  /** Neither sent nor pending: dead or cancelled. */
  other: number;
  /** Sent with more than one attempt (a retry after a failure or a lost lease). */
  retried: number;
}

export async function batchState(dataSource: DataSource, batch: string): Promise<BatchState> {
  const rows = await dataSource.query<{ status: string; n: string; retried: string }[]>(
    `SELECT status, COUNT(*) AS n, SUM(CASE WHEN attempts > 1 THEN 1 ELSE 0 END) AS retried
     FROM outbox_message WHERE idempotency_key LIKE ${param(dataSource, 1)} GROUP BY status`,
    [`${batch}:%`],
  );
  const state: BatchState = { total: 0, sent: 0, pending: 0, other: 0, retried: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    state.total += n;
    if (row.status === 'sent') {
      state.sent += n;
      state.retried += Number(row.retried);
    } else if (row.status === 'queued' || row.status === 'failed') state.pending += n;
    else state.other += n;
  }
  return state;
}

/** Outbox ids of a batch still claimed by the instance whose id contains `:<pid>:`. */
export async function claimedBy(dataSource: DataSource, batch: string, pid: number): Promise<string[]> {
  const rows = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM outbox_message WHERE idempotency_key LIKE ${param(dataSource, 1)}
     AND claimed_by LIKE ${param(dataSource, 2)} AND status IN ('queued', 'failed')`,
    [`${batch}:%`, `%:${pid}:%`],
  );
  return rows.map((r) => r.id);
}

/** A positional parameter in the driver's spelling. */
function param(dataSource: DataSource, n: number): string {
  return dataSource.options.type === 'postgres' ? `$${n}` : '?';
}
