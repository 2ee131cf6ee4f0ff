import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { EmailAdapter } from '../../../src/notifications/email/email.adapter';
import type {
  EmailLogEntry,
  EmailSendResult,
  OutgoingEmail,
} from '../../../src/notifications/email/email.types';
import { buildInvite } from '../../../src/notifications/email/ics';

const FROM = 'Cadence <cadence@localhost>';

function email(id: string, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    id,
    to: [{ name: 'Maria Santos', address: 'maria@manilacx.example' }],
    subject: 'Weekly sync — Tue 10:00 PM GMT+8 (Asia/Manila)',
    html: '<p>See you <b>Tuesday</b>.</p>',
    text: 'See you Tuesday.',
    date: new Date('2027-03-05T01:00:00Z'),
    ...overrides,
  };
}

function expectSent(result: EmailSendResult): Extract<EmailSendResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result;
}

describe('EmailAdapter without SMTP (.eml files)', () => {
  let root: string;
  let outboxDir: string;
  let logs: EmailLogEntry[];
  let adapter: EmailAdapter;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cadence-email-'));
    // Not created yet: the adapter makes it on first use, as `./data/outbox/` on a fresh checkout.
    outboxDir = join(root, 'data', 'outbox');
    logs = [];
    adapter = new EmailAdapter({ from: FROM, outboxDir, logger: (entry) => logs.push(entry) });
  });

  afterEach(async () => {
    await adapter.close();
    await rm(root, { recursive: true, force: true });
  });

  it('writes a complete RFC 5322 message that mailparser reads back, and logs where', async () => {
    expect(adapter.mode).toBe('file');
    const result = expectSent(
      await adapter.send(
        email('outbox-7', {
          listUnsubscribe: { url: 'https://cadence.example/u/tok', oneClick: true },
          headers: { 'X-Cadence-Purpose': 'report_request' },
        }),
      ),
    );
    const path = join(outboxDir, 'outbox-7.eml');
    expect(result).toMatchObject({ messageId: '<outbox-7@localhost>', path, rejected: [] });
    expect(result.accepted).toEqual(['maria@manilacx.example']);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'info', outboxId: 'outbox-7', path }));

    const raw = await readFile(path);
    // CRLF line endings throughout, as on the wire.
    expect(raw.toString('utf8')).not.toMatch(/[^\r]\n/);
    const mail = await simpleParser(raw);
    expect(mail.messageId).toBe('<outbox-7@localhost>');
    expect(mail.date?.toISOString()).toBe('2027-03-05T01:00:00.000Z');
    expect(mail.subject).toBe('Weekly sync — Tue 10:00 PM GMT+8 (Asia/Manila)');
    expect(mail.from?.value).toEqual([{ name: 'Cadence', address: 'cadence@localhost' }]);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value).toEqual([{ name: 'Maria Santos', address: 'maria@manilacx.example' }]);
    expect(mail.html).toBe('<p>See you <b>Tuesday</b>.</p>');
    expect(mail.text?.trim()).toBe('See you Tuesday.');
    expect(mail.headers.get('x-cadence-purpose')).toBe('report_request');
    expect(mail.headerLines).toContainEqual({
      key: 'list-unsubscribe-post',
      line: 'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    });
  });

  it('includes the calendar part of an invite in the file', async () => {
    const ics = buildInvite({
      uid: 'tp_9@cadence',
      sequence: 2,
      method: 'REQUEST',
      start: new Date('2027-03-09T14:00:00Z'),
      end: new Date('2027-03-09T14:45:00Z'),
      title: 'Weekly sync',
      description: 'Moved from Thu: Araw ng Kagitingan (PH)',
      organizer: { name: 'Dan Miller', email: 'dan@acme.example' },
      attendees: [{ name: 'Maria Santos', email: 'maria@manilacx.example' }],
      stamp: new Date('2027-03-01T00:00:00Z'),
    });
    expectSent(await adapter.send(email('invite-9', { invite: { method: 'REQUEST', ics } })));

    const mail = await simpleParser(await readFile(join(outboxDir, 'invite-9.eml')));
    const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
    expect(part).toBeDefined();
    expect((part!.headers.get('content-type') as { params: Record<string, string> }).params.method).toBe(
      'REQUEST',
    );
    const calendar = new ICAL.Component(ICAL.parse(part!.content.toString('utf8')) as unknown[]);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('tp_9@cadence');
    expect(event.sequence).toBe(2);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-09T14:00:00.000Z');
    expect(event.description).toBe('Moved from Thu: Araw ng Kagitingan (PH)');
    expect(mail.html).toContain('<b>Tuesday</b>');
    expect(mail.text?.trim()).toBe('See you Tuesday.');
  });

  it('names files so they sort in creation order, numeric ids included', async () => {
    for (const id of ['9', '10', '11']) expectSent(await adapter.send(email(id)));
    const files = (await readdir(outboxDir)).sort();
    expect(files).toEqual([
      '00000000000000000009.eml',
      '00000000000000000010.eml',
      '00000000000000000011.eml',
    ]);
  });

  it('never overwrites: a retry of the same outbox id keeps the first file and leaves no temp files', async () => {
    expectSent(await adapter.send(email('dup-1', { subject: 'first' })));
    const again = expectSent(await adapter.send(email('dup-1', { subject: 'second' })));
    expect(again.path).toBe(join(outboxDir, 'dup-1.eml'));
    expect(await readdir(outboxDir)).toEqual(['dup-1.eml']);
    const mail = await simpleParser(await readFile(join(outboxDir, 'dup-1.eml')));
    expect(mail.subject).toBe('first');
  });

  it('refuses an id that could escape the outbox folder, as a permanent failure', async () => {
    for (const id of ['../escape', 'a/b', '.hidden', '', 'x'.repeat(129)]) {
      const result = await adapter.send(email(id));
      expect(result).toMatchObject({ ok: false, kind: 'permanent' });
    }
    await expect(readdir(root)).resolves.toEqual([]);
  });

  it('reports an unwritable outbox folder as transient', async () => {
    const blocked = join(root, 'not-a-dir');
    await writeFile(blocked, 'a file where the folder should be');
    const stuck = new EmailAdapter({ from: FROM, outboxDir: blocked });
    expect(await stuck.send(email('x-1'))).toMatchObject({ ok: false, kind: 'transient' });
    await expect(stuck.verify()).rejects.toThrow();
  });

  it('verify() creates the outbox folder and leaves it empty', async () => {
    await adapter.verify();
    expect(await readdir(outboxDir)).toEqual([]);
  });
});
