// With email-failures.ts (types only), the only place in Cadence that imports nodemailer (docs/architecture.md).
import { randomUUID } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createTransport,
  type Mail,
  type SendMailOptions,
  type SMTPPoolOptions,
  type SMTPPoolSentMessageInfo,
  type StreamSentMessageInfo,
  type StreamTransportOptions,
} from 'nodemailer';
import { classifySendError, errorMessage, isErrno, rejectedRecipients } from './email-failures';
import type { EmailAdapterOptions, EmailLogEntry, EmailSendResult, OutgoingEmail } from './email.types';
import { readIcsMethod } from './ics';

type SmtpMailer = Mail<SMTPPoolSentMessageInfo, SMTPPoolOptions>;
type FileMailer = Mail<StreamSentMessageInfo, StreamTransportOptions>;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
// RFC 5322 field names are printable ASCII without the colon.
const HEADER_NAME_PATTERN = /^[!-9;-~]+$/;
// Headers the adapter writes itself; a caller's copy would duplicate or contradict them.
const OWN_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'list-unsubscribe',
  'list-unsubscribe-post',
]);

/**
 * Sends email over SMTP (pooled), or writes it to `.eml` files when no SMTP
 * server is configured. It never retries: the durable outbox owns retries, so
 * every failure comes back as `transient` or `permanent` for the outbox to act on.
 */
export class EmailAdapter {
  private readonly transport: { mode: 'smtp'; mailer: SmtpMailer } | { mode: 'file'; mailer: FileMailer };
  private readonly domain: string;
  private readonly log: (entry: EmailLogEntry) => void;
  private readonly inFlight = new Set<Promise<EmailSendResult>>();
  private closing = false;

  constructor(private readonly options: EmailAdapterOptions) {
    this.log = options.logger ?? (() => undefined);
    this.domain = senderDomain(options.from);
    if (options.smtpUrl) {
      const mailer = createTransport({
        url: options.smtpUrl,
        pool: true,
        maxConnections: options.maxConnections ?? 5,
        // The pool's hidden retry: when a connection closes while it holds a
        // message, the pool re-queues it (nodemailer 10.6: up to 5 times, with
        // 50 ms–2 s backoff; unlimited when negative). Measured on 10.6: a
        // connection lost before the message went out (e.g. before the
        // greeting) is retried that way; a drop after DATA already fails the
        // send. Our pitfall notes record re-sends after mid-send drops, i.e.
        // duplicates of mail the server had taken. The outbox owns retries
        // and their timing, so 0: the send fails at once, as transient.
        maxRequeues: 0,
        connectionTimeout: options.timeouts?.connectionMs ?? 15_000,
        greetingTimeout: options.timeouts?.greetingMs ?? 15_000,
        socketTimeout: options.timeouts?.socketMs ?? 60_000,
        // Our content is always strings; never let a message field read a
        // local file or fetch a URL.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      this.transport = { mode: 'smtp', mailer };
    } else {
      const mailer = createTransport({
        streamTransport: true,
        buffer: true,
        // RFC 5322 line endings, so the file is exactly what would go on the wire.
        newline: 'windows',
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      this.transport = { mode: 'file', mailer };
    }
  }

  /** `smtp` when an SMTP server is configured, `file` when messages go to `outboxDir`. */
  get mode(): 'smtp' | 'file' {
    return this.transport.mode;
  }

  /** Builds and sends (or writes) one message. Never throws for delivery problems. */
  async send(message: OutgoingEmail): Promise<EmailSendResult> {
    if (this.closing) {
      return { ok: false, kind: 'transient', reason: 'the email adapter is shutting down' };
    }
    const delivery = this.deliver(message);
    this.inFlight.add(delivery);
    try {
      return await delivery;
    } finally {
      this.inFlight.delete(delivery);
    }
  }

  private async deliver(message: OutgoingEmail): Promise<EmailSendResult> {
    const invalid = validate(message);
    if (invalid) {
      // A malformed message will not get better with retries.
      this.log({
        level: 'error',
        msg: `email not sent: ${invalid}`,
        outboxId: message.id,
        kind: 'permanent',
      });
      return { ok: false, kind: 'permanent', reason: invalid };
    }
    const mail = this.compose(message);
    return this.transport.mode === 'smtp'
      ? this.sendSmtp(this.transport.mailer, message, mail)
      : this.writeFile(this.transport.mailer, message, mail);
  }

  /** Start-up check: connects and logs in to the SMTP server, or makes sure `outboxDir` is writable. */
  async verify(): Promise<void> {
    if (this.transport.mode === 'smtp') {
      await this.transport.mailer.verify();
      return;
    }
    await mkdir(this.options.outboxDir, { recursive: true });
    const probe = join(this.options.outboxDir, `.verify-${randomUUID()}`);
    await writeFile(probe, '');
    await unlink(probe);
  }

  /**
   * Graceful shutdown: refuses new messages (as transient, so the outbox keeps
   * them), waits up to `timeoutMs` for the ones in flight, then closes the pool.
   * Messages still in flight after that are cut off and come back as transient.
   */
  async close(options: { timeoutMs?: number } = {}): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      Promise.allSettled([...this.inFlight]).then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), options.timeoutMs ?? 10_000);
      }),
    ]);
    clearTimeout(timer);
    if (this.transport.mode === 'smtp') this.transport.mailer.close(timedOut ? { force: true } : undefined);
  }

  private compose(message: OutgoingEmail): SendMailOptions {
    const headers: Record<string, string> = { ...message.headers };
    const mail: SendMailOptions = {
      from: this.options.from,
      to: message.to.map((r) => (r.name ? { name: r.name, address: r.address } : r.address)),
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${message.id}@${this.domain}>`,
      headers,
    };
    if (message.date) mail.date = message.date;
    if (message.invite) {
      // nodemailer adds the invite twice: as a text/calendar alternative with
      // `method=` (what Outlook and Gmail act on) and as an invite.ics attachment.
      mail.icalEvent = { method: message.invite.method, content: message.invite.ics, filename: 'invite.ics' };
    }
    if (message.listUnsubscribe) {
      // `list` goes out as a prepared header, but nodemailer strips control
      // characters, spaces and angle brackets from the URL first.
      mail.list = { unsubscribe: message.listUnsubscribe.url };
      if (message.listUnsubscribe.oneClick) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    return mail;
  }

  private async sendSmtp(
    smtp: SmtpMailer,
    message: OutgoingEmail,
    mail: SendMailOptions,
  ): Promise<EmailSendResult> {
    try {
      const info = await smtp.sendMail(mail);
      const rejected = rejectedRecipients(info.rejected ?? [], info.rejectedErrors);
      const accepted = (info.accepted ?? []).map(String);
      if (rejected.length > 0) {
        this.log({
          level: 'warn',
          msg: `email sent to ${accepted.length} recipient(s), refused for ${rejected.length}`,
          outboxId: message.id,
          messageId: info.messageId,
        });
      } else {
        this.log({ level: 'info', msg: 'email sent', outboxId: message.id, messageId: info.messageId });
      }
      return { ok: true, messageId: info.messageId, accepted, rejected };
    } catch (err) {
      const failure = classifySendError(err);
      this.log({
        level: failure.kind === 'permanent' ? 'error' : 'warn',
        msg: `email not sent: ${failure.reason}`,
        outboxId: message.id,
        kind: failure.kind,
        responseCode: failure.responseCode,
      });
      return failure;
    }
  }

  private async writeFile(
    file: FileMailer,
    message: OutgoingEmail,
    mail: SendMailOptions,
  ): Promise<EmailSendResult> {
    const path = join(this.options.outboxDir, outboxFileName(message.id));
    let info: StreamSentMessageInfo;
    try {
      info = await file.sendMail(mail);
    } catch (err) {
      return classifySendError(err);
    }
    const temp = join(this.options.outboxDir, `.${message.id}.${randomUUID()}.tmp`);
    let duplicate = false;
    try {
      await mkdir(this.options.outboxDir, { recursive: true });
      // A Buffer, not a stream: the transport was created with `buffer: true`.
      await writeFile(temp, info.message as Buffer);
      try {
        // link() refuses to replace an existing file, and the final name only
        // ever appears complete: a crash leaves a stray temp file, never half a message.
        await link(temp, path);
      } catch (err) {
        if (!isErrno(err, 'EEXIST')) throw err;
        duplicate = true;
      }
    } catch (err) {
      const reason = errorMessage(err);
      this.log({ level: 'error', msg: `email not written: ${reason}`, outboxId: message.id, path });
      // A full disk or a permission problem can be fixed without changing the message.
      return { ok: false, kind: 'transient', reason };
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    if (duplicate) {
      // A retry of an outbox row that was written before: the first copy stands.
      this.log({ level: 'info', msg: `email already in ${path}`, outboxId: message.id, path });
      return { ok: true, messageId: info.messageId, accepted: recipientsOf(message), rejected: [], path };
    }
    this.log({
      level: 'info',
      msg: `email written to ${path}`,
      outboxId: message.id,
      messageId: info.messageId,
      path,
    });
    return { ok: true, messageId: info.messageId, accepted: recipientsOf(message), rejected: [], path };
  }
}

/**
 * File name of a message in the outbox folder. Outbox ids are assumed to grow
 * (a sequence, a ULID or a UUIDv7); numeric ids are zero-padded so that `ls`
 * sorts them in creation order too (9 before 10).
 */
export function outboxFileName(id: string): string {
  return `${/^\d+$/.test(id) ? id.padStart(20, '0') : id}.eml`;
}

function validate(message: OutgoingEmail): string | null {
  if (!ID_PATTERN.test(message.id)) return 'id must be 1–128 letters, digits, ".", "_" or "-"';
  if (message.to.length === 0) return 'a message needs at least one recipient';
  if (message.invite) {
    const method = readIcsMethod(message.invite.ics);
    if (method !== message.invite.method) {
      return `invite method ${message.invite.method} does not match METHOD:${method ?? '(none)'} in the file`;
    }
  }
  for (const name of Object.keys(message.headers ?? {})) {
    if (!HEADER_NAME_PATTERN.test(name)) return `header name ${JSON.stringify(name)} is not valid`;
    if (OWN_HEADERS.has(name.toLowerCase())) return `header ${name} is set by the email adapter`;
  }
  return null;
}

function senderDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1] ?? 'localhost';
}

function recipientsOf(message: OutgoingEmail): string[] {
  return message.to.map((r) => r.address);
}
