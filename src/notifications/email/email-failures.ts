import type { NodemailerError } from 'nodemailer';
import type { EmailFailed, RejectedRecipient } from './email.types';

// How the adapter reads nodemailer's errors: transient (try again) or permanent (dead).

// Problems with our SMTP settings or credentials rather than with the message.
const CONFIGURATION_ERRORS = new Set([
  'EAUTH',
  'ENOAUTH',
  'EOAUTH2',
  'ETLS',
  'EREQUIRETLS',
  'ECONFIG',
  'EPROXY',
]);

// Problems with the message itself (no usable recipient, too many, content it
// may not read), which no retry fixes.
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMAXRECIPIENTS', 'EFILEACCESS', 'EURLACCESS', 'ESTREAM']);

/**
 * Maps a nodemailer error to transient or permanent.
 *
 * - SMTP 5xx is permanent (nodemailer's `permanent` flag: 5xx except 503, a
 *   session-state error that a new connection fixes).
 * - SMTP 4xx, refused or dropped connections, DNS and timeouts are transient.
 * - Authentication and TLS failures are transient too: the message is fine,
 *   the configuration is not, and it should go out once that is fixed.
 * - Errors about the message itself (no recipients, too many) are permanent.
 */
export function classifySendError(err: unknown): EmailFailed {
  const e: Partial<NodemailerError> = isObject(err) ? err : {};
  const reason = errorMessage(err);
  if (CONFIGURATION_ERRORS.has(e.code ?? '')) {
    // Checked before the reply code: a 535 to AUTH is a 5xx, but it is the
    // credentials that are wrong, not the message.
    return withCode({ ok: false, kind: 'transient', reason }, e.responseCode);
  }
  if (typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 600) {
    const permanent = e.permanent ?? e.responseCode >= 500;
    const failure = withCode(
      { ok: false, kind: permanent ? 'permanent' : 'transient', reason },
      e.responseCode,
    );
    const retryAfter = permanent ? undefined : retryAfterHint(e.response ?? reason);
    if (retryAfter !== undefined) failure.retryAfterSeconds = retryAfter;
    return failure;
  }
  if (MESSAGE_ERRORS.has(e.code ?? '')) return { ok: false, kind: 'permanent', reason };
  // ECONNECTION, ESOCKET (ECONNREFUSED), ETIMEDOUT, EDNS and anything unknown:
  // the outbox's attempt limit bounds a mistake here.
  return { ok: false, kind: 'transient', reason };
}

/**
 * Reads a delay from a temporary-failure reply such as "451 4.7.1 Try again in
 * 5 minutes" or "421 retry after 300 seconds". SMTP has no Retry-After field,
 * so this is a best-effort hint; undefined when the reply names none.
 */
export function retryAfterHint(reply: string): number | undefined {
  const match =
    /(?:try again|retry)(?: later)?\s+(?:in|after)\s+(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)\b/i.exec(
      reply,
    );
  if (!match?.[1] || !match[2]) return undefined;
  const amount = Number(match[1]);
  const unit = match[2].toLowerCase();
  if (unit.startsWith('h')) return amount * 3600;
  if (unit.startsWith('m')) return amount * 60;
  return amount;
}

function withCode(failure: EmailFailed, responseCode: number | undefined): EmailFailed {
  if (responseCode !== undefined) failure.responseCode = responseCode;
  return failure;
}

export function rejectedRecipients(
  addresses: string[],
  errors: NodemailerError[] | undefined,
): RejectedRecipient[] {
  return addresses.map((address) => {
    const err = errors?.find((e) => e.recipient === address);
    const failure = err ? classifySendError(err) : undefined;
    return {
      address,
      kind: failure?.kind ?? 'permanent',
      reason: failure?.reason ?? 'rejected by the server',
    };
  });
}

// Structural checks rather than `instanceof Error`: errors from Node's own
// modules come from another realm under jest's sandbox, and instanceof fails there.
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function errorMessage(err: unknown): string {
  return isObject(err) && typeof err.message === 'string' ? err.message : String(err);
}

export function isErrno(err: unknown, code: string): boolean {
  return isObject(err) && err.code === code;
}
