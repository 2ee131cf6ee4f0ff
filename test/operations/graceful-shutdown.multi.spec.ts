import type { DataSource } from 'typeorm';
import { SystemClock } from '../../src/core/clock/clock';
import { logMessage, startOn, waitUntil } from '../support/process-harness';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from '../support/test-database';
import { CountingSmtpServer } from './support/counting-smtp';
import { batchState, enqueueEmails, openDatabase } from './support/outbox-fixture';

interface PendingRow {
  id: string;
  claimed_by: string | null;
  next_attempt_at: string;
}

/** The processes run on the system clock; so does the test's idea of "due". */
const realNow = (): number => new SystemClock().now().toMillis();

const KINDS: TestDatabaseKind[] = ['sqlite', 'postgres'];

/** The built app as a child process, stopped with signals while it delivers through a slow SMTP server. */
describe.each(KINDS)('Graceful shutdown of a real Cadence process on %s', (kind) => {
  let smtp: CountingSmtpServer;
  let database: TestDatabase;
  let dataSource: DataSource;

  /** Rows still to send: none may be held by a claim of a process that is gone. */
  const pending = (batch: string): Promise<PendingRow[]> =>
    dataSource.query<PendingRow[]>(
      `SELECT id, claimed_by, next_attempt_at FROM outbox_message
       WHERE idempotency_key LIKE '${batch}:%' AND status IN ('queued', 'failed')`,
    );
  const sentIds = async (batch: string): Promise<Set<string>> =>
    new Set(
      (
        await dataSource.query<{ id: string }[]>(
          `SELECT id FROM outbox_message WHERE idempotency_key LIKE '${batch}:%' AND status = 'sent'`,
        )
      ).map((r) => r.id),
    );
  const smtpIdsOf = (ids: Set<string>): string[] =>
    [...smtp.received.keys()].map((m) => /^<([^@]+)@/.exec(m)?.[1] ?? m).filter((id) => ids.has(id));

  beforeAll(async () => {
    smtp = await CountingSmtpServer.start();
    database = await createTestDatabase(kind);
    dataSource = await openDatabase(database.url);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    await smtp?.close();
  });

  it('on SIGTERM turns unready at once, claims nothing more, finishes the sends in flight, hands the rest back due, and exits 0', async () => {
    smtp.answerAfter(300);
    await enqueueEmails(dataSource, 'drain', 300);
    const cadence = await startOn(database, smtp, 'drain', { SHUTDOWN_TIMEOUT_SECONDS: '20' });
    expect((await cadence.text('/health/ready')).status).toBe(200);
    await waitUntil(
      () => smtp.distinct >= 24,
      60_000,
      () => `only ${smtp.distinct} sent`,
    );

    const signalledAt = performance.now();
    cadence.kill('SIGTERM');
    // Readiness must go to 503 while the process still answers (it finishes its sends first).
    let readiness: number | null = null;
    while (cadence.running && readiness !== 503) {
      readiness = await cadence
        .text('/health/ready')
        .then((r) => r.status)
        .catch(() => null);
      if (readiness !== 503) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const exit = await cadence.exited;
    const tookMs = performance.now() - signalledAt;

    expect({ exit, readiness }).toEqual({ exit: { code: 0, signal: null }, readiness: 503 });
    expect(tookMs).toBeLessThan(5_000);
    // The order, from the process's own log.
    const order = [/SIGTERM: shutting down/, /draining: not ready/, /scheduler stopped/, /^stopped$/].map(
      (pattern) => cadence.logs.findIndex((l) => pattern.test(logMessage(l))),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const handedBack = cadence.messages(/handed back \d+ claimed message/);
    expect(handedBack.length).toBeGreaterThan(0);

    // Nothing stuck: every unsent row is unclaimed and due now, not at the end of a lease.
    const now = realNow();
    const left = await pending('drain');
    expect(left.length).toBeGreaterThan(0);
    expect(left.filter((r) => r.claimed_by !== null || Date.parse(r.next_attempt_at) > now)).toEqual([]);
    // Nothing lost: what the SMTP server took is recorded as sent, once.
    const sent = await sentIds('drain');
    expect(smtpIdsOf(sent).length).toBe(sent.size);
    expect(smtp.distinct).toBe(sent.size);
    expect(smtp.duplicates()).toEqual([]);
    console.log(
      `SIGTERM mid-drain: exit 0 after ${Math.round(tookMs)} ms; ${sent.size} sent, ${left.length} handed back due; ` +
        `${handedBack.map(logMessage).join('; ')}`,
    );

    // The next start sends the rest, and nothing twice.
    smtp.answerAfter(0);
    const next = await startOn(database, smtp, 'after-drain');
    await waitUntil(
      async () => (await batchState(dataSource, 'drain')).sent === 300,
      60_000,
      async () => JSON.stringify(await batchState(dataSource, 'drain')),
    );
    expect(await next.stop()).toEqual({ code: 0, signal: null });
    expect(smtp.distinct).toBe(300);
    expect(smtp.duplicates()).toEqual([]);
  });

  it('exits 1 when draining outlasts SHUTDOWN_TIMEOUT_SECONDS, leaving the hung send to come due after its lease', async () => {
    smtp.answerAfter(120_000);
    await enqueueEmails(dataSource, 'hung', 20);
    const cadence = await startOn(database, smtp, 'hung', {
      SHUTDOWN_TIMEOUT_SECONDS: '2',
      OUTBOX_LEASE_SECONDS: '30',
    });
    await waitUntil(async () => (await pending('hung')).some((r) => r.claimed_by !== null), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = performance.now();
    cadence.kill('SIGTERM');
    const exit = await cadence.exited;
    const tookMs = performance.now() - signalledAt;
    expect(exit).toEqual({ code: 1, signal: null });
    expect(tookMs).toBeGreaterThanOrEqual(1_900);
    expect(tookMs).toBeLessThan(4_000);
    expect(cadence.messages(/shutdown outlasted 2 s/)).toHaveLength(1);
    // The sends that hung still hold their lease; nothing was marked sent or dead.
    const state = await batchState(dataSource, 'hung');
    expect(state).toMatchObject({ total: 20, sent: 0, other: 0, pending: 20 });
    const held = (await pending('hung')).filter((r) => r.claimed_by !== null);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((r) => Date.parse(r.next_attempt_at) > realNow())).toBe(true);
  });

  it('exits at once on a second signal', async () => {
    smtp.answerAfter(120_000);
    await enqueueEmails(dataSource, 'twice', 5);
    const cadence = await startOn(database, smtp, 'twice', {
      SHUTDOWN_TIMEOUT_SECONDS: '60',
      OUTBOX_LEASE_SECONDS: '30',
    });
    await waitUntil(async () => (await pending('twice')).some((r) => r.claimed_by !== null), 30_000);
    cadence.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = performance.now();
    cadence.kill('SIGINT');
    expect(await cadence.exited).toEqual({ code: 1, signal: null });
    expect(performance.now() - signalledAt).toBeLessThan(1_000);
    expect(cadence.messages(/SIGINT again/)).toHaveLength(1);
  });
});
