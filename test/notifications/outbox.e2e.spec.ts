import { DataSource } from 'typeorm';
import type { EmailPayload } from '../../src/notifications/outbox/outbox-payload';
import { OutboxService, type NewOutboxMessage } from '../../src/notifications/outbox/outbox.service';
import { OutboxWorker } from '../../src/notifications/outbox/outbox.worker';
import { FakeSmtpServer } from '../fakes/smtp.fake';
import { TestApp } from '../support/test-app';

interface MessageBody {
  id: string;
  status: string;
  attempts: number;
  sentAt: string | null;
  dueAt: string;
  lastError: string | null;
  idempotencyKey: string;
}

function email(key: string, overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  const payload: EmailPayload = {
    kind: 'email',
    to: [{ name: 'Maria Santos', address: 'maria@manilacx.example' }],
    subject: `Message ${key}`,
    html: `<p>Hello ${key}</p>`,
    text: `Hello ${key}`,
  };
  return {
    idempotencyKey: key,
    purpose: 'test',
    recipient: 'maria@manilacx.example',
    summary: payload.subject,
    payload,
    ...overrides,
  };
}

describe('The outbox, delivering through a real SMTP server', () => {
  let smtp: FakeSmtpServer;
  let app: TestApp;
  let outbox: OutboxService;
  let dataSource: DataSource;

  const enqueue = (...messages: NewOutboxMessage[]): Promise<boolean[]> =>
    dataSource.transaction((manager) => Promise.all(messages.map((m) => outbox.enqueue(manager, m))));
  const messages = async (): Promise<MessageBody[]> =>
    (await app.api<{ items: MessageBody[] }>('GET', '/api/v1/messages?purpose=test&limit=200')).body.items;

  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    app = await TestApp.start({ env: { SMTP_URL: smtp.url }, clockStart: '2027-03-01T08:00:00Z' });
    outbox = app.app.get(OutboxService);
    dataSource = app.app.get(DataSource);
    app.app.get(OutboxWorker).useRandom(() => 0.5);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('sends a due message once, at the clock time, and records it', async () => {
    expect(await enqueue(email('one'))).toEqual([true]);
    expect(await enqueue(email('one'))).toEqual([false]);
    await app.advanceClock('2027-03-01T08:00:00Z');
    await smtp.waitFor(1);
    const [row] = await messages();
    expect(row).toMatchObject({
      idempotencyKey: 'one',
      status: 'sent',
      attempts: 1,
      sentAt: '2027-03-01T08:00:00.000Z',
    });
    expect(smtp.messages[0].parsed.subject).toBe('Message one');
    expect(smtp.messages[0].parsed.messageId).toContain(row.id);
  });

  it('holds a message until its due time, then sends it with that time on the clock', async () => {
    await enqueue(email('later', { dueAt: new Date('2027-03-01T13:30:00Z') }));
    await app.advanceClock('2027-03-01T12:00:00Z');
    expect((await messages()).find((m) => m.idempotencyKey === 'later')?.status).toBe('queued');
    await app.advanceClock('2027-03-01T14:00:00Z');
    expect((await messages()).find((m) => m.idempotencyKey === 'later')).toMatchObject({
      status: 'sent',
      sentAt: '2027-03-01T13:30:00.000Z',
    });
  });

  it('rides out an SMTP outage of a simulated hour and delivers every message exactly once', async () => {
    const before = smtp.messages.length;
    await smtp.stop();
    const keys = ['outage-1', 'outage-2', 'outage-3', 'outage-4', 'outage-5'];
    await enqueue(...keys.map((k) => email(k)));
    for (const minute of [0, 10, 20, 30, 40, 50]) {
      await app.advanceClock(`2027-03-01T15:${String(minute).padStart(2, '0')}:00Z`);
    }
    const during = (await messages()).filter((m) => keys.includes(m.idempotencyKey));
    expect(during.every((m) => m.status === 'failed' && m.attempts >= 2 && m.lastError !== null)).toBe(true);
    await smtp.start();
    await app.advanceClock('2027-03-01T17:00:00Z');
    const after = (await messages()).filter((m) => keys.includes(m.idempotencyKey));
    expect(after.map((m) => m.status)).toEqual(keys.map(() => 'sent'));
    const subjects = smtp.messages.slice(before).map((m) => m.parsed.subject);
    expect(subjects.sort()).toEqual(keys.map((k) => `Message ${k}`).sort());
  });

  it('marks a message dead at once on a permanent refusal, with the reason', async () => {
    smtp.rejectNext(550, 'No such mailbox');
    await enqueue(email('bounce'));
    await app.advanceClock('2027-03-01T17:05:00Z');
    expect((await messages()).find((m) => m.idempotencyKey === 'bounce')).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: expect.stringContaining('No such mailbox'),
    });
  });

  it('filters the message list and validates the filters', async () => {
    const dead = await app.api<{ items: MessageBody[] }>('GET', '/api/v1/messages?status=dead');
    expect(dead.body.items.map((m) => m.idempotencyKey)).toEqual(['bounce']);
    const bad = await app.api('GET', '/api/v1/messages?status=lost&channel=pigeon');
    expect(bad.status).toBe(400);
  });
});
