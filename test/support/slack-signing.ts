/**
 * Signs requests the way Slack does, for tests of `POST /slack/events`:
 * `v0=` + hex HMAC-SHA256, keyed with the signing secret, of `v0:{ts}:{rawBody}`.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { createHmac } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** The `X-Slack-Signature` value for `rawBody` sent at `timestampSec`. */
export function slackSignature(
  signingSecret: string,
  timestampSec: number,
  rawBody: string | Buffer,
): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestampSec}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

export interface SignedHeadersOptions {
  signingSecret?: string;
  /** Epoch seconds; defaults to now. Pass an old one to build a replay. */
  timestampSec?: number;
  contentType?: 'application/json' | 'application/x-www-form-urlencoded';
  /** Sets `X-Slack-Retry-Num` (and a reason), as Slack does on a retry. */
  retryNum?: number;
  retryReason?: string;
}

/** The headers Slack sends with `rawBody`, signature included. */
export function signedSlackHeaders(
  rawBody: string | Buffer,
  options: SignedHeadersOptions = {},
): Record<string, string> {
  const timestampSec = options.timestampSec ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'x-slack-request-timestamp': String(timestampSec),
    'x-slack-signature': slackSignature(options.signingSecret ?? TEST_SIGNING_SECRET, timestampSec, rawBody),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
  }
  return headers;
}
