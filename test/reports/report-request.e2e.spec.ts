import { DataSource } from 'typeorm';
import { Touchpoint } from '../../src/cadences/touchpoint.entity';
import { ReportRequestService } from '../../src/reports/report-request.service';
import { newPerson } from '../factories/people.factory';
import { FakeSmtpServer, type ReceivedEmail } from '../fakes/smtp.fake';
import { TestApp } from '../support/test-app';
import {
  FormSession,
  reportEngagement,
  reportTouchpoint,
  snapshot,
  textOf,
  type ReportFixture,
} from './report-test-kit';

interface MessageRow {
  idempotencyKey: string;
  purpose: string;
  status: string;
  recipient: string;
  touchpointId: string;
  sentAt: string | null;
}

const LINK = /https?:\/\/[^\s"<>]+\/r\/[A-Za-z0-9_-]{43}/;

function linkIn(mail: ReceivedEmail): string {
  const match = LINK.exec(mail.parsed.text ?? '');
  if (match === null) throw new Error('no form link in the e-mail');
  return match[0];
}

describe('Report requests, sent by the scheduler through a real SMTP server', () => {
  let smtp: FakeSmtpServer;
  let app: TestApp;
  let fixture: ReportFixture;
  let priyaId: string;

  const requests = async (): Promise<MessageRow[]> =>
    (await app.api<{ items: MessageRow[] }>('GET', '/api/v1/messages?purpose=report_request&limit=200')).body
      .items;
  const touchpoint = (id: string) =>
    app.app.get(DataSource).getRepository(Touchpoint).findOneByOrFail({ id });

  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    app = await TestApp.start({ env: { SMTP_URL: smtp.url }, clockStart: '2027-03-22T00:00:00Z' });
    fixture = await reportEngagement(app, { name: 'Acme <script>window.pwned=1</script> × Manila CX' });
    const priya = await newPerson(app, {
      role: 'vendor_contact',
      name: 'Priya Nair',
      timeZone: 'Asia/Kolkata',
      country: 'IN',
      locale: 'en-IN',
    });
    priyaId = priya.id;
    const patched = await app.api('PATCH', `/api/v1/engagements/${fixture.engagement.id}`, {
      vendorContactIds: [fixture.vendorContact.id, priya.id],
    });
    expect(patched.status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('sends each vendor contact a personal link when the request falls due, and only then', async () => {
    // Due Fri 2027-03-26 17:00 Manila; asked for one working day earlier.
    const id = await reportTouchpoint(app, fixture, '2027-03-26T09:00:00Z', {
      requestAt: '2027-03-25T09:00:00Z',
    });

    await app.advanceClock('2027-03-25T08:59:00Z');
    expect(await requests()).toEqual([]);
    expect((await touchpoint(id)).requestQueuedAt).toBeNull();

    const summary = await app.advanceClock('2027-03-25T12:00:00Z');
    expect(summary.ran['reports.request']).toBe(1);
    expect(summary.failed).toEqual({});
    // Executives also get their weekly digest on Monday mornings: keep to the report requests.
    const isRequest = (m: { parsed: { subject?: string } }): boolean =>
      (m.parsed.subject ?? '').startsWith('Weekly status for');
    while (smtp.messages.filter(isRequest).length < 2) await smtp.waitFor(smtp.messages.length + 1);
    const mails = smtp.messages.filter(isRequest);

    const rows = await requests();
    expect(rows.map((r) => [r.idempotencyKey, r.status, r.sentAt]).sort()).toEqual(
      [
        [`report_request:${id}:${fixture.vendorContact.id}`, 'sent', '2027-03-25T09:00:00.000Z'],
        [`report_request:${id}:${priyaId}`, 'sent', '2027-03-25T09:00:00.000Z'],
      ].sort(),
    );
    expect((await touchpoint(id)).requestQueuedAt).toEqual(new Date('2027-03-25T09:00:00.000Z'));

    const maria = mails.find((m) => m.recipients.includes(fixture.vendorContact.email));
    const priya = mails.find((m) => m !== maria);
    if (maria === undefined || priya === undefined) throw new Error('expected one mail per vendor contact');
    // Which engagement, which period, and when it is due in each reader's own time, zone named.
    expect(maria.parsed.subject).toBe(
      'Weekly status for Acme <script>window.pwned=1</script> × Manila CX: due Fri, Mar 26, 2027, 5:00 PM GMT+8 (Asia/Manila)',
    );
    expect(maria.parsed.text).toContain('Hello Maria Santos,');
    expect(maria.parsed.text).toContain('Period: Week 12: Mon, Mar 22');
    expect(maria.parsed.text).toContain('Due:    Fri, Mar 26, 2027, 5:00 PM GMT+8 (Asia/Manila)');
    expect(maria.parsed.text).toContain('It works until Fri, Apr 9, 2027, 5:00 PM GMT+8 (Asia/Manila).');
    expect(priya.parsed.text).toMatch(/Due: {4}Fri, 26 Mar, 2027, 2:30\spm IST \(Asia\/Kolkata\)/);
    // The engagement name is shown as typed, never as markup.
    const html = String(maria.parsed.html);
    expect(html).toContain('Acme &lt;script&gt;window.pwned=1&lt;/script&gt; × Manila CX');
    expect(html).not.toContain('<script');

    const mariaLink = linkIn(maria);
    const priyaLink = linkIn(priya);
    expect(mariaLink.startsWith(`${app.config.server.publicUrl}/r/`)).toBe(true);
    expect(mariaLink).not.toBe(priyaLink);
    expect(html).toContain(`href="${mariaLink}"`);

    // The link opens the form, for that contact, in their zone, and opening it changes nothing.
    const before = await snapshot(app);
    const page = await new FormSession(app).open(new URL(mariaLink).pathname);
    expect(page.status).toBe(200);
    expect(textOf(page.text)).toContain('Fri, Mar 26, 2027, 5:00 PM GMT+8 (Asia/Manila)');
    const priyaPage = await new FormSession(app).open(new URL(priyaLink).pathname);
    expect(textOf(priyaPage.text)).toContain('(Asia/Kolkata)');
    expect(await snapshot(app)).toEqual(before);
  });

  it('never sends the same request twice', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-04-02T09:00:00Z', {
      requestAt: '2027-04-01T09:00:00Z',
    });
    await app.advanceClock('2027-04-01T10:00:00Z');
    const count = (await requests()).filter((r) => r.touchpointId === id).length;
    expect(count).toBe(2);
    await app.advanceClock('2027-04-02T10:00:00Z');
    expect(await app.app.get(ReportRequestService).queueNow(id)).toBe(false);
    // Even when the planner re-opens the request, the idempotency key holds.
    await app.app.get(DataSource).getRepository(Touchpoint).update({ id }, { requestQueuedAt: null });
    expect(await app.app.get(ReportRequestService).queueNow(id)).toBe(true);
    await app.advanceClock('2027-04-02T11:00:00Z');
    expect((await requests()).filter((r) => r.touchpointId === id)).toHaveLength(2);
  });

  it('asks only for pending reports', async () => {
    const skipped = await reportTouchpoint(app, fixture, '2027-04-09T09:00:00Z', {
      requestAt: '2027-04-08T09:00:00Z',
      status: 'skipped',
      adjustmentReason: 'Araw ng Kagitingan (PH)',
    });
    const sent = await reportTouchpoint(app, fixture, '2027-04-16T09:00:00Z', {
      requestAt: '2027-04-15T09:00:00Z',
    });
    await app.api('POST', `/api/v1/touchpoints/${sent}/report`, {
      status: 'green',
      kpis: { close_rate: 12 },
    });
    await app.advanceClock('2027-04-16T00:00:00Z');
    const touched = (await requests()).map((r) => r.touchpointId);
    expect(touched).not.toContain(skipped);
    expect(touched).not.toContain(sent);
    expect((await touchpoint(skipped)).requestQueuedAt).toBeNull();
  });

  it('can be asked to send a request at once, for a touchpoint with no request time', async () => {
    const id = await reportTouchpoint(app, fixture, '2027-04-23T09:00:00Z');
    expect(await app.app.get(ReportRequestService).queueNow(id)).toBe(true);
    const summary = await app.advanceClock('2027-04-16T00:00:01Z');
    expect(summary.ran['outbox.deliver']).toBe(2);
    expect((await requests()).filter((r) => r.touchpointId === id).map((r) => r.sentAt)).toEqual([
      '2027-04-16T00:00:00.000Z',
      '2027-04-16T00:00:00.000Z',
    ]);
  });
});
