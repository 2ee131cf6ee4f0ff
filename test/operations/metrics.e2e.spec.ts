import { DataSource } from 'typeorm';
import type { EmailPayload } from '../../src/notifications/outbox/outbox-payload';
import { OutboxService, type NewOutboxMessage } from '../../src/notifications/outbox/outbox.service';
import { OutboxWorker } from '../../src/notifications/outbox/outbox.worker';
import { newEngagement } from '../factories/people.factory';
import { FakeSmtpServer } from '../fakes/smtp.fake';
import { TestApp } from '../support/test-app';
import { parsePrometheus, sampleSum, sampleValue, type PromSample } from './support/prometheus-text';

function email(key: string, dueAt?: string): NewOutboxMessage {
  const payload: EmailPayload = {
    kind: 'email',
    to: [{ address: 'maria@manilacx.example' }],
    subject: `Metrics ${key}`,
    html: `<p>${key}</p>`,
    text: key,
  };
  return {
    idempotencyKey: `metrics:${key}`,
    purpose: 'test',
    recipient: 'maria@manilacx.example',
    summary: payload.subject,
    payload,
    ...(dueAt !== undefined && { dueAt: new Date(dueAt) }),
  };
}

describe('GET /metrics', () => {
  let smtp: FakeSmtpServer;
  let app: TestApp;

  const scrape = async (): Promise<PromSample[]> => {
    const result = await app.fetch<string>('/metrics');
    expect(result.status).toBe(200);
    return parsePrometheus(result.text);
  };
  const enqueue = (...messages: NewOutboxMessage[]): Promise<boolean[]> => {
    const outbox = app.app.get(OutboxService);
    return app.app
      .get(DataSource)
      .transaction((manager) => Promise.all(messages.map((m) => outbox.enqueue(manager, m))));
  };

  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    app = await TestApp.start({ env: { SMTP_URL: smtp.url }, clockStart: '2027-03-01T08:00:00Z' });
    app.app.get(OutboxWorker).useRandom(() => 0.5);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('answers without a token, in Prometheus text format, with process metrics', async () => {
    const result = await app.fetch<string>('/metrics');
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const samples = parsePrometheus(result.text);
    expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(sampleValue(samples, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('times requests by method, route template and status, never by raw URL', async () => {
    await app.api('GET', '/api/v1/people/00000000-0000-0000-0000-000000000001');
    await app.api('GET', '/api/v1/people/another-id');
    await app.api('GET', '/no/such/route/4711');
    const samples = await scrape();
    expect(
      sampleValue(samples, 'cadence_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/v1/people/:id',
        status: '404',
      }),
    ).toBe(2);
    expect(
      sampleValue(samples, 'cadence_http_request_duration_seconds_count', {
        method: 'GET',
        route: 'unmatched',
        status: '404',
      }),
    ).toBe(1);
    const routes = new Set(
      samples
        .filter((s) => s.name === 'cadence_http_request_duration_seconds_count')
        .map((s) => s.labels.route),
    );
    expect([...routes].some((r) => r.includes('4711') || r.includes('another-id'))).toBe(false);
  });

  it('reports outbox depth and the age of the oldest due message at scrape time', async () => {
    // Clock at 08:00; one message has been due since 06:30, one is due now, one at noon.
    await enqueue(
      email('overdue', '2027-03-01T06:30:00Z'),
      email('now', '2027-03-01T08:00:00Z'),
      email('later', '2027-03-01T12:00:00Z'),
    );
    const samples = await scrape();
    expect(sampleValue(samples, 'cadence_outbox_depth', { status: 'queued' })).toBe(3);
    expect(sampleValue(samples, 'cadence_outbox_depth', { status: 'failed' })).toBe(0);
    expect(sampleValue(samples, 'cadence_outbox_oldest_due_age_seconds')).toBe(90 * 60);
  });

  it('counts sends by channel and result, and scheduler runs by job', async () => {
    smtp.rejectNext(550, 'No such mailbox');
    await app.advanceClock('2027-03-01T08:00:00Z');
    let samples = await scrape();
    // Two were due: one bounced for good, one went out; the noon one waits.
    expect(sampleValue(samples, 'cadence_outbox_sends_total', { channel: 'email', result: 'sent' })).toBe(1);
    expect(sampleValue(samples, 'cadence_outbox_sends_total', { channel: 'email', result: 'dead' })).toBe(1);
    expect(sampleValue(samples, 'cadence_outbox_depth', { status: 'queued' })).toBe(1);
    expect(sampleValue(samples, 'cadence_outbox_oldest_due_age_seconds')).toBe(0);
    expect(sampleValue(samples, 'cadence_scheduler_job_items_total', { job: 'outbox.deliver' })).toBe(2);
    expect(
      sampleValue(samples, 'cadence_scheduler_job_duration_seconds_count', {
        job: 'outbox.deliver',
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(1);

    await smtp.stop();
    await app.advanceClock('2027-03-01T12:00:00Z');
    samples = await scrape();
    expect(sampleValue(samples, 'cadence_outbox_sends_total', { channel: 'email', result: 'failed' })).toBe(
      1,
    );
    expect(sampleValue(samples, 'cadence_outbox_depth', { status: 'failed' })).toBe(1);
    await smtp.start();
  });

  it('counts planner runs and the touchpoints they wrote', async () => {
    const { engagement } = await newEngagement(app);
    const created = await app.api('POST', `/api/v1/engagements/${engagement.id}/cadences`, {
      kind: 'status_report',
      title: 'Weekly status',
      frequency: 'weekly',
      due: { weekday: 'fri', time: '17:00' },
      holidayPolicy: 'shift',
    });
    expect(created.status).toBe(201);
    const samples = await scrape();
    expect(sampleValue(samples, 'cadence_planner_runs_total')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, 'cadence_planner_engagements_total')).toBeGreaterThanOrEqual(1);
    // A twelve-week horizon of a weekly report.
    expect(
      sampleValue(samples, 'cadence_planner_touchpoints_written_total', { change: 'inserted' }),
    ).toBeGreaterThanOrEqual(12);
    expect(sampleSum(samples, 'cadence_scheduler_job_duration_seconds_count')).toBeGreaterThan(0);
  });

  it('keeps its own registry: a second app in the same process starts from zero', async () => {
    const other = await TestApp.start();
    try {
      const samples = parsePrometheus((await other.fetch<string>('/metrics')).text);
      expect(sampleSum(samples, 'cadence_outbox_sends_total')).toBe(0);
      expect(sampleValue(samples, 'cadence_planner_runs_total')).toBe(0);
    } finally {
      await other.close();
    }
  });
});
