import type { HomeView, KnownBlock } from '@slack/types';
import {
  type Logger,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  type WebClientOptions,
} from '@slack/web-api';

/** Where a message goes: a person (through the app's DM with them) or a channel. */
export type SlackTarget = { kind: 'user'; userId: string } | { kind: 'channel'; channelId: string };

export interface SlackMessage {
  /** Plain fallback for notifications and screen readers; escaped mrkdwn. */
  text: string;
  blocks?: KnownBlock[];
}

export interface SlackPostResult {
  /** The channel it landed in (the DM's id for a user target). */
  channel: string;
  /** The message's timestamp, its id within the channel. */
  ts: string;
}

/**
 * Why a Slack call failed, in the terms the outbox needs:
 * - `transient`: try again later, not before `retryAfterSeconds` when given
 *   (429 with Retry-After, HTTP 5xx, timeouts, network errors);
 * - `permanent`: trying again cannot help (`channel_not_found`,
 *   `user_not_found`, `invalid_auth`, `msg_too_long`…): dead at once, with the reason.
 */
export type SlackFailure =
  { kind: 'transient'; reason: string; retryAfterSeconds?: number } | { kind: 'permanent'; reason: string };

/** Thrown by every `SlackWebClient` method; `failure` says what to do about it. */
export class SlackDeliveryError extends Error {
  constructor(
    readonly method: string,
    readonly failure: SlackFailure,
    options?: ErrorOptions,
  ) {
    super(`Slack ${method} failed (${failure.kind}: ${failure.reason})`, options);
    this.name = 'SlackDeliveryError';
  }
}

// Slack's documented "try again" errors; every other `ok: false` is about the
// request itself (wrong channel, revoked token, bad blocks) and will not heal.
const TRANSIENT_PLATFORM_ERRORS: ReadonlySet<string> = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** Classifies anything a Slack call threw. Unknown errors count as transient: the outbox caps attempts. */
export function classifySlackError(error: unknown): SlackFailure {
  if (error instanceof SlackDeliveryError) return error.failure;
  if (error instanceof WebAPIRateLimitedError) {
    return { kind: 'transient', reason: 'rate_limited', retryAfterSeconds: error.retryAfter };
  }
  if (error instanceof WebAPIHTTPError) {
    const reason = `http_${error.statusCode}`;
    if (error.statusCode >= 500 || error.statusCode === 408) {
      const retryAfterSeconds = parseRetryAfter(error.headers['retry-after']);
      return retryAfterSeconds === undefined
        ? { kind: 'transient', reason }
        : { kind: 'transient', reason, retryAfterSeconds };
    }
    return { kind: 'permanent', reason };
  }
  if (error instanceof WebAPIPlatformError) {
    const reason = error.data.error;
    if (!TRANSIENT_PLATFORM_ERRORS.has(reason)) return { kind: 'permanent', reason };
    const retryAfterSeconds = error.data.response_metadata?.retryAfter;
    return retryAfterSeconds === undefined
      ? { kind: 'transient', reason }
      : { kind: 'transient', reason, retryAfterSeconds };
  }
  if (error instanceof WebAPIRequestError) {
    const { original } = error;
    // fetch rejects with a DOMException named TimeoutError when `timeout`
    // elapses. The library re-wraps anything that fails its `instanceof Error`
    // check (a DOMException from another realm, as under jest) as
    // `new Error(String(e))`, so the name may survive only in the message.
    if (
      /^(TimeoutError|AbortError)\b/.test(original.name) ||
      /^(TimeoutError|AbortError)\b/.test(original.message)
    ) {
      return { kind: 'transient', reason: 'timeout' };
    }
    return { kind: 'transient', reason: `network_error: ${networkCode(original)}` };
  }
  // With rejectRateLimitedCalls, a 429 whose Retry-After is missing or unreadable
  // comes back from the library as a plain Error with this text.
  if (error instanceof Error && error.message.startsWith('Retry header did not contain a valid timeout')) {
    return { kind: 'transient', reason: 'rate_limited' };
  }
  return { kind: 'transient', reason: `unexpected: ${error instanceof Error ? error.name : typeof error}` };
}

function parseRetryAfter(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const seconds = Number.parseInt(header, 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function networkCode(error: Error): string {
  // Node's fetch wraps the socket error: TypeError('fetch failed') with cause { code: 'ECONNREFUSED' }.
  const { cause } = error;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return error.message;
}

export interface SlackWebClientOptions {
  /** The bot token (`xoxb-…`). */
  token: string;
  /** Base URL of the Web API, e.g. `http://127.0.0.1:PORT/api/` for the fake; Slack's own by default. */
  slackApiUrl?: string;
  /** Per-request timeout. The library's default is none at all. */
  timeoutMs?: number;
  logger?: Logger;
}

export const SLACK_DEFAULT_TIMEOUT_MS = 10_000;

/** SLACK_API_URL may be given as the host (`http://127.0.0.1:4000`) or with `/api/`; the client wants the latter. */
export function slackApiBaseUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/api') ? `${trimmed}/` : `${trimmed}/api/`;
}

/**
 * WebClient options with the library's hidden retries off, so that the
 * outbox alone decides when to try again. Shared with Bolt's own client.
 */
export function slackWebClientOptions(options: Omit<SlackWebClientOptions, 'token'>): WebClientOptions {
  return {
    ...(options.slackApiUrl === undefined ? {} : { slackApiUrl: options.slackApiUrl }),
    // The default policy retries about ten times over thirty minutes: a
    // response lost after Slack accepted the message becomes a duplicate DM.
    retryConfig: { retries: 0 },
    // The default on 429 pauses the client's whole queue for Retry-After and
    // tries again; we want the 429 back so the outbox reschedules that message.
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? SLACK_DEFAULT_TIMEOUT_MS,
    // Method names are ours; never let one redirect a call (and the token) elsewhere.
    allowAbsoluteUrls: false,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  };
}

/** The one thing the Slack app needs to publish an App Home tab. */
export interface SlackHomePublisher {
  publishHome(userId: string, view: HomeView): Promise<void>;
}

/**
 * The Slack Web API as Cadence uses it. Every failure is a
 * `SlackDeliveryError` carrying its classification; nothing is retried here.
 *
 * Pacing: Slack allows about one `chat.postMessage` per second per channel.
 * This client does not wait; the sender paces by `slackPacingKey(target)`
 * (see slack-pacing.ts) and honours `retryAfterSeconds` on a 429.
 */
export class SlackWebClient implements SlackHomePublisher {
  private readonly client: WebClient;
  // DM channel per user: conversations.open is idempotent, but caching it
  // halves the calls per nudge. Account managers are few, so no eviction.
  private readonly dmChannels = new Map<string, string>();

  constructor(options: SlackWebClientOptions) {
    this.client = new WebClient(options.token, slackWebClientOptions(options));
  }

  /** Posts to a channel, or to a person through the app's DM with them. */
  async postMessage(target: SlackTarget, message: SlackMessage): Promise<SlackPostResult> {
    const channel = target.kind === 'channel' ? target.channelId : await this.openDm(target.userId);
    try {
      const result = await this.client.chat.postMessage({
        channel,
        text: message.text,
        ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
        // Report links are private; an unfurl would fetch them from Slack's servers.
        unfurl_links: false,
        unfurl_media: false,
      });
      return { channel: result.channel ?? channel, ts: result.ts ?? '' };
    } catch (error) {
      const failure = classifySlackError(error);
      if (target.kind === 'user' && failure.kind === 'permanent') this.dmChannels.delete(target.userId);
      throw new SlackDeliveryError('chat.postMessage', failure, { cause: error });
    }
  }

  /** The id of the app's DM channel with `userId` (opening it if needed). */
  async openDm(userId: string): Promise<string> {
    const cached = this.dmChannels.get(userId);
    if (cached !== undefined) return cached;
    const result = await this.call('conversations.open', () =>
      this.client.conversations.open({ users: userId }),
    );
    const channelId = result.channel?.id;
    if (channelId === undefined) {
      throw new SlackDeliveryError('conversations.open', {
        kind: 'permanent',
        reason: 'no_channel_in_response',
      });
    }
    this.dmChannels.set(userId, channelId);
    return channelId;
  }

  /** Publishes `view` as `userId`'s App Home tab. */
  async publishHome(userId: string, view: HomeView): Promise<void> {
    await this.call('views.publish', () => this.client.views.publish({ user_id: userId, view }));
  }

  /** Checks the token; for a start-up check or a health probe. */
  async authTest(): Promise<{ userId: string; botId?: string; teamId?: string }> {
    const result = await this.call('auth.test', () => this.client.auth.test());
    return {
      userId: result.user_id ?? '',
      ...(result.bot_id === undefined ? {} : { botId: result.bot_id }),
      ...(result.team_id === undefined ? {} : { teamId: result.team_id }),
    };
  }

  private async call<T>(method: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new SlackDeliveryError(method, classifySlackError(error), { cause: error });
    }
  }
}
