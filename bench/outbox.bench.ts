/**
 * Outbox benchmark (issue 8): drains 10,000 queued e-mails to a local SMTP server through the
 * real OutboxWorker (claiming batches from the table, sending through EmailSender's nodemailer
 * pool, recording each result), and sends the same 10,000 messages with plain nodemailer over
 * a pool with the same settings, in the same run, to the same server. Target: the worker
 * reaches at least 0.7 of plain nodemailer's messages per second.
 *
 * Three processes: this one, the sender (bench/outbox/outbox-process.ts: Cadence's
 * application context on SQLite, JSON logs at LOG_LEVEL=info to /dev/null) and the SMTP server
 * (bench/outbox/smtp-counter.ts: smtp-server that only counts). Worker and plain runs take
 * turns, twice in full mode, and each side's better run counts; every run must land all
 * 10,000 messages at the server.
 */
import { join } from 'node:path';
import { createTestDatabase } from '../test/support/test-database';
import { info, ratio, target, thousands, type Figure } from './support/figures';
import { startServer, type ServerProcess } from './support/server-process';

const MESSAGES = 10_000;
const TARGET_RATIO = 0.7;

export interface OutboxBenchOptions {
  quick?: boolean;
  log?: (line: string) => void;
}

interface Run {
  ms: number;
  /** Messages the SMTP server took during the run. */
  delivered: number;
}

/** Runs the outbox benchmark and returns its figures. */
export async function runOutboxBench(options: OutboxBenchOptions = {}): Promise<Figure[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const rounds = options.quick ? 1 : 2;
  const database = await createTestDatabase('sqlite');
  let smtp: ServerProcess | null = null;
  let sender: ServerProcess | null = null;
  try {
    smtp = await startServer(join(__dirname, 'outbox', 'smtp-counter.js'), [], { PATH: process.env.PATH });
    sender = await startServer(join(__dirname, 'outbox', 'outbox-process.js'), [], {
      PATH: process.env.PATH,
      TZ: 'UTC',
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      CADENCE_DATA_DIR: database.dataDir,
      CADENCE_API_TOKEN: 'bench-outbox-token-0123456789abcdef',
      CADENCE_CLOCK_START: '2027-10-14T09:00:00Z',
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'info',
      BENCH_OUTBOX_MESSAGES: String(MESSAGES),
      BENCH_OUTBOX_BATCH_SIZE: process.env.BENCH_OUTBOX_BATCH_SIZE,
      BENCH_OUTBOX_CONCURRENCY: process.env.BENCH_OUTBOX_CONCURRENCY,
    });
    const counted = async (): Promise<number> => Number((await smtp!.ask('count')).count);
    const run = async (kind: 'worker' | 'direct'): Promise<Run> => {
      const before = await counted();
      const answer = await sender!.ask(kind);
      const delivered = (await counted()) - before;
      const result = { ms: Number(answer.ms), delivered };
      log(
        `outbox: ${kind === 'worker' ? 'OutboxWorker' : 'plain nodemailer'}: ${thousands(delivered)} delivered in ` +
          `${(result.ms / 1000).toFixed(2)} s = ${thousands(perSecond(result))} msg/s`,
      );
      return result;
    };

    await sender.ask('warmup');
    const workers: Run[] = [];
    const directs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      directs.push(await run('direct'));
      workers.push(await run('worker'));
    }
    const best = (runs: readonly Run[]): Run => runs.reduce((a, b) => (perSecond(b) > perSecond(a) ? b : a));
    const worker = best(workers);
    const direct = best(directs);
    const all = (runs: readonly Run[]): boolean => runs.every((r) => r.delivered === MESSAGES);
    const rss = await sender.peakRssMb();
    return [
      info(`plain nodemailer, same pool settings: msg/s`, thousands(perSecond(direct))),
      info(`OutboxWorker (claim, send, record): msg/s`, thousands(perSecond(worker))),
      target(
        'OutboxWorker / plain nodemailer',
        ratio(perSecond(worker) / perSecond(direct)),
        `≥ ${TARGET_RATIO}`,
        perSecond(worker) / perSecond(direct) >= TARGET_RATIO,
      ),
      target(
        `every run delivered all ${thousands(MESSAGES)} messages`,
        [...directs, ...workers].map((r) => thousands(r.delivered)).join(', '),
        thousands(MESSAGES),
        all(directs) && all(workers),
      ),
      info('sender process peak RSS', `${rss.toFixed(0)} MB`),
    ];
  } finally {
    await sender?.stop();
    await smtp?.stop();
    await database.drop();
  }
}

function perSecond(run: Run): number {
  return run.delivered / (run.ms / 1000);
}
