/**
 * The outbox benchmark's sender process: Cadence as createApp builds it, not listening (the real
 * DataSource on a fresh SQLite file, SMTP_URL pointing at the counting server, the JSON logger
 * at LOG_LEVEL as in production, its output to /dev/null) holding N queued report-request
 * e-mails, rendered by the real template. Over IPC it
 *
 * - `worker`: puts every message back to queued (not timed), then times
 *   `OutboxWorker.run(now)` draining them all: claim batches, send through EmailSender and
 *   its nodemailer pool, record each result;
 * - `direct`: reads the same messages (not timed), then times plain nodemailer sending them,
 *   composed as EmailAdapter composes them, over a pool with EmailAdapter's settings, all
 *   handed to the pool at once (nodemailer queues them itself).
 *
 * Both answer `{ ms, sent }`; `warmup` sends 500 the plain way, not timed; `rss` answers the
 * process's peak RSS. Config comes from the environment, as for `main.ts`;
 * BENCH_OUTBOX_BATCH_SIZE and BENCH_OUTBOX_CONCURRENCY override outbox.batchSize and
 * outbox.concurrency, for trying other settings.
 */
import 'reflect-metadata';
import { type DateTime, Settings } from 'luxon';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { Clock } from '../../src/core/clock/clock';
import { loadConfig } from '../../src/core/config/config.loader';
import { bulkInsert } from '../../src/database/bulk-insert';
import type { EmailPayload } from '../../src/notifications/outbox/outbox-payload';
import { OutboxMessage } from '../../src/notifications/outbox/outbox-message.entity';
import { OutboxWorker } from '../../src/notifications/outbox/outbox.worker';
import { renderReportRequestEmail } from '../../src/reports/templates/report-request.email';
import { seededRandom, seededUuid } from '../support/random';

Settings.throwOnInvalid = true;

const VENDORS = ['Manila CX Partners', 'Pune Lead Desk', 'Vistula Ad Operations', 'Nile Contact Center'];
const NAMES = ['Maria Santos', 'Anil Kulkarni', 'Agnieszka Nowak', 'Mona Farouk', 'Julián Restrepo'];

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 10_000);
  const overrides = {
    outbox: {
      ...(process.env.BENCH_OUTBOX_BATCH_SIZE && { batchSize: Number(process.env.BENCH_OUTBOX_BATCH_SIZE) }),
      ...(process.env.BENCH_OUTBOX_CONCURRENCY && {
        concurrency: Number(process.env.BENCH_OUTBOX_CONCURRENCY),
      }),
    },
  };
  const config = loadConfig({ env: { ...process.env, CADENCE_CLOCK: 'manual' }, overrides });
  if (config.mail.smtpUrl === null) throw new Error('SMTP_URL is required');
  // The service as main.ts builds it (JSON logs at LOG_LEVEL), initialised but not listening.
  const app = await createApp(config);
  await app.init();
  const dataSource = app.get(DataSource);
  const worker = app.get(OutboxWorker);
  const now = app.get(Clock).now();
  await seed(dataSource, count, now);

  /** Plain nodemailer, as EmailAdapter would send the first `limit` messages, all handed to the pool at once. */
  const sendDirect = async (limit: number): Promise<Record<string, unknown>> => {
    const rows = await dataSource.getRepository(OutboxMessage).find({ order: { dueAt: 'ASC' }, take: limit });
    const from = config.mail.from;
    const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
    const mails: SendMailOptions[] = rows.map((row) => {
      const payload = row.payload as EmailPayload;
      return {
        from,
        to: payload.to.map((r) => (r.name ? { name: r.name, address: r.address } : r.address)),
        subject: payload.subject,
        text: payload.text,
        html: payload.html,
        messageId: `<${row.id}@${domain}>`,
        headers: {},
        date: now.toJSDate(),
      };
    });
    const started = performance.now();
    // The pool EmailAdapter builds (src/notifications/email/email.adapter.ts), setting for setting.
    const transport = createTransport({
      url: config.mail.smtpUrl ?? '',
      pool: true,
      maxConnections: 5,
      maxRequeues: 0,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    const results = await Promise.allSettled(mails.map((mail) => transport.sendMail(mail)));
    const ms = performance.now() - started;
    transport.close();
    return { ms, sent: results.filter((r) => r.status === 'fulfilled').length };
  };

  const handlers: Record<string, () => Promise<Record<string, unknown>>> = {
    worker: async () => {
      await dataSource.query(
        `UPDATE outbox_message SET status = 'queued', attempts = 0, sent_at = NULL, claimed_by = NULL,
         provider_message_id = NULL, last_error = NULL, next_attempt_at = due_at`,
      );
      const started = performance.now();
      const handled = await worker.run(now);
      const ms = performance.now() - started;
      const [{ n }] = await dataSource.query<{ n: number }[]>(
        "SELECT COUNT(*) AS n FROM outbox_message WHERE status = 'sent'",
      );
      return { ms, handled, sent: Number(n) };
    },
    // Not timed: JIT and sockets warm before either side is measured.
    warmup: () => sendDirect(500),
    // maxRSS is in kilobytes: the peak resident set since the process started.
    rss: async () => ({ maxRssMb: process.resourceUsage().maxRSS / 1024 }),
    direct: () => sendDirect(count),
  };

  process.on('message', (message: { type?: string }) => {
    const type = message.type ?? '';
    if (type === 'stop') {
      void app.close().finally(() => process.exit(0));
      return;
    }
    const handler = handlers[type];
    if (handler === undefined) return;
    handler().then(
      (answer) => process.send?.({ ...answer, type }),
      (error: unknown) => process.send?.({ type: 'error', message: (error as Error).message }),
    );
  });
  process.send?.({ type: 'ready', url: '', settings: config.outbox });
}

/** N report-request e-mails as ReportRequestService queues them, due a minute ago. */
async function seed(dataSource: DataSource, count: number, now: DateTime): Promise<void> {
  const random = seededRandom(20271004);
  const due = now.minus({ minutes: 1 }).toJSDate();
  const messages: OutboxMessage[] = [];
  for (let i = 0; i < count; i++) {
    const name = NAMES[i % NAMES.length];
    const vendor = VENDORS[i % VENDORS.length];
    const address = `vendor.${i}@bench.example`;
    const email = renderReportRequestEmail({
      recipientName: name,
      engagementName: `Acme × ${vendor} ${i % 97}`,
      clientName: 'Acme',
      vendorName: vendor,
      reportTitle: 'Weekly status',
      period: 'Week 41: Mon, Oct 11 – Sun, Oct 17, 2027',
      due: 'Fri, Oct 15, 2027, 5:00 PM (Asia/Manila)',
      expires: 'Fri, Oct 29, 2027, 5:00 PM (Asia/Manila)',
      url: `https://cadence.example.com/r/${seededUuid(random).replace(/-/g, '')}`,
    });
    messages.push(
      Object.assign(new OutboxMessage(), {
        id: seededUuid(random),
        idempotencyKey: `report_request:bench:${i}`,
        channel: 'email',
        purpose: 'report_request',
        engagementId: null,
        touchpointId: null,
        recipientPersonId: null,
        recipient: address,
        summary: email.subject,
        payload: {
          kind: 'email',
          to: [{ name, address }],
          subject: email.subject,
          html: email.html,
          text: email.text,
        },
        status: 'queued',
        attempts: 0,
        dueAt: due,
        nextAttemptAt: due,
        workingHoursOnly: false,
        sentAt: null,
        lastError: null,
        claimedBy: null,
        providerMessageId: null,
        createdAt: due,
        updatedAt: due,
      }),
    );
  }
  await dataSource.transaction((manager) => bulkInsert(manager, OutboxMessage, messages));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `outbox bench process failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
