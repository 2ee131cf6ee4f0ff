/**
 * A local, stateful fake of the Slack Web API for tests.
 *
 * An HTTP server on 127.0.0.1 (random port) that `WebClient` reaches through
 * `slackApiUrl: fake.apiUrl`. Like the real API it takes form-encoded bodies
 * (what @slack/web-api sends, with `blocks`/`view` as JSON strings) and JSON
 * bodies (token in the Authorization header only), answers HTTP 200 with
 * `{ ok: false, error }` for bad requests, and knows its users and channels,
 * so a DM to a stranger is `user_not_found` for real rather than by script.
 *
 * Faults are scripted on top: for the next N calls (of one method or any),
 * or for every call of a method, answer 429 with Retry-After, an HTTP error,
 * an `ok: false` error, or answer late. Every call is recorded with its time.
 *
 * It also serves response_url endpoints (`fake.responseUrl()`), recording what
 * Bolt's `respond()` posts there.
 */
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SlackFault =
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'http_error'; status: number }
  | { kind: 'slack_error'; error: string }
  /** Answers normally, but only after `ms` (for client timeouts). */
  | { kind: 'delay'; ms: number };

export interface RecordedSlackCall {
  method: string;
  /** `now()` when the request arrived. */
  at: number;
  /** The bearer token (or the `token` form field), if any. */
  token: string | undefined;
  encoding: 'json' | 'form';
  /** The arguments, with JSON-string fields (`blocks`, `view`…) parsed. */
  args: Record<string, unknown>;
  /** What the fake answered. */
  status: number;
  response: Record<string, unknown>;
  fault?: SlackFault;
}

export interface RecordedResponseUrlPost {
  hook: string;
  at: number;
  body: Record<string, unknown>;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string | undefined;
  blocks: unknown[] | undefined;
}

export interface FakeSlackApiOptions {
  /** The bot token it accepts. */
  token?: string;
  /** Slack user ids that exist. */
  users?: string[];
  /** Channel ids that exist (the app is a member). */
  channels?: string[];
  /** Clock for `at` (epoch ms); a test on a manual clock can pass its own. */
  now?: () => number;
}

interface FaultRule {
  method: string | undefined;
  remaining: number;
  fault: SlackFault;
}

const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata'];
const BOT = { user_id: 'U0CADENCEBOT', bot_id: 'B0CADENCE', team_id: 'T0CADENCE' };

export class FakeSlackApi {
  readonly calls: RecordedSlackCall[] = [];
  readonly responseUrlPosts: RecordedResponseUrlPost[] = [];
  readonly messages: PostedMessage[] = [];
  /** Every view published, per user, latest last. */
  readonly homeViews = new Map<string, Record<string, unknown>[]>();

  readonly token: string;
  private readonly users: Set<string>;
  private readonly channels: Set<string>;
  private readonly now: () => number;
  private faults: FaultRule[] = [];
  private tsCounter = 0;
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    options: FakeSlackApiOptions,
  ) {
    this.token = options.token ?? 'xoxb-fake-cadence-token';
    this.users = new Set(options.users ?? []);
    this.channels = new Set(options.channels ?? []);
    this.now = options.now ?? (() => Date.now());
  }

  /** Starts the fake on 127.0.0.1 and a free port. */
  static async start(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSlackApi(server, `http://127.0.0.1:${port}`, options);
    server.on('request', (req, res) => {
      fake.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(error));
      });
    });
    return fake;
  }

  /** What to give `WebClient` as `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A response_url whose posts are recorded under `hook`. */
  responseUrl(hook: string = randomUUID()): string {
    return `${this.baseUrl}/response/${hook}`;
  }

  addUser(userId: string): void {
    this.users.add(userId);
  }

  /** The next `count` calls (of `method`, or of any method) get `fault`. */
  failNext(count: number, fault: SlackFault, method?: string): void {
    this.faults.push({ method, remaining: count, fault });
  }

  /** Every call of `method` gets `fault` until `clearFaults()`. */
  failAlways(method: string, fault: SlackFault): void {
    this.faults.push({ method, remaining: Number.POSITIVE_INFINITY, fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  callsTo(method: string): RecordedSlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Polls until `predicate` holds (async work after an ack), or fails after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(`FakeSlackApi.waitFor: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const raw = await readBody(req);
    if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
      this.recordResponseUrlPost(url.pathname.slice('/response/'.length), raw);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.method !== 'POST' || !url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    await this.apiCall(url.pathname.slice('/api/'.length), req, raw, res);
  }

  private recordResponseUrlPost(hook: string, raw: string): void {
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isRecord(parsed)) body = parsed;
    } catch {
      body = { unparsable: raw };
    }
    this.responseUrlPosts.push({ hook, at: this.now(), body });
  }

  private async apiCall(
    method: string,
    req: IncomingMessage,
    raw: string,
    res: ServerResponse,
  ): Promise<void> {
    const at = this.now();
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    const encoding = contentType === 'application/json' ? 'json' : 'form';
    const args = encoding === 'json' ? parseJsonArgs(raw) : parseFormArgs(raw);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    // The real API takes a `token` field in form bodies, never in JSON ones.
    const token =
      bearer ?? (encoding === 'form' && typeof args['token'] === 'string' ? args['token'] : undefined);
    delete args['token'];

    const fault = this.takeFault(method);
    const call: RecordedSlackCall = {
      method,
      at,
      token,
      encoding,
      args,
      status: 200,
      response: {},
      ...(fault ? { fault } : {}),
    };
    this.calls.push(call);

    const send = (
      status: number,
      response: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): void => {
      call.status = status;
      call.response = response;
      res
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
        .end(JSON.stringify(response));
    };

    if (fault !== undefined) {
      switch (fault.kind) {
        case 'rate_limited':
          send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfterSeconds) });
          return;
        case 'http_error':
          call.status = fault.status;
          res.writeHead(fault.status, { 'content-type': 'text/plain' }).end('fake upstream error');
          return;
        case 'slack_error':
          send(200, { ok: false, error: fault.error });
          return;
        case 'delay':
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              this.timers.delete(timer);
              resolve();
            }, fault.ms);
            this.timers.add(timer);
          });
          if (res.destroyed) return;
          break;
      }
    }

    if ('__invalid' in args) {
      send(200, { ok: false, error: 'invalid_json' });
      return;
    }
    if (token === undefined) {
      send(200, { ok: false, error: 'not_authed' });
      return;
    }
    if (token !== this.token) {
      send(200, { ok: false, error: 'invalid_auth' });
      return;
    }
    send(200, this.answer(method, args));
  }

  private takeFault(method: string): SlackFault | undefined {
    const rule = this.faults.find((r) => r.remaining > 0 && (r.method === undefined || r.method === method));
    if (rule === undefined) return undefined;
    rule.remaining -= 1;
    return rule.fault;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://cadence-test.slack.com/',
          team: 'Cadence Test',
          user: 'cadence',
          ...BOT,
        };
      case 'conversations.open':
        return this.conversationsOpen(args);
      case 'chat.postMessage':
        return this.chatPostMessage(args);
      case 'views.publish':
        return this.viewsPublish(args);
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private conversationsOpen(args: Record<string, unknown>): Record<string, unknown> {
    const users = typeof args['users'] === 'string' ? args['users'].split(',').filter((u) => u !== '') : [];
    if (users.length === 0) return { ok: false, error: 'users_list_not_supplied' };
    if (users.length > 1) return { ok: false, error: 'not_supported_by_fake' };
    const [user] = users as [string];
    if (!this.users.has(user)) return { ok: false, error: 'user_not_found' };
    const id = dmChannelOf(user);
    this.channels.add(id);
    return { ok: true, channel: { id } };
  }

  private chatPostMessage(args: Record<string, unknown>): Record<string, unknown> {
    const requested = args['channel'];
    if (typeof requested !== 'string' || requested === '') return { ok: false, error: 'channel_not_found' };
    // Like Slack, a user id as channel posts to the app's DM with that person.
    const channel = this.users.has(requested) ? dmChannelOf(requested) : requested;
    if (!this.channels.has(channel) && !this.users.has(requested))
      return { ok: false, error: 'channel_not_found' };
    const text = typeof args['text'] === 'string' ? args['text'] : undefined;
    const blocks = args['blocks'];
    if ((text === undefined || text === '') && blocks === undefined) return { ok: false, error: 'no_text' };
    if (text !== undefined && text.length > 40_000) return { ok: false, error: 'msg_too_long' };
    if (blocks !== undefined && !validBlocks(blocks, 50)) return { ok: false, error: 'invalid_blocks' };
    this.tsCounter += 1;
    const ts = `1700000000.${String(this.tsCounter).padStart(6, '0')}`;
    this.messages.push({ channel, ts, text, blocks: Array.isArray(blocks) ? blocks : undefined });
    return { ok: true, channel, ts, message: { type: 'message', text, blocks, ts, user: BOT.user_id } };
  }

  private viewsPublish(args: Record<string, unknown>): Record<string, unknown> {
    const userId = args['user_id'];
    if (typeof userId !== 'string' || userId === '') return { ok: false, error: 'invalid_arguments' };
    if (!this.users.has(userId)) return { ok: false, error: 'user_not_found' };
    const view = args['view'];
    if (!isRecord(view) || view['type'] !== 'home') return { ok: false, error: 'invalid_arguments' };
    if (!validBlocks(view['blocks'], 100)) return { ok: false, error: 'invalid_blocks' };
    const published = this.homeViews.get(userId) ?? [];
    published.push(view);
    this.homeViews.set(userId, published);
    return { ok: true, view: { id: `V${published.length}`, ...view } };
  }
}

function dmChannelOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

function validBlocks(blocks: unknown, max: number): boolean {
  return (
    Array.isArray(blocks) &&
    blocks.length <= max &&
    blocks.every((b) => isRecord(b) && typeof b['type'] === 'string')
  );
}

function parseJsonArgs(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw === '' ? '{}' : raw);
    return isRecord(parsed) ? decodeJsonFields(parsed) : { __invalid: raw };
  } catch {
    return { __invalid: raw };
  }
}

function parseFormArgs(raw: string): Record<string, unknown> {
  return decodeJsonFields(Object.fromEntries(new URLSearchParams(raw)));
}

/** `blocks`, `view`… arrive as JSON strings in form bodies (and may in JSON ones). */
function decodeJsonFields(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...args };
  for (const field of JSON_FIELDS) {
    const value = out[field];
    if (typeof value !== 'string') continue;
    try {
      out[field] = JSON.parse(value) as unknown;
    } catch {
      out[field] = { __invalid: value };
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
