import { DateTime } from 'luxon';
import { newEngagement, PLACES } from '../factories/people.factory';
import { FakeSmtpServer, type ReceivedEmail } from '../fakes/smtp.fake';
import { inviteOf } from '../support/ical';
import { TestApp } from '../support/test-app';

interface TouchpointBody {
  id: string;
  status: string;
  scheduledAt: string;
  endsAt: string | null;
  sequence: number;
  periodKey: string;
  adjustment: { type: string; reason: string } | null;
}

describe('Meeting invites, end to end through a real SMTP server', () => {
  let smtp: FakeSmtpServer;
  let app: TestApp;
  let engagementId: string;
  let vendorId: string;

  const meetings = async (): Promise<TouchpointBody[]> =>
    (
      await app.api<TouchpointBody[]>(
        'GET',
        `/api/v1/engagements/${engagementId}/touchpoints?from=2027-01-01&to=2027-12-31&kind=meeting`,
      )
    ).body;
  const mailFor = (touchpointId: string): ReceivedEmail[] =>
    smtp.messages.filter((m) => inviteOf(m.parsed).uid === `${touchpointId}@cadence`);
  const runDueWork = async (): Promise<void> => {
    const now = (await app.api<{ now: string }>('GET', '/api/v1/clock')).body.now;
    await app.api('POST', '/api/v1/clock', { now });
  };

  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    app = await TestApp.start({ env: { SMTP_URL: smtp.url }, clockStart: '2027-03-01T12:00:00Z' });
    const created = await newEngagement(app, {
      accountManager: { role: 'account_manager', ...PLACES.london },
      vendorContact: { role: 'vendor_contact', ...PLACES.warsaw },
    });
    engagementId = created.engagement.id;
    vendorId = created.vendorContact.id;
    const cadence = await app.api('POST', `/api/v1/engagements/${engagementId}/cadences`, {
      kind: 'meeting',
      title: 'Weekly sync',
      frequency: 'weekly',
      durationMinutes: 45,
      preferredWeekdays: ['wed'],
    });
    expect(cadence.status).toBe(201);
    await runDueWork();
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('invites every participant to every occurrence in the horizon, once, with the right instant', async () => {
    const all = await meetings();
    expect(all.length).toBeGreaterThanOrEqual(11);
    expect(smtp.messages).toHaveLength(all.length * 2);
    for (const touchpoint of all) {
      const mails = mailFor(touchpoint.id);
      expect(mails.map((m) => m.recipients[0]).sort()).toHaveLength(2);
      const invite = inviteOf(mails[0].parsed);
      expect(invite).toMatchObject({ method: 'REQUEST', sequence: 0 });
      expect(invite.start).toBe(new Date(touchpoint.scheduledAt).toISOString());
      expect(invite.end).toBe(new Date(touchpoint.endsAt ?? '').toISOString());
    }
    const first = smtp.messages[0].parsed;
    expect(first.html).toBeTruthy();
    expect(first.text).toMatch(/Weekly sync/);
    const again = smtp.messages.length;
    await runDueWork();
    expect(smtp.messages).toHaveLength(again);
  });

  it('sends a moved occurrence with a higher SEQUENCE and the reason', async () => {
    const target = (await meetings()).find((t) => t.periodKey === '2027-W14');
    expect(target).toBeDefined();
    const day = DateTime.fromISO(target?.scheduledAt ?? '', { zone: 'Europe/Warsaw' }).toISODate();
    const timeOff = await app.api('POST', `/api/v1/people/${vendorId}/time-off`, { start: day, end: day });
    expect(timeOff.status).toBe(201);
    await runDueWork();
    const moved = (await meetings()).find((t) => t.id === target?.id);
    expect(moved).toMatchObject({ sequence: 1, adjustment: { type: 'shifted' } });
    const update = mailFor(target?.id ?? '')
      .map((m) => inviteOf(m.parsed))
      .filter((i) => i.sequence === 1);
    expect(update).toHaveLength(2);
    expect(update[0]).toMatchObject({
      method: 'REQUEST',
      start: new Date(moved?.scheduledAt ?? '').toISOString(),
    });
    expect(update[0].description).toMatch(/time off/i);
  });

  it('cancels an occurrence that a blackout skips, with a still higher SEQUENCE', async () => {
    const cadences = await app.api<{ id: string }[]>('GET', `/api/v1/engagements/${engagementId}/cadences`);
    await app.api('PATCH', `/api/v1/engagements/${engagementId}/cadences/${cadences.body[0].id}`, {
      holidayPolicy: 'skip',
    });
    const target = (await meetings()).find((t) => t.periodKey === '2027-W16');
    const day = DateTime.fromISO(target?.scheduledAt ?? '', { zone: 'Europe/Warsaw' }).toISODate();
    await app.api('POST', `/api/v1/engagements/${engagementId}/blackouts`, {
      date: day,
      side: 'vendor',
      name: 'Office move',
    });
    await runDueWork();
    const skipped = (await meetings()).find((t) => t.id === target?.id);
    expect(skipped).toMatchObject({
      status: 'skipped',
      adjustment: { type: 'skipped', reason: expect.stringContaining('Office move') },
    });
    const cancels = mailFor(target?.id ?? '')
      .map((m) => inviteOf(m.parsed))
      .filter((i) => i.method === 'CANCEL');
    expect(cancels).toHaveLength(2);
    expect(cancels[0].sequence).toBe(skipped?.sequence);
    expect(cancels[0].sequence).toBeGreaterThan(0);
  });

  it('reschedules by hand with a warning outside hours, and re-invites', async () => {
    const target = (await meetings()).find((t) => t.periodKey === '2027-W18');
    const result = await app.api<{ touchpoint: TouchpointBody; warnings: string[] }>(
      'POST',
      `/api/v1/touchpoints/${target?.id}/reschedule`,
      {
        scheduledAt: '2027-05-06T20:00:00Z',
      },
    );
    expect(result.status).toBe(200);
    expect(result.body.touchpoint).toMatchObject({
      scheduledAt: '2027-05-06T20:00:00Z',
      sequence: (target?.sequence ?? 0) + 1,
    });
    expect(result.body.warnings.join()).toMatch(/outside working hours/);
    await runDueWork();
    const latest = mailFor(target?.id ?? '')
      .map((m) => inviteOf(m.parsed))
      .sort((a, b) => b.sequence - a.sequence)[0];
    expect(latest).toMatchObject({ method: 'REQUEST', start: '2027-05-06T20:00:00.000Z' });
  });

  it('marks a meeting held once it has started, and not before', async () => {
    const [first] = await meetings();
    const early = await app.api('POST', `/api/v1/touchpoints/${first.id}/held`, {});
    expect(early.status).toBe(409);
    await app.api('POST', '/api/v1/clock', { now: first.scheduledAt });
    const held = await app.api<TouchpointBody>('POST', `/api/v1/touchpoints/${first.id}/held`, {
      notes: 'Good call',
    });
    expect(held.body.status).toBe('held');
  });
});
