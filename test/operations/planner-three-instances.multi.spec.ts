import type { DataSource } from 'typeorm';
import { PLACES } from '../factories/people.factory';
import { type CadenceProcess, startOn, waitUntil } from '../support/process-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { CountingSmtpServer } from './support/counting-smtp';
import { openDatabase } from './support/outbox-fixture';
import { parsePrometheus, sampleValue } from './support/prometheus-text';

const ENGAGEMENTS = Number(process.env.MULTI_ENGAGEMENTS ?? 24);

interface Plan {
  touchpoints: string[];
  messages: Record<string, number>;
}

/**
 * The planner and the invites sweep on three processes at once: each
 * touchpoint (cadence + period) is written once, each invite queued once
 * (idempotency key) and delivered once.
 */
describe('Three Cadence processes planning the same engagements', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const smtps: CountingSmtpServer[] = [];
  const processes: CadenceProcess[] = [];

  const start = async (name: string, smtp: CountingSmtpServer): Promise<CadenceProcess> => {
    const cadence = await startOn(database, smtp, name, { LOG_LEVEL: 'warn' });
    processes.push(cadence);
    return cadence;
  };

  /** What is planned and queued now: every (cadence, period), and the messages by purpose. */
  const plan = async (): Promise<Plan> => {
    const touchpoints = await dataSource.query<{ key: string }[]>(
      `SELECT cadence_id || '/' || period_key AS key FROM touchpoint ORDER BY 1`,
    );
    const messages = await dataSource.query<{ purpose: string; n: string }[]>(
      `SELECT purpose, COUNT(*) AS n FROM outbox_message GROUP BY purpose ORDER BY purpose`,
    );
    return {
      touchpoints: touchpoints.map((r) => r.key),
      messages: Object.fromEntries(messages.map((r) => [r.purpose, Number(r.n)])),
    };
  };
  const settled = async (): Promise<boolean> => {
    const [{ pending, unsent }] = await dataSource.query<{ pending: string; unsent: string }[]>(
      `SELECT (SELECT COUNT(*) FROM touchpoint WHERE invite_pending) AS pending,
              (SELECT COUNT(*) FROM outbox_message WHERE status IN ('queued', 'failed')) AS unsent`,
    );
    return Number(pending) === 0 && Number(unsent) === 0;
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    dataSource = await openDatabase(database.url);
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await dataSource?.destroy();
    await database?.drop();
    await Promise.all(smtps.map((s) => s.close()));
  });

  it(`writes each touchpoint, and queues and sends each invite, exactly once (${ENGAGEMENTS} engagements)`, async () => {
    // One instance sets the engagements up and plans them: the reference.
    const firstSmtp = await CountingSmtpServer.start();
    smtps.push(firstSmtp);
    const seed = await start('seed', firstSmtp);
    const engagementIds: string[] = [];
    for (let n = 0; n < ENGAGEMENTS; n += 1) engagementIds.push(await newPlannedEngagement(seed, n));
    await waitUntil(settled, 120_000, async () => JSON.stringify(await plan()));
    const reference = await plan();
    expect(reference.touchpoints.length).toBeGreaterThanOrEqual(ENGAGEMENTS * 2 * 10);
    expect(reference.messages.invite).toBeGreaterThan(0);
    expect(await seed.stop()).toEqual({ code: 0, signal: null });

    // Forget the plan, then let three instances rebuild it together: the daily horizon job on
    // each (one wins the day), and re-plans of every engagement sent to all three at once.
    await dataSource.query('TRUNCATE touchpoint, outbox_message, job_state CASCADE');
    const smtp = await CountingSmtpServer.start();
    smtps.push(smtp);
    const trio = await Promise.all(['a', 'b', 'c'].map((name) => start(name, smtp)));
    const replans = await Promise.all(
      engagementIds.flatMap((id, n) =>
        trio.map((cadence) => cadence.api('PATCH', `/api/v1/engagements/${id}`, { name: engagementName(n) })),
      ),
    );
    expect(replans.map((r) => r.status).filter((status) => status !== 200)).toEqual([]);
    await waitUntil(settled, 120_000, async () => JSON.stringify(await plan()));
    // Let a few more sweeps pass on every instance: nothing more may appear.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const rebuilt = await plan();
    expect(rebuilt.touchpoints).toEqual(reference.touchpoints);
    // Invites depend only on the plan. (Report requests do not compare: creating a cadence sends
    // this week's request at once, while a re-plan leaves it for its regular time.)
    expect(rebuilt.messages.invite).toBe(reference.messages.invite);
    const [{ rows, keys }] = await dataSource.query<{ rows: string; keys: string }[]>(
      `SELECT COUNT(*) AS rows, COUNT(DISTINCT idempotency_key) AS keys FROM outbox_message`,
    );
    expect(Number(keys)).toBe(Number(rows));
    const [{ sent }] = await dataSource.query<{ sent: string }[]>(
      `SELECT COUNT(*) AS sent FROM outbox_message WHERE status = 'sent'`,
    );
    expect(smtp.distinct).toBe(Number(sent));
    expect(smtp.duplicates()).toEqual([]);

    // The horizon job ran on exactly one instance; all three planned (the re-plans).
    const samples = await Promise.all(
      trio.map(async (c) => parsePrometheus((await c.text('/metrics')).text)),
    );
    const horizonRuns = samples.map(
      (s) => sampleValue(s, 'cadence_scheduler_job_items_total', { job: 'planner.horizon' }) ?? 0,
    );
    expect(horizonRuns.filter((items) => items > 0)).toHaveLength(1);
    const plannerRuns = samples.map((s) => sampleValue(s, 'cadence_planner_runs_total') ?? 0);
    expect(plannerRuns.every((runs) => runs >= ENGAGEMENTS)).toBe(true);
    console.log(
      `${ENGAGEMENTS} engagements planned by 3 instances at once: ${rebuilt.touchpoints.length} touchpoints ` +
        `(as one instance planned them), messages ${JSON.stringify(rebuilt.messages)}, ${smtp.distinct} sent, ` +
        `0 duplicates; horizon job items per instance ${horizonRuns.join(' / ')}, planner runs ${plannerRuns.join(' / ')}`,
    );
    for (const cadence of trio) expect(await cadence.stop()).toEqual({ code: 0, signal: null });
  });
});

function engagementName(n: number): string {
  return `Acme × Vendor ${n}`;
}

/** An engagement with a New York account manager, a Manila vendor contact, a weekly meeting and a weekly report. */
async function newPlannedEngagement(cadence: CadenceProcess, n: number): Promise<string> {
  const person = async (role: string, place: { timeZone: string; country: string }): Promise<string> => {
    const result = await cadence.api<{ id: string }>('POST', '/api/v1/people', {
      name: `${role} ${n}`,
      email: `${role}.${n}@example.test`,
      role,
      ...place,
    });
    if (result.status !== 201) throw new Error(`person: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body.id;
  };
  const accountManagerId = await person('account_manager', PLACES.newYork);
  const vendorContactId = await person('vendor_contact', n % 2 === 0 ? PLACES.manila : PLACES.kolkata);
  const engagement = await cadence.api<{ id: string }>('POST', '/api/v1/engagements', {
    name: engagementName(n),
    clientName: 'Acme Corp',
    vendorName: `Vendor ${n}`,
    accountManagerId,
    executiveId: null,
    vendorContactIds: [vendorContactId],
    kpis: [],
  });
  if (engagement.status !== 201)
    throw new Error(`engagement: ${engagement.status} ${JSON.stringify(engagement.body)}`);
  const id = engagement.body.id;
  for (const body of [
    {
      kind: 'meeting',
      title: 'Weekly sync',
      frequency: 'weekly',
      durationMinutes: 45,
      holidayPolicy: 'shift',
    },
    {
      kind: 'status_report',
      title: 'Weekly status',
      frequency: 'weekly',
      due: { weekday: 'fri', time: '17:00' },
      holidayPolicy: 'shift',
    },
  ]) {
    const created = await cadence.api('POST', `/api/v1/engagements/${id}/cadences`, body);
    if (created.status !== 201) throw new Error(`cadence: ${created.status} ${JSON.stringify(created.body)}`);
  }
  return id;
}
