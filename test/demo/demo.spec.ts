import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import { DEMO_WEEKS, EXECUTIVE } from '../../scripts/demo/portfolio';
import { type DemoResult, type DemoRun, runDemo } from '../../scripts/demo/run-demo';
import { formatDemoSummary } from '../../scripts/demo/summary';

/*
 * `npm run demo` end to end, through the same function the command runs: the
 * demo portfolio played for its eight weeks (4 October – 28 November 2027) on
 * a real Cadence over HTTP and the manual clock, into a data folder of its
 * own. The whole demo takes about fifteen seconds, so CI runs it unabridged,
 * without the progress bar, the screenshot and --serve.
 */
describe('npm run demo: the demo portfolio over eight weeks', () => {
  let dataDir: string;
  let demo: DemoRun;
  let result: DemoResult;
  const byStory = (story: string): DemoResult['engagements'][number] =>
    result.engagements.find((e) => e.story === story)!;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cadence-demo-'));
    // What an earlier demo and the developer's own `npm start` left behind.
    mkdirSync(join(dataDir, 'outbox'));
    writeFileSync(join(dataDir, 'outbox', 'earlier.eml'), 'Subject: from an earlier run\r\n\r\nold\r\n');
    writeFileSync(join(dataDir, 'demo.sqlite'), 'not a database: an earlier demo, to be reset');
    writeFileSync(join(dataDir, 'cadence.sqlite'), 'the developer’s own database');
    demo = await runDemo({
      dataDir,
      env: { PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      logLevel: 'silent',
    });
    result = demo.result;
  }, 180_000);

  afterAll(async () => {
    await demo?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs every week without a failed job, its snapshots agreeing with what was read', () => {
    expect(result.weeks).toBe(DEMO_WEEKS);
    expect(result.failedJobs).toEqual({});
    for (const e of result.engagements) {
      expect(e.run.weeks).toHaveLength(DEMO_WEEKS);
      expect(e.run.snapshotMismatches).toEqual([]);
    }
  });

  it('flags the slipping vendor before it is strained', () => {
    const slipping = byStory('slowly slipping');
    const truth = slipping.verdict.truth;
    if (truth.kind !== 'slide') throw new Error(`unexpected truth ${truth.kind}`);
    const first = slipping.verdict.alarms[0];
    expect(first).toBeDefined();
    expect(first.week).toBeGreaterThanOrEqual(truth.slideFrom);
    expect(first.week).toBeLessThan(truth.strainWeek);
    expect(slipping.health.band).not.toBe('healthy');
  });

  it('never flags the vendor whose only gaps are its holidays, though Diwali took its meeting and report', () => {
    const holidayOnly = byStory('holiday weeks only');
    expect(holidayOnly.verdict.alarms).toEqual([]);
    expect(holidayOnly.health.flags).toEqual([]);
    const diwaliWeek = holidayOnly.run.weeks.find((w) =>
      w.outcomes.some((o) => o.kind === 'skipped' && o.reason.includes('Diwali')),
    );
    expect(diwaliWeek?.weekStart).toBe('2027-10-25');
    expect(diwaliWeek?.outcomes.filter((o) => o.kind === 'skipped')).toHaveLength(2);
  });

  it('tells the other stories too: the exemplary vendor recognised, the recovering one healthy again', () => {
    const exemplary = byStory('exemplary');
    expect(exemplary.verdict.alarms).toEqual([]);
    expect(exemplary.health.highlights.length).toBeGreaterThan(0);
    const recovering = byStory('recovering');
    expect(recovering.verdict.alarms.length).toBeGreaterThan(0);
    expect(recovering.health.band).toBe('healthy');
    expect(recovering.health.trend).toBeGreaterThan(0);
  });

  it('sends the executive one digest a week, Monday 08:00 London, into the outbox folder', async () => {
    const sent = result.digests.map((d) => DateTime.fromISO(d.sentAt!, { zone: EXECUTIVE.place.timeZone }));
    const weeks = sent.map((at) => at.toISOWeekDate().slice(0, 8));
    // The eight simulated weeks, and the Monday after the last, when the last week's digest goes out.
    expect(weeks).toEqual(
      Array.from({ length: DEMO_WEEKS + 1 }, (_, i) =>
        DateTime.fromISO('2027-10-04', { zone: EXECUTIVE.place.timeZone })
          .plus({ weeks: i })
          .toISOWeekDate()
          .slice(0, 8),
      ),
    );
    for (const at of sent) expect(at.toFormat('ccc HH:mm')).toBe('Mon 08:00');

    const outbox = join(dataDir, 'outbox');
    const mails = await Promise.all(
      readdirSync(outbox).map(async (file) => simpleParser(readFileSync(join(outbox, file)))),
    );
    const digests = mails.filter(
      (m) =>
        // mailparser gathers the List-* headers under `list`; only the digest carries List-Unsubscribe.
        (m.headers.get('list') as { unsubscribe?: unknown } | undefined)?.unsubscribe !== undefined &&
        [m.to].flat().some((to) => to?.value.some((v) => v.address === EXECUTIVE.email)),
    );
    expect(digests).toHaveLength(DEMO_WEEKS + 1);
    expect(new Set(digests.map((m) => m.subject)).size).toBe(DEMO_WEEKS + 1);
  });

  it('reset what an earlier demo left, and left the developer’s own database alone', () => {
    expect(result.clearedMessages).toBe(1);
    const outbox = readdirSync(join(dataDir, 'outbox'));
    expect(outbox).not.toContain('earlier.eml');
    expect(outbox).toHaveLength(
      result.messages.filter((m) => m.channel === 'email' && m.status === 'sent').length,
    );
    expect(readFileSync(join(dataDir, 'cadence.sqlite'), 'utf8')).toBe('the developer’s own database');
  });

  it('ends with a digest to open, a working report form, the docs and the token', async () => {
    const digest = readFileSync(result.latestDigestFile, 'utf8');
    expect(digest).toContain('Wawel Care');
    expect(digest).toContain('Sahyadri Leads');

    const form = await fetch(result.reportForm.url);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Wawel Care');
    expect((await fetch(`${result.baseUrl}/docs`)).status).toBe(200);
    expect(existsSync(join(dataDir, 'api-token'))).toBe(true);

    const summary = formatDemoSummary(result, { serving: false, cwd: dataDir });
    expect(summary).toContain(`.${'/'}outbox/`);
    expect(summary).toContain(result.reportForm.url);
    expect(summary).toContain(`${result.baseUrl}/docs`);
    expect(summary).toContain(result.token.token);
    expect(summary).toMatch(
      /Wawel Care \(slowly slipping\) +flagged in week \d \([A-Z_, ]+\), \d weeks? before it was strained/,
    );
    expect(summary).toMatch(/Sahyadri Leads \(holiday weeks only\) +never flagged/);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
