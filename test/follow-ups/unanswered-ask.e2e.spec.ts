import { DateTime } from 'luxon';
import { newEngagement, PLACES } from '../factories/people.factory';
import { TestApp } from '../support/test-app';

interface MessageBody {
  idempotencyKey: string;
  recipient: string;
  status: string;
  dueAt: string;
}
interface TouchpointBody {
  id: string;
  periodKey: string;
}

describe('An ask of the client left unanswered starts ask_unanswered', () => {
  let app: TestApp;
  let engagementId: string;
  let report: TouchpointBody;

  const askNudges = async (): Promise<MessageBody[]> =>
    (
      await app.api<{ items: MessageBody[] }>(
        'GET',
        `/api/v1/messages?engagementId=${engagementId}&purpose=nudge&limit=200`,
      )
    ).body.items.filter((m) => m.idempotencyKey.includes(':ask_unanswered:'));

  beforeAll(async () => {
    app = await TestApp.start({ clockStart: '2027-04-05T00:00:00Z' });
    const created = await newEngagement(app, {
      accountManager: { role: 'account_manager', ...PLACES.newYork, email: 'jim@acme.example' },
      vendorContact: { role: 'vendor_contact', ...PLACES.manila },
      executive: { role: 'executive', ...PLACES.newYork, email: 'eve@acme.example' },
    });
    engagementId = created.engagement.id;
    await app.api('POST', `/api/v1/engagements/${engagementId}/cadences`, {
      kind: 'status_report',
      title: 'Weekly status',
      frequency: 'weekly',
      due: { weekday: 'thu', time: '17:00' },
    });
    const touchpoints = await app.api<TouchpointBody[]>(
      'GET',
      `/api/v1/engagements/${engagementId}/touchpoints?from=2027-04-05&to=2027-04-30`,
    );
    report = touchpoints.body.find((t) => t.periodKey === '2027-W14') as TouchpointBody;
    await app.advanceClock('2027-04-08T06:00:00Z');
    const submitted = await app.api('POST', `/api/v1/touchpoints/${report.id}/report`, {
      status: 'green',
      kpis: { close_rate: 13 },
      highlights: 'Good week',
      blockers: [],
      asks: ['Approve script v3', 'Share the Q2 lead list'],
      nextWeekPlan: 'More of the same',
    });
    expect(submitted.status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
  });

  it('waits three of the account manager’s working days, then nudges them and later the executive', async () => {
    await app.advanceClock('2027-04-12T00:00:00Z');
    expect(await askNudges()).toEqual([]);
    await app.advanceClock('2027-04-13T20:00:00Z');
    const nudges = await askNudges();
    const manager = nudges.find((m) => m.recipient === 'jim@acme.example');
    expect(manager).toBeDefined();
    // Asked Thu 8 Apr 02:00 New York time: three of Jim's working days later is Tue 13 Apr, 09:00.
    expect(
      DateTime.fromISO(manager?.dueAt ?? '', { zone: 'America/New_York' }).toFormat('ccc yyyy-MM-dd HH:mm'),
    ).toBe('Tue 2027-04-13 09:00');
    expect(nudges.find((m) => m.recipient === 'eve@acme.example')?.status).toBe('queued');
  });

  it('sends nothing for a report whose asks are all answered in time', async () => {
    const next = (
      await app.api<TouchpointBody[]>(
        'GET',
        `/api/v1/engagements/${engagementId}/touchpoints?from=2027-04-05&to=2027-04-30`,
      )
    ).body.find((t) => t.periodKey === '2027-W15') as TouchpointBody;
    await app.advanceClock('2027-04-15T06:00:00Z');
    await app.api('POST', `/api/v1/touchpoints/${next.id}/report`, {
      status: 'green',
      kpis: { close_rate: 13 },
      highlights: '',
      blockers: [],
      asks: ['Confirm the holiday roster'],
      nextWeekPlan: '',
    });
    const answered = await app.api('POST', `/api/v1/touchpoints/${next.id}/report/asks/0/answer`, {
      note: 'Confirmed',
    });
    expect(answered.status).toBeLessThan(300);
    await app.advanceClock('2027-04-26T00:00:00Z');
    expect((await askNudges()).filter((m) => m.idempotencyKey.includes(next.id))).toEqual([]);
  });
});
