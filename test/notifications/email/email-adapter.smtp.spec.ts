import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import ICAL from 'ical.js';
import type { Attachment, ParsedMail } from 'mailparser';
import { EmailAdapter } from '../../../src/notifications/email/email.adapter';
import type {
  EmailLogEntry,
  EmailSendResult,
  OutgoingEmail,
} from '../../../src/notifications/email/email.types';
import { buildInvite, type InviteInput } from '../../../src/notifications/email/ics';
import { FakeSmtpServer } from '../../fakes/smtp.fake';

const FROM = 'Cadence <cadence@acme.example>';
const OUTBOX_DIR = '/nonexistent/never-used-in-smtp-mode';

const maria = { name: 'Maria Santos', address: 'maria@manilacx.example' };

function email(id: string, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    id,
    to: [maria],
    subject: 'Weekly status due Fri 17:00',
    html: '<p>Your report is due <b>Friday</b>.</p>',
    text: 'Your report is due Friday.',
    date: new Date('2027-03-05T01:00:00Z'),
    ...overrides,
  };
}

const invite: InviteInput = {
  uid: 'tp_42@cadence',
  sequence: 0,
  method: 'REQUEST',
  start: new Date('2027-03-09T14:00:00Z'),
  end: new Date('2027-03-09T14:45:00Z'),
  title: 'Weekly sync',
  description: 'Acme × Manila CX',
  organizer: { name: 'Dan Miller', email: 'dan@acme.example' },
  attendees: [{ name: maria.name, email: maria.address }],
  stamp: new Date('2027-03-01T00:00:00Z'),
};

function calendarPart(mail: ParsedMail): Attachment {
  const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part)
    throw new Error(`no text/calendar part in ${mail.attachments.map((a) => a.contentType).join(', ')}`);
  return part;
}

function parseEvent(ics: string): { method: unknown; event: ICAL.Event } {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(vevent) };
}

function expectFailure(result: EmailSendResult): Extract<EmailSendResult, { ok: false }> {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
}

function expectSent(result: EmailSendResult): Extract<EmailSendResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('EmailAdapter over SMTP (fake server on 127.0.0.1)', () => {
  let fake: FakeSmtpServer;
  let adapter: EmailAdapter;
  let logs: EmailLogEntry[];

  beforeEach(async () => {
    fake = await FakeSmtpServer.start();
    logs = [];
    adapter = new EmailAdapter({
      smtpUrl: fake.url,
      from: FROM,
      outboxDir: OUTBOX_DIR,
      logger: (entry) => logs.push(entry),
      timeouts: { connectionMs: 2000, greetingMs: 2000, socketMs: 5000 },
    });
  });

  afterEach(async () => {
    await adapter.close();
    await fake.close();
  });

  it('delivers a message with HTML and text parts, our Message-ID and the given Date', async () => {
    const result = expectSent(
      await adapter.send(email('outbox-1', { subject: 'Statusbericht fällig — Kraków' })),
    );
    expect(result.messageId).toBe('<outbox-1@acme.example>');
    expect(result.accepted).toEqual([maria.address]);
    expect(result.rejected).toEqual([]);

    const [received] = await fake.waitFor(1);
    const mail = received.parsed;
    expect(mail.subject).toBe('Statusbericht fällig — Kraków');
    expect(mail.html).toBe('<p>Your report is due <b>Friday</b>.</p>');
    expect(mail.text?.trim()).toBe('Your report is due Friday.');
    expect(mail.messageId).toBe('<outbox-1@acme.example>');
    expect(mail.date?.toISOString()).toBe('2027-03-05T01:00:00.000Z');
    expect(mail.from?.value).toEqual([{ name: 'Cadence', address: 'cadence@acme.example' }]);
    expect(received.recipients).toEqual([maria.address]);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value).toEqual([{ name: 'Maria Santos', address: maria.address }]);
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'email sent', outboxId: 'outbox-1' }),
    );
  });

  it('adds List-Unsubscribe and the RFC 8058 one-click header when asked', async () => {
    await adapter.send(
      email('digest-1', {
        listUnsubscribe: { url: 'https://cadence.example/u/tok123', oneClick: true },
        headers: { 'X-Cadence-Purpose': 'digest' },
      }),
    );
    const [received] = await fake.waitFor(1);
    const headers = received.raw.toString('utf8').split('\r\n\r\n')[0];
    expect(headers).toMatch(/^List-Unsubscribe: <https:\/\/cadence\.example\/u\/tok123>$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    // mailparser folds List-* headers into one structured `list` header.
    expect(received.parsed.headers.get('list')).toMatchObject({
      unsubscribe: { url: 'https://cadence.example/u/tok123' },
    });
    expect(received.parsed.headerLines).toContainEqual({
      key: 'list-unsubscribe-post',
      line: 'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    });
    expect(received.parsed.headers.get('x-cadence-purpose')).toBe('digest');
  });

  it('sends List-Unsubscribe without the one-click header when one-click is off', async () => {
    await adapter.send(
      email('digest-2', { listUnsubscribe: { url: 'https://cadence.example/u/t', oneClick: false } }),
    );
    const [received] = await fake.waitFor(1);
    const headers = received.raw.toString('utf8').split('\r\n\r\n')[0];
    expect(headers).toMatch(/^List-Unsubscribe: <https:\/\/cadence\.example\/u\/t>$/m);
    expect(headers).not.toMatch(/List-Unsubscribe-Post/i);
  });

  it('keeps line breaks in subject, names and header values from adding headers', async () => {
    const result = await adapter.send(
      email('inject-1', {
        subject: 'Hello\r\nBcc: victim@evil.example',
        to: [{ name: 'Maria\r\nBcc: victim@evil.example', address: maria.address }],
        headers: { 'X-Cadence-Note': 'ok\r\nBcc: victim@evil.example' },
        listUnsubscribe: { url: 'https://cadence.example/u/x\r\nBcc: victim@evil.example', oneClick: false },
      }),
    );
    expectSent(result);
    const [received] = await fake.waitFor(1);
    expect(received.recipients).toEqual([maria.address]);
    const headers = received.raw.toString('utf8').split('\r\n\r\n')[0];
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(received.parsed.bcc).toBeUndefined();
  });

  it('refuses header names that are invalid or that the adapter sets itself', async () => {
    const refused: Array<Record<string, string>> = [
      { 'Bad Name': 'x' },
      { 'X-A:B': 'x' },
      { 'X-Bad\r\nBcc': 'x' },
      { Subject: 'x' },
      { 'content-type': 'text/html' },
    ];
    for (const headers of refused) {
      expect(expectFailure(await adapter.send(email('hdr-1', { headers }))).kind).toBe('permanent');
    }
    expect(fake.connectionCount).toBe(0);
  });

  it('delivers an invite as text/calendar; method=REQUEST matching METHOD:REQUEST, with the right instant, UID and SEQUENCE', async () => {
    const ics = buildInvite(invite);
    expectSent(await adapter.send(email('invite-1', { invite: { method: 'REQUEST', ics } })));
    const [received] = await fake.waitFor(1);
    const mail = received.parsed;

    const part = calendarPart(mail);
    const contentType = part.headers.get('content-type') as { value: string; params: Record<string, string> };
    expect(contentType.value).toBe('text/calendar');
    expect(contentType.params.method).toBe('REQUEST');

    const { method, event } = parseEvent(part.content.toString('utf8'));
    expect(method).toBe(contentType.params.method);
    expect(event.startDate.toJSDate().toISOString()).toBe((invite.start as Date).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe((invite.end as Date).toISOString());
    expect(event.uid).toBe('tp_42@cadence');
    expect(event.sequence).toBe(0);

    // The same file also travels as an invite.ics attachment, and the readable parts stay.
    expect(mail.attachments.some((a) => a.filename === 'invite.ics')).toBe(true);
    expect(mail.html).toContain('<b>Friday</b>');
    expect(mail.text?.trim()).toBe('Your report is due Friday.');
  });

  it('delivers a cancellation of the same occurrence with a higher SEQUENCE and METHOD:CANCEL', async () => {
    await adapter.send(email('invite-2', { invite: { method: 'REQUEST', ics: buildInvite(invite) } }));
    const cancel = buildInvite({ ...invite, method: 'CANCEL', sequence: 1 });
    await adapter.send(email('invite-3', { invite: { method: 'CANCEL', ics: cancel } }));
    const [request, cancellation] = await fake.waitFor(2);

    const first = parseEvent(calendarPart(request.parsed).content.toString('utf8'));
    const part = calendarPart(cancellation.parsed);
    const second = parseEvent(part.content.toString('utf8'));
    expect((part.headers.get('content-type') as { params: Record<string, string> }).params.method).toBe(
      'CANCEL',
    );
    expect(second.method).toBe('CANCEL');
    expect(second.event.uid).toBe(first.event.uid);
    expect(second.event.sequence).toBeGreaterThan(first.event.sequence);
    expect(second.event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('refuses an invite whose MIME method would disagree with the METHOD in the file', async () => {
    const result = await adapter.send(
      email('invite-4', { invite: { method: 'CANCEL', ics: buildInvite(invite) } }),
    );
    expect(expectFailure(result)).toMatchObject({
      kind: 'permanent',
      reason: expect.stringMatching(/METHOD:REQUEST/) as string,
    });
    expect(fake.connectionCount).toBe(0);
  });

  it('reports a 4xx answer to RCPT as transient, with the delay the server asked for', async () => {
    fake.rejectNext(450, '4.2.1 Mailbox busy, try again in 5 minutes');
    const failure = expectFailure(await adapter.send(email('t-1')));
    expect(failure).toMatchObject({ kind: 'transient', responseCode: 450, retryAfterSeconds: 300 });
    expect(fake.messages).toHaveLength(0);
  });

  it('reports a 5xx answer to RCPT as permanent', async () => {
    fake.rejectNext(550, '5.1.1 No such user');
    const failure = expectFailure(await adapter.send(email('p-1')));
    expect(failure).toMatchObject({ kind: 'permanent', responseCode: 550 });
    expect(failure.reason).toMatch(/No such user/);
    expect(failure.retryAfterSeconds).toBeUndefined();
  });

  it('reports a 4xx answer to DATA as transient and a 5xx as permanent', async () => {
    fake.rejectNext(451, '4.3.0 Local error', { at: 'data' });
    expect(expectFailure(await adapter.send(email('t-2')))).toMatchObject({
      kind: 'transient',
      responseCode: 451,
    });
    fake.rejectNext(554, '5.7.1 Message refused', { at: 'data' });
    expect(expectFailure(await adapter.send(email('p-2')))).toMatchObject({
      kind: 'permanent',
      responseCode: 554,
    });
    expect(fake.messages).toHaveLength(0);
  });

  it('keeps failing while the server keeps answering 4xx, and delivers once it stops', async () => {
    fake.failWith(421, { message: '4.7.0 Try again later' });
    expect(expectFailure(await adapter.send(email('t-3'))).kind).toBe('transient');
    expect(expectFailure(await adapter.send(email('t-3'))).kind).toBe('transient');
    fake.failWith(null);
    expectSent(await adapter.send(email('t-3')));
    expect(await fake.waitFor(1)).toHaveLength(1);
  });

  it('reports a partial rejection instead of hiding it behind success', async () => {
    const dan = { name: 'Dan Miller', address: 'dan@acme.example' };
    fake.rejectNext(550, '5.1.1 No such user', { recipient: dan.address });
    const result = expectSent(await adapter.send(email('partial-1', { to: [maria, dan] })));
    expect(result.accepted).toEqual([maria.address]);
    expect(result.rejected).toEqual([
      { address: dan.address, kind: 'permanent', reason: expect.stringMatching(/No such user/) as string },
    ]);
    const [received] = await fake.waitFor(1);
    expect(received.recipients).toEqual([maria.address]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', outboxId: 'partial-1' }));
  });

  it('reports a temporarily refused recipient of a partial delivery as transient', async () => {
    const dan = { name: 'Dan Miller', address: 'dan@acme.example' };
    fake.rejectNext(452, '4.2.2 Mailbox full', { recipient: dan.address });
    const result = expectSent(await adapter.send(email('partial-2', { to: [maria, dan] })));
    expect(result.rejected).toEqual([expect.objectContaining({ address: dan.address, kind: 'transient' })]);
  });

  it('reports a server that is down as transient, and delivers on the same port once it is back', async () => {
    await fake.stop();
    const failure = expectFailure(await adapter.send(email('down-1')));
    expect(failure.kind).toBe('transient');
    expect(failure.reason).toMatch(/ECONNREFUSED|connect/i);
    await expect(adapter.verify()).rejects.toThrow();

    await fake.start();
    await expect(adapter.verify()).resolves.toBeUndefined();
    expectSent(await adapter.send(email('down-1')));
    const [received] = await fake.waitFor(1);
    expect(received.parsed.messageId).toBe('<down-1@acme.example>');
  });

  it('does not re-send a message on its own when the connection drops after the server took it', async () => {
    fake.dropConnectionAfterNextData();
    const failure = expectFailure(await adapter.send(email('drop-1')));
    expect(failure.kind).toBe('transient');
    // Leave the pool time to requeue (its backoff starts at 50 ms) if it were going to.
    await sleep(600);
    expect(fake.received).toBe(1);
    expect(fake.dropped).toHaveLength(1);
    expect(fake.messages).toHaveLength(0);

    // The pool recovers: the next message goes out over a fresh connection.
    expectSent(await adapter.send(email('drop-2')));
    await sleep(300);
    expect(fake.received).toBe(2);
  });

  it('does not reconnect on its own when the server hangs up before the greeting', async () => {
    fake.hangUpOnConnect(10);
    const failure = expectFailure(await adapter.send(email('hangup-1')));
    expect(failure.kind).toBe('transient');
    // nodemailer's default (maxRequeues 5) would have tried 6 connections here.
    await sleep(600);
    expect(fake.connectionCount).toBe(1);
  });

  it('sends several messages concurrently through the pool, each once', async () => {
    const ids = ['c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6', 'c-7'];
    const results = await Promise.all(ids.map((id) => adapter.send(email(id))));
    expect(results.every((r) => r.ok)).toBe(true);
    const received = await fake.waitFor(ids.length);
    expect(received.map((m) => m.parsed.messageId).sort()).toEqual(
      ids.map((id) => `<${id}@acme.example>`).sort(),
    );
    await sleep(200);
    expect(fake.received).toBe(ids.length);
  });

  it('lets messages in flight finish when the adapter is closed, and refuses new ones as transient', async () => {
    const pending = [adapter.send(email('closing-1')), adapter.send(email('closing-2'))];
    const closed = adapter.close();
    expect(expectFailure(await adapter.send(email('closing-3'))).kind).toBe('transient');
    await closed;
    for (const result of await Promise.all(pending)) expectSent(result);
    expect(await fake.waitFor(2)).toHaveLength(2);
  });

  it('cuts off a delivery the server stalls when closing takes too long', async () => {
    fake.stallNextData();
    const pending = adapter.send(email('stalled-1'));
    await sleep(200);
    await adapter.close({ timeoutMs: 100 });
    expect(expectFailure(await pending).kind).toBe('transient');
  });
});

describe('EmailAdapter SMTP authentication and timeouts', () => {
  const servers: Array<{ close: () => Promise<void> }> = [];
  const adapters: EmailAdapter[] = [];

  afterEach(async () => {
    for (const a of adapters.splice(0)) await a.close();
    for (const s of servers.splice(0)) await s.close();
  });

  it('logs in with the credentials in the SMTP URL', async () => {
    const fake = await FakeSmtpServer.start({ auth: { user: 'cadence', pass: 's3cret:/@' } });
    servers.push(fake);
    const adapter = new EmailAdapter({ smtpUrl: fake.url, from: FROM, outboxDir: OUTBOX_DIR });
    adapters.push(adapter);
    await expect(adapter.verify()).resolves.toBeUndefined();
    expectSent(await adapter.send(email('auth-1')));
    expect(await fake.waitFor(1)).toHaveLength(1);
  });

  it('reports wrong credentials as transient: the message is fine, the settings are not', async () => {
    const fake = await FakeSmtpServer.start({ auth: { user: 'cadence', pass: 'right' } });
    servers.push(fake);
    const url = fake.url.replace(':right@', ':wrong@');
    const adapter = new EmailAdapter({ smtpUrl: url, from: FROM, outboxDir: OUTBOX_DIR });
    adapters.push(adapter);
    const failure = expectFailure(await adapter.send(email('auth-2')));
    expect(failure.kind).toBe('transient');
    expect(failure.responseCode).toBe(535);
  });

  it('reports a server that never greets as a transient timeout', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    servers.push({
      close: () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          silent.close(() => resolve());
        }),
    });
    const port = (silent.address() as AddressInfo).port;
    const adapter = new EmailAdapter({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: FROM,
      outboxDir: OUTBOX_DIR,
      timeouts: { greetingMs: 200 },
    });
    adapters.push(adapter);
    const failure = expectFailure(await adapter.send(email('slow-1')));
    expect(failure.kind).toBe('transient');
    expect(failure.reason).toMatch(/greeting|timed? ?out/i);
  });
});
