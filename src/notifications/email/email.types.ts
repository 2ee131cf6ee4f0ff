// What callers hand the email adapter and what it answers, with no nodemailer in sight.

export interface EmailAddress {
  name?: string;
  address: string;
}

export interface OutgoingEmail {
  /**
   * Outbox id. Becomes the Message-ID (`<id@from-domain>`, so a retry of the
   * same outbox row carries the same Message-ID) and the `.eml` file name.
   * Letters, digits, `.`, `_` and `-` only.
   */
  id: string;
  to: readonly EmailAddress[];
  subject: string;
  html: string;
  text: string;
  /** An iTIP invite; its METHOD must equal `method`, which also goes into the MIME `method=`. */
  invite?: { method: 'REQUEST' | 'CANCEL'; ics: string };
  /** Extra headers; encoded and stripped of line breaks by nodemailer, never sent raw. */
  headers?: Readonly<Record<string, string>>;
  /** RFC 2369 List-Unsubscribe, plus RFC 8058 List-Unsubscribe-Post when `oneClick`. */
  listUnsubscribe?: { url: string; oneClick: boolean };
  /** Date header, from the injected clock. Without it nodemailer uses the real clock. */
  date?: Date;
}

export interface RejectedRecipient {
  address: string;
  kind: EmailFailureKind;
  reason: string;
}

export type EmailFailureKind = 'transient' | 'permanent';

export interface EmailSent {
  ok: true;
  messageId: string;
  accepted: string[];
  /**
   * Recipients the server refused while it took the message for the others.
   * The message counts as sent (re-sending it would duplicate it for everyone
   * who got it); the caller decides what to do about these.
   */
  rejected: RejectedRecipient[];
  /** File mode: where the `.eml` file is. */
  path?: string;
}

export interface EmailFailed {
  ok: false;
  kind: EmailFailureKind;
  reason: string;
  /** SMTP reply code, when the server answered. */
  responseCode?: number;
  /** A hint from the server's reply ("try again in 5 minutes"), when it gave one. */
  retryAfterSeconds?: number;
}

export type EmailSendResult = EmailSent | EmailFailed;

export type EmailLogLevel = 'info' | 'warn' | 'error';

export interface EmailLogEntry {
  level: EmailLogLevel;
  msg: string;
  outboxId?: string;
  messageId?: string;
  path?: string;
  kind?: EmailFailureKind;
  reason?: string;
  responseCode?: number;
}

export interface EmailAdapterOptions {
  /** `smtp://user:pass@host:587`; unset: messages are written as `.eml` files to `outboxDir`. */
  smtpUrl?: string;
  /** Sender, e.g. `Cadence <cadence@example.com>`. Its domain names the Message-IDs. */
  from: string;
  outboxDir: string;
  logger?: (entry: EmailLogEntry) => void;
  /** Pool size; 5 is nodemailer's default and plenty for one process. */
  maxConnections?: number;
  /**
   * How long to wait for the TCP connection, the greeting and an idle socket.
   * nodemailer's defaults (2 min, 30 s, 10 min) would hold an outbox worker for
   * minutes on a dead server; a quick transient failure is retried anyway.
   */
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number };
}
