import { DateTime } from 'luxon';
import { DomainEvents } from '../../src/core/events/domain-events';
import { newEngagement, PLACES } from '../factories/people.factory';
import { FakeSmtpServer } from '../fakes/smtp.fake';
import { TestApp } from '../support/test-app';

interface MessageBody {
  id: string;
  idempotencyKey: string;
  purpose: string;
  recipient: string;
  status: string;
  dueAt: string;
  sentAt: string | null;
  summary: string;
  touchpointId: string | null;
}
interface TouchpointBody {
  id: string;
  status: string;
  scheduledAt: string;
  periodKey: string;
}

const local = (iso: string | null, zone: string): string =>
  DateTime.fromISO(iso ?? '', { zone }).toFormat('ccc yyyy-MM-dd HH:mm');

describe('A US–PH vendor misses a report: the follow-ups, through the manual clock', () => {
  let smtp: FakeSmtpServer;
  let app: TestApp;
  let engagementId: string;
  let report: TouchpointBody;
  let people: { manager: string; vendor: string; executive: string };

  // The follow-ups of this report's lateness (health and digests send their own messages too).
  const nudges = async (): Promise<MessageBody[]> =>
    (
      await app.api<{ items: MessageBody[] }>(
        'GET',
        `/api/v1/messages?engagementId=${engagementId}&purpose=nudge&limit=200`,
      )
    ).body.items.filter((m) => m.idempotencyKey.includes(`${report.id}:report_late:`));

  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    app = await TestApp.start({ env: { SMTP_URL: smtp.url }, clockStart: '2027-04-01T00:00:00Z' });
    const created = await newEngagement(app, {
      accountManager: { role: 'account_manager', ...PLACES.newYork, email: 'jim@acme.example' },
      vendorContact: { role: 'vendor_contact', ...PLACES.manila, email: 'maria@manilacx.example' },
      executive: { role: 'executive', ...PLACES.newYork, email: 'eve@acme.example' },
    });
    engagementId = created.engagement.id;
    people = { manager: 'jim@acme.example', vendor: 'maria@manilacx.example', executive: 'eve@acme.example' };
    const cadence = await app.api('POST', `/api/v1/engagements/${engagementId}/cadences`, {
      kind: 'status_report',
      title: 'Weekly status',
      frequency: 'weekly',
      due: { weekday: 'thu', time: '17:00' },
      startsOn: '2027-04-05',
    });
    expect(cadence.status).toBe(201);
    const touchpoints = await app.api<TouchpointBody[]>(
      'GET',
      `/api/v1/engagements/${engagementId}/touchpoints?from=2027-04-01&to=2027-04-30`,
    );
    report = touchpoints.body.find((t) => t.periodKey === '2027-W14') as TouchpointBody;
    expect(local(report.scheduledAt, 'Asia/Manila')).toBe('Thu 2027-04-08 17:00');
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('marks the report late after the grace and queues the playbook, each step in its reader’s working time', async () => {
    await app.advanceClock('2027-04-08T12:00:00Z');
    const touchpoint = await app.api<TouchpointBody>('GET', `/api/v1/touchpoints/${report.id}`);
    expect(touchpoint.body.status).toBe('late');
    const queued = await nudges();
    const byRecipient = (email: string) =>
      queued
        .filter((m) => m.recipient === email)
        .map((m) => m.dueAt)
        .sort();
    // Fri 9 April is Araw ng Kagitingan in the Philippines: the vendor hears on Monday morning, their time.
    expect(byRecipient(people.vendor).map((d) => local(d, 'Asia/Manila'))).toEqual([
      'Mon 2027-04-12 09:00',
      'Mon 2027-04-12 11:00',
    ]);
    expect(byRecipient(people.manager).map((d) => local(d, 'America/New_York'))).toEqual([
      'Fri 2027-04-09 09:00',
    ]);
    expect(byRecipient(people.executive).map((d) => local(d, 'America/New_York'))).toEqual([
      'Mon 2027-04-12 09:00',
    ]);
  });

  it('delivers each at its time, never earlier, and nothing twice', async () => {
    await app.advanceClock('2027-04-12T02:00:00Z');
    const sent = (await nudges()).filter((m) => m.status === 'sent');
    expect(sent.map((m) => [m.recipient, local(m.sentAt, 'UTC')]).sort()).toEqual(
      [
        [people.manager, 'Fri 2027-04-09 13:00'],
        [people.vendor, 'Mon 2027-04-12 01:00'],
      ].sort(),
    );
    const subjects = smtp.messages.map((m) => m.parsed.subject ?? '');
    expect(subjects.filter((s) => s === 'Weekly status from Manila CX Partners is late')).toHaveLength(1);
    expect(subjects.filter((s) => s === 'Weekly status not received yet')).toHaveLength(1);
  });

  it('stores neither the report nor the withdrawals when its transaction fails', async () => {
    let failures = 1;
    app.app.get(DomainEvents).onInTransaction('report.submitted', async () => {
      if (failures-- > 0) throw new Error('disk full');
    });
    const before = await nudges();
    const failed = await app.api<{ error: { code: string } }>(
      'POST',
      `/api/v1/touchpoints/${report.id}/report`,
      {
        status: 'amber',
        kpis: { close_rate: 11 },
        highlights: 'Lost with the failure',
        blockers: [],
        asks: [],
        nextWeekPlan: 'Send again',
      },
    );
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe('INTERNAL');
    expect((await app.api('GET', `/api/v1/touchpoints/${report.id}/report`)).status).toBe(404);
    // The withdrawals ran in the failed transaction, and went with it.
    expect(await nudges()).toEqual(before);
    expect(before.filter((m) => m.status === 'queued')).toHaveLength(2);
  });

  it('cancels the rest when the report arrives, and marks it late', async () => {
    const submitted = await app.api('POST', `/api/v1/touchpoints/${report.id}/report`, {
      status: 'amber',
      kpis: { close_rate: 11 },
      highlights: 'Caught up after the holiday',
      blockers: [],
      asks: [],
      nextWeekPlan: 'Back on schedule',
    });
    expect(submitted.status).toBeLessThan(300);
    await app.advanceClock('2027-04-13T00:00:00Z');
    const all = await nudges();
    expect(
      all
        .filter((m) => m.status === 'cancelled')
        .map((m) => m.recipient)
        .sort(),
    ).toEqual([people.executive, people.vendor].sort());
    expect(all.filter((m) => m.status === 'sent')).toHaveLength(2);
    // Accepted after its due time: the touchpoint stays marked late, now with the time it came in.
    const touchpoint = await app.api<TouchpointBody & { submittedAt: string }>(
      'GET',
      `/api/v1/touchpoints/${report.id}`,
    );
    expect(touchpoint.body).toMatchObject({ status: 'late', submittedAt: '2027-04-12T02:00:00Z' });
  });
});
