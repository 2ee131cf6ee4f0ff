import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { renderDigest, type RenderedDigest } from '../../src/digests/templates/digest.template';
import { EmailAdapter } from '../../src/notifications/email/email.adapter';
import type { OutgoingEmail } from '../../src/notifications/email/email.types';
import { FakeSmtpServer } from '../fakes/smtp.fake';
import { HOSTILE, hostileDigestModel, realisticDigestModel } from './digest-model.factory';

const FROM = 'Cadence <digest@cadence.example.com>';
const UNSUBSCRIBE = realisticDigestModel().links.unsubscribe;

function digestEmail(id: string, digest: RenderedDigest): OutgoingEmail {
  return {
    id,
    to: [{ name: 'Dana Whitfield', address: 'dana@acme.example' }],
    subject: digest.subject,
    html: digest.html,
    text: digest.text,
    listUnsubscribe: { url: UNSUBSCRIBE, oneClick: true },
    // Monday 1 November 2027, 08:00 in New York: when the scheduler sends it.
    date: new Date('2027-11-01T12:00:00Z'),
  };
}

/** The List-Unsubscribe header lines, exactly as sent. */
function unsubscribeLines(mail: ParsedMail): { key: string; line: string }[] {
  return mail.headerLines.filter((h) => h.key.startsWith('list-unsubscribe'));
}

describe('the digest as an email', () => {
  let root: string;
  let adapter: EmailAdapter;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cadence-digest-mail-'));
    adapter = new EmailAdapter({ from: FROM, outboxDir: root });
  });

  afterEach(async () => {
    await adapter.close();
    await rm(root, { recursive: true, force: true });
  });

  async function sendAndParse(
    id: string,
    digest: RenderedDigest,
  ): Promise<{ raw: string; mail: ParsedMail }> {
    const result = await adapter.send(digestEmail(id, digest));
    if (!result.ok || !result.path) throw new Error(`not written: ${JSON.stringify(result)}`);
    const raw = await readFile(result.path);
    return { raw: raw.toString('utf8'), mail: await simpleParser(raw) };
  }

  it('is a multipart message with both parts, read back exactly as rendered', async () => {
    const digest = renderDigest(realisticDigestModel());
    const { raw, mail } = await sendAndParse('digest-exec-dana-2027-W44', digest);

    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(mail.subject).toBe(digest.subject);
    expect(mail.html).toBe(digest.html);
    // nodemailer writes CRLF on the wire; mailparser gives the text part back with them.
    expect(mail.text?.replace(/\r\n/g, '\n')).toBe(digest.text);
    expect(mail.messageId).toBe('<digest-exec-dana-2027-W44@cadence.example.com>');
    expect(mail.date?.toISOString()).toBe('2027-11-01T12:00:00.000Z');
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value).toEqual([{ name: 'Dana Whitfield', address: 'dana@acme.example' }]);
  });

  it('carries RFC 2369 List-Unsubscribe and RFC 8058 one-click List-Unsubscribe-Post', async () => {
    const { mail } = await sendAndParse('digest-1', renderDigest(realisticDigestModel()));
    expect(unsubscribeLines(mail).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'list-unsubscribe', line: `List-Unsubscribe: <${UNSUBSCRIBE}>` },
      { key: 'list-unsubscribe-post', line: 'List-Unsubscribe-Post: List-Unsubscribe=One-Click' },
    ]);
    // mailparser's own reading of them: an https URL to POST to, one-click.
    expect(mail.headers.get('list')).toEqual({
      unsubscribe: { url: UNSUBSCRIBE },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
  });

  it('has no remote images and no scripts, even with hostile report text', async () => {
    const { raw, mail } = await sendAndParse('digest-2', renderDigest(hostileDigestModel()));
    const html = mail.html || '';
    expect(html.length).toBeGreaterThan(1000);
    expect(html).not.toContain('src="http');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(mail.attachments).toEqual([]);
    // The text part keeps people's words as they typed them.
    expect(mail.text).toContain(HOSTILE.script);
    // Nothing typed by a person reached the headers.
    expect(raw.slice(0, raw.indexOf('\r\n\r\n'))).not.toContain('onerror');
  });

  it('goes through a real SMTP server the same way', async () => {
    const smtp = await FakeSmtpServer.start();
    const sender = new EmailAdapter({ from: FROM, outboxDir: root, smtpUrl: smtp.url });
    try {
      const digest = renderDigest(realisticDigestModel());
      const result = await sender.send(digestEmail('digest-3', digest));
      expect(result.ok).toBe(true);
      const [received] = smtp.messages;
      expect(received?.recipients).toEqual(['dana@acme.example']);
      expect(received?.parsed.html).toBe(digest.html);
      expect(received?.parsed.text?.replace(/\r\n/g, '\n')).toBe(digest.text);
      expect(unsubscribeLines(received.parsed)).toHaveLength(2);
    } finally {
      await sender.close();
      await smtp.stop();
    }
  });
});
