import type { DataSource } from 'typeorm';
import { type CadenceProcess, startOn, waitUntil } from '../support/process-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { parsePrometheus, sampleValue } from './support/prometheus-text';
import { CountingSmtpServer } from './support/counting-smtp';
import { batchState, claimedBy, enqueueEmails, openDatabase } from './support/outbox-fixture';

const MESSAGES = Number(process.env.MULTI_MESSAGES ?? 10_000);
const LEASE_SECONDS = 10;
/** Sends in flight per instance (config outbox.concurrency): the most a SIGKILL can cut off mid-send. */
const CONCURRENCY = 8;

/**
 * Three Cadence processes (the built app, system clock) claiming from one
 * PostgreSQL outbox, delivering to one SMTP server that counts by Message-ID
 * (the outbox id: a re-delivery repeats it).
 */
describe('Three Cadence processes sharing one PostgreSQL outbox', () => {
  let smtp: CountingSmtpServer;
  let database: TestDatabase;
  let dataSource: DataSource;
  const processes: CadenceProcess[] = [];

  const start = async (name: string): Promise<CadenceProcess> => {
    const cadence = await startOn(database, smtp, name, {
      OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
      LOG_LEVEL: 'warn',
    });
    processes.push(cadence);
    return cadence;
  };
  const state = (batch: string) => batchState(dataSource, batch);
  const sentBy = async (cadence: CadenceProcess): Promise<number> =>
    sampleValue(parsePrometheus((await cadence.text('/metrics')).text), 'cadence_outbox_sends_total', {
      channel: 'email',
      result: 'sent',
    }) ?? 0;
  const outboxIds = async (batch: string): Promise<Set<string>> =>
    new Set(
      (
        await dataSource.query<{ id: string }[]>(
          `SELECT id FROM outbox_message WHERE idempotency_key LIKE $1`,
          [`${batch}:%`],
        )
      ).map((r) => r.id),
    );
  /** SMTP deliveries of a batch: Message-ID `<outbox id@domain>` → times accepted. */
  const deliveries = (ids: Set<string>): Map<string, number> =>
    new Map(
      [...smtp.received.entries()]
        .map(([messageId, count]) => [/^<([^@]+)@/.exec(messageId)?.[1] ?? messageId, count] as const)
        .filter(([id]) => ids.has(id)),
    );

  beforeAll(async () => {
    smtp = await CountingSmtpServer.start();
    database = await createTestDatabase('postgres');
    dataSource = await openDatabase(database.url);
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await dataSource?.destroy();
    await database?.drop();
    await smtp?.close();
  });

  it(`delivers ${MESSAGES} messages exactly once with three instances claiming at the same time`, async () => {
    await enqueueEmails(dataSource, 'together', MESSAGES);
    const started = performance.now();
    const trio = await Promise.all(['a', 'b', 'c'].map(start));
    await waitUntil(
      async () => (await state('together')).sent === MESSAGES,
      180_000,
      async () => JSON.stringify(await state('together')),
    );
    const seconds = (performance.now() - started) / 1000;

    const ids = await outboxIds('together');
    const delivered = deliveries(ids);
    expect(delivered.size).toBe(MESSAGES);
    expect([...delivered.values()].filter((count) => count !== 1)).toEqual([]);
    expect(await state('together')).toEqual({
      total: MESSAGES,
      sent: MESSAGES,
      pending: 0,
      other: 0,
      retried: 0,
    });
    // Each instance did its share, and together they sent each message once.
    const shares = await Promise.all(trio.map(sentBy));
    expect(shares.every((share) => share > 0)).toBe(true);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(MESSAGES);
    console.log(
      `${MESSAGES} messages, 3 instances: ${seconds.toFixed(1)} s (${Math.round(MESSAGES / seconds)}/s), ` +
        `shares ${shares.join(' / ')}, duplicates 0`,
    );
    for (const cadence of trio) expect(await cadence.stop()).toEqual({ code: 0, signal: null });
  });

  it('loses nothing when one instance is killed with SIGKILL mid-batch and restarted', async () => {
    await enqueueEmails(dataSource, 'killed', MESSAGES);
    const started = performance.now();
    const [a, victim, c] = await Promise.all(['a2', 'victim', 'c2'].map(start));
    // Kill it while it holds a claimed batch, part sent, part not.
    await waitUntil(async () => (await state('killed')).sent >= MESSAGES / 5, 120_000);
    await waitUntil(async () => (await claimedBy(dataSource, 'killed', victim.pid)).length > 0, 30_000);
    victim.kill('SIGKILL');
    const killedAt = performance.now();
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const orphaned = await claimedBy(dataSource, 'killed', victim.pid);
    expect(orphaned.length).toBeGreaterThan(0);
    const leaseEnds = new Map(
      (
        await dataSource.query<{ id: string; next_attempt_at: string }[]>(
          `SELECT id, next_attempt_at FROM outbox_message WHERE id = ANY($1)`,
          [orphaned],
        )
      ).map((r) => [r.id, Date.parse(r.next_attempt_at)]),
    );
    const restarted = await start('restarted');

    await waitUntil(
      async () => (await state('killed')).sent === MESSAGES,
      180_000,
      async () => JSON.stringify(await state('killed')),
    );
    const seconds = (performance.now() - started) / 1000;

    // Nothing lost: every message sent, none dead or stuck.
    const final = await state('killed');
    expect(final).toMatchObject({ total: MESSAGES, sent: MESSAGES, pending: 0, other: 0 });
    const ids = await outboxIds('killed');
    const delivered = deliveries(ids);
    expect(delivered.size).toBe(MESSAGES);
    // The orphaned claims waited out their lease, then went out from another instance.
    const orphanRows = await dataSource.query<{ id: string; sent_at: string | null }[]>(
      `SELECT id, sent_at FROM outbox_message WHERE id = ANY($1)`,
      [orphaned],
    );
    expect(
      orphanRows.filter((r) => r.sent_at === null || Date.parse(r.sent_at) < (leaseEnds.get(r.id) ?? 0)),
    ).toEqual([]);
    // At most the sends in flight at the kill went out twice (the SMTP server had taken them, the
    // database had not heard): the same Message-ID both times, so mail clients show one message.
    const twice = [...delivered.entries()].filter(([, count]) => count > 1);
    expect(twice.every(([, count]) => count === 2)).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(twice.every(([id]) => orphaned.includes(id))).toBe(true);
    // Each outbox row stayed one row: the idempotency keys never doubled.
    const [{ keys, rows }] = await dataSource.query<{ keys: string; rows: string }[]>(
      `SELECT COUNT(DISTINCT idempotency_key) AS keys, COUNT(*) AS rows FROM outbox_message WHERE idempotency_key LIKE 'killed:%'`,
    );
    expect(Number(keys)).toBe(MESSAGES);
    expect(Number(rows)).toBe(MESSAGES);
    console.log(
      `SIGKILL mid-batch: ${orphaned.length} claimed messages orphaned, all sent after the ${LEASE_SECONDS} s lease; ` +
        `${MESSAGES} sent in ${seconds.toFixed(1)} s (${((performance.now() - killedAt) / 1000).toFixed(1)} s after the kill); ` +
        `${twice.length} delivered twice (in flight at the kill, same Message-ID), 0 lost`,
    );
    for (const cadence of [a, c, restarted]) expect(await cadence.stop()).toEqual({ code: 0, signal: null });
  });
});
