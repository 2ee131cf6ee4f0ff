/**
 * A Bolt Receiver driven by our own HTTP route instead of a server of its own.
 *
 * Bolt's HTTPReceiver and ExpressReceiver own a socket (or an Express router);
 * here Fastify owns the socket and calls `handle()` with the raw body. This
 * receiver checks the signature and the timestamp, answers url_verification,
 * drops Slack's retries of deliveries already taken on, and hands the rest to
 * `app.processEvent`. The HTTP answer goes out as soon as the listener calls
 * `ack()` (or after `ackDeadlineMs` at the latest), while the work goes on
 * after it: Slack waits three seconds, then retries.
 */
import type { App, Receiver } from '@slack/bolt';
// Deep import on purpose: `@slack/bolt`'s index also loads ExpressReceiver,
// and with it Express, which this Fastify app never uses.
import { verifySlackRequest } from '@slack/bolt/dist/receivers/verify-request';
import type { Logger } from '@slack/web-api';
import { type SlackDedupeStore, slackDedupeKey } from './slack-dedupe.store';
import type { SlackHttpHandler, SlackHttpRequest, SlackHttpResponse } from './slack-http.types';

export interface SlackEventsReceiverOptions {
  signingSecret: string;
  dedupe: SlackDedupeStore;
  /**
   * Wall-clock epoch milliseconds for the timestamp check. Real time even when
   * the domain runs on a simulated clock: Slack signs with real time.
   */
  nowMs: () => number;
  /** Answer 200 by then if no listener has acked; Slack gives up at 3 s. */
  ackDeadlineMs?: number;
  /** How far a request's timestamp may be from now, either way. */
  maxClockSkewSeconds?: number;
}

const EMPTY_OK: SlackHttpResponse = { status: 200, headers: {}, body: '' };

/** Reading a request gives a body to process, or the answer to give at once. */
type Parsed = { body: Record<string, unknown> } | { answer: SlackHttpResponse };

export class SlackEventsReceiver implements Receiver, SlackHttpHandler {
  private app: App | undefined;
  private logger: Logger | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly ackDeadlineMs: number;
  private readonly maxSkewSeconds: number;

  constructor(private readonly options: SlackEventsReceiverOptions) {
    this.ackDeadlineMs = options.ackDeadlineMs ?? 2500;
    this.maxSkewSeconds = options.maxClockSkewSeconds ?? 5 * 60;
  }

  /** Called by Bolt's App constructor. */
  init(app: App): void {
    this.app = app;
    this.logger = app.logger;
  }

  /** Fastify owns the socket; nothing to start. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  /** Lets work already acknowledged finish. */
  stop(): Promise<void> {
    return this.drain();
  }

  /** Resolves once every acknowledged request has been fully processed. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
    }
  }

  async handle(request: SlackHttpRequest): Promise<SlackHttpResponse> {
    const app = this.app;
    if (app === undefined) throw new Error('SlackEventsReceiver used before a Bolt App was built on it');

    // Slack's certificate check carries no signature and no action (Bolt's own receivers skip it too).
    if (isSslCheck(request)) return EMPTY_OK;

    const rejection = this.verify(request);
    if (rejection !== undefined) {
      this.log('warn', `Slack request rejected: ${rejection}`);
      return { status: 401, headers: {}, body: '' };
    }

    const parsed = parseBody(request);
    if ('answer' in parsed) return parsed.answer;
    const { body } = parsed;

    if (body['type'] === 'url_verification') {
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ challenge: typeof body['challenge'] === 'string' ? body['challenge'] : '' }),
      };
    }

    const retryNum = numberHeader(request, 'x-slack-retry-num');
    const retryReason = stringHeader(request, 'x-slack-retry-reason');
    const key = slackDedupeKey(body);
    // Slack's ids are short printable ASCII; anything else did not come from Slack's servers.
    if (key !== undefined && !/^[\x21-\x7e]{1,300}$/.test(key)) {
      return { status: 400, headers: {}, body: '' };
    }
    if (key !== undefined) {
      let first: boolean;
      try {
        first = await this.options.dedupe.claim(key);
      } catch (error) {
        // Acting without the claim could act twice; not acting lets Slack retry.
        this.log('error', `Slack: could not record ${key}; asking Slack to retry`, error);
        return { status: 503, headers: {}, body: '' };
      }
      if (!first) {
        this.log(
          'info',
          `Slack: ${key} already taken on (retry ${retryNum ?? 0}, ${retryReason ?? 'no reason'}); acknowledged only`,
        );
        return EMPTY_OK;
      }
    }

    return this.dispatch(app, body, retryNum, retryReason);
  }

  private dispatch(
    app: App,
    body: Record<string, unknown>,
    retryNum: number | undefined,
    retryReason: string | undefined,
  ): Promise<SlackHttpResponse> {
    return new Promise<SlackHttpResponse>((resolve) => {
      let answered = false;
      const answer = (response: SlackHttpResponse): boolean => {
        if (answered) return false;
        answered = true;
        clearTimeout(deadline);
        resolve(response);
        return true;
      };
      const deadline = setTimeout(() => {
        if (answer(EMPTY_OK)) {
          this.log(
            'warn',
            `Slack: no ack within ${this.ackDeadlineMs} ms; answered 200 so Slack does not retry`,
          );
        }
      }, this.ackDeadlineMs);

      const ack = async (response?: unknown): Promise<void> => {
        if (!answer(toHttpResponse(response))) {
          this.log('warn', 'Slack: ack() came after the HTTP answer was sent; its content is lost');
        }
      };

      const work = app
        .processEvent({
          body,
          ack,
          ...(retryNum === undefined ? {} : { retryNum }),
          ...(retryReason === undefined ? {} : { retryReason }),
        })
        .then(
          () => {
            // No listener acked (nothing matched): still tell Slack we got it.
            answer(EMPTY_OK);
          },
          (error: unknown) => {
            // Listeners catch their own errors, so a rejection here is Bolt failing to read a
            // verified payload before anything was acked (a field of the wrong shape). Trying
            // again cannot help, and the delivery is claimed anyway: 400, not a 5xx for Slack to retry.
            if (answer({ status: 400, headers: {}, body: '' })) {
              this.log('warn', 'Slack: a verified request could not be processed; answered 400', error);
            } else {
              this.log('error', 'Slack: processing a request failed after it was acknowledged', error);
            }
          },
        );
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    });
  }

  /** Why the request is not from Slack, or undefined when it is. */
  private verify(request: SlackHttpRequest): string | undefined {
    const signature = stringHeader(request, 'x-slack-signature');
    const timestamp = stringHeader(request, 'x-slack-request-timestamp');
    if (signature === undefined || timestamp === undefined) return 'missing signature headers';
    if (!/^\d{1,12}$/.test(timestamp)) return 'malformed timestamp';
    const timestampSec = Number(timestamp);
    const nowMs = this.options.nowMs();
    // Bolt's verifier rejects stale timestamps only; one from the future is
    // just as much a replay risk (a request signed ahead of time).
    if (Math.abs(nowMs / 1000 - timestampSec) > this.maxSkewSeconds) return 'timestamp too far from now';
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: request.rawBody.toString('utf8'),
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestampSec },
        nowMilliseconds: nowMs,
      });
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : 'signature check failed';
    }
  }

  private log(level: 'info' | 'warn' | 'error', message: string, error?: unknown): void {
    if (this.logger === undefined) return;
    if (error === undefined) this.logger[level](message);
    else this.logger[level](message, error);
  }
}

function parseBody(request: SlackHttpRequest): Parsed {
  const text = request.rawBody.toString('utf8');
  const contentType = (stringHeader(request, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  const badRequest = { answer: { status: 400, headers: {}, body: '' } };
  try {
    if (contentType === 'application/json') {
      const parsed: unknown = JSON.parse(text);
      return isRecord(parsed) ? { body: parsed } : badRequest;
    }
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(text);
      // Interactivity (buttons) arrives as one form field holding JSON;
      // slash commands as plain form fields.
      const payload = form.get('payload');
      if (payload !== null) {
        const parsed: unknown = JSON.parse(payload);
        return isRecord(parsed) ? { body: parsed } : badRequest;
      }
      return { body: Object.fromEntries(form) };
    }
  } catch {
    return badRequest;
  }
  return { answer: { status: 415, headers: {}, body: '' } };
}

function isSslCheck(request: SlackHttpRequest): boolean {
  const contentType = stringHeader(request, 'content-type') ?? '';
  if (!contentType.startsWith('application/x-www-form-urlencoded')) return false;
  return new URLSearchParams(request.rawBody.toString('utf8')).get('ssl_check') === '1';
}

function toHttpResponse(response: unknown): SlackHttpResponse {
  if (response === undefined || response === null || response === '') return EMPTY_OK;
  if (typeof response === 'string') {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: response };
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(response) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringHeader(request: SlackHttpRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function numberHeader(request: SlackHttpRequest, name: string): number | undefined {
  const value = stringHeader(request, name);
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}
