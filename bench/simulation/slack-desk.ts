import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeNudgeActionValue } from '../../src/notifications/slack/nudge.blocks';
import { signedSlackHeaders } from '../../test/support/slack-signing';

/** What the simulated account managers see of Slack: the DMs Cadence sent them, with their buttons. */
export interface ReceivedDm {
  slackUserId: string;
  text: string;
  /** The buttons' shared value, opaque, sent back as it came (as Slack does). */
  buttonValue: string | null;
  /** Read from that value as Cadence reads it (decodeNudgeActionValue): which outbox message and touchpoint. */
  messageId: string | null;
  touchpointId: string | null;
}

const BOT_TOKEN = 'xoxb-simulation-token';
const SIGNING_SECRET = 'simulation-signing-secret-0123456789';
/** How long to wait for Cadence to answer a click through its response_url. */
const CLICK_TIMEOUT_MS = 10_000;

/**
 * A small stand-in for Slack, so the simulated account managers can act on
 * nudges the way real ones do (the Acknowledge and Mark held buttons): the
 * four Web API methods Cadence calls (auth.test, conversations.open,
 * chat.postMessage, views.publish) behind SLACK_API_URL, and the
 * response_url Cadence answers clicks through. Clicks are posted to
 * Cadence's own POST /slack/events, signed with the signing secret, so the
 * whole Slack path of production runs.
 */
export class SlackDesk {
  private readonly inbox: ReceivedDm[] = [];
  private readonly answered = new Set<string>();
  private read = 0;

  private constructor(
    private readonly server: Server,
    private readonly baseUrl: string,
  ) {}

  static async start(): Promise<SlackDesk> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const desk = new SlackDesk(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => {
      void desk.route(req).then(
        (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
    });
    return desk;
  }

  /** The environment that points Cadence at this desk. */
  get env(): Record<string, string> {
    return {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${this.baseUrl}/api/`,
    };
  }

  /** How many DMs Cadence has sent so far. */
  get received(): number {
    return this.inbox.length;
  }

  /** DMs received since the last call. */
  takeNew(): ReceivedDm[] {
    const fresh = this.inbox.slice(this.read);
    this.read = this.inbox.length;
    return fresh;
  }

  /**
   * Clicks a nudge button as `slackUserId`, through Cadence's /slack/events,
   * and waits until Cadence has answered the click (the action is done then).
   */
  async click(cadenceUrl: string, slackUserId: string, actionId: string, dm: ReceivedDm): Promise<void> {
    const hook = randomUUID();
    const payload = {
      type: 'block_actions',
      team: { id: 'T0SIM', domain: 'simulation' },
      user: { id: slackUserId, username: slackUserId, name: slackUserId, team_id: 'T0SIM' },
      api_app_id: 'A0SIM',
      token: 'legacy-verification-token',
      trigger_id: `${hook}.trigger`,
      response_url: `${this.baseUrl}/response/${hook}`,
      container: {
        type: 'message',
        message_ts: '1700000000.000100',
        channel_id: dmChannel(slackUserId),
        is_ephemeral: false,
      },
      channel: { id: dmChannel(slackUserId), name: 'directmessage' },
      message: { type: 'message', user: 'U0SIMBOT', ts: '1700000000.000100', text: dm.text, blocks: [] },
      actions: [
        {
          type: 'button',
          action_id: actionId,
          block_id: 'cadence.nudge.actions',
          text: { type: 'plain_text', text: 'Button' },
          value: dm.buttonValue ?? '',
          action_ts: '1700000001.000200',
        },
      ],
    };
    const rawBody = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const response = await fetch(`${cadenceUrl}/slack/events`, {
      method: 'POST',
      // Signed at the real time, as Slack signs: Cadence checks signatures against the real time too.
      headers: signedSlackHeaders(rawBody, {
        signingSecret: SIGNING_SECRET,
        contentType: 'application/x-www-form-urlencoded',
      }),
      body: rawBody,
    });
    if (response.status !== 200)
      throw new Error(`Slack click refused: ${response.status} ${await response.text()}`);
    const deadline = Date.now() + CLICK_TIMEOUT_MS;
    while (!this.answered.has(hook)) {
      if (Date.now() > deadline)
        throw new Error(`Cadence did not answer the ${actionId} click within ${CLICK_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage): Promise<Record<string, unknown>> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const raw = await readBody(req);
    if (url.pathname.startsWith('/response/')) {
      this.answered.add(url.pathname.slice('/response/'.length));
      return { ok: true };
    }
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    switch (url.pathname.replace(/^\/api\//, '')) {
      case 'auth.test':
        return { ok: true, user_id: 'U0SIMBOT', bot_id: 'B0SIM', team_id: 'T0SIM', team: 'Simulation' };
      case 'conversations.open':
        return { ok: true, channel: { id: dmChannel(text(args['users'])) } };
      case 'views.publish':
        return { ok: true, view: { id: 'V0SIM' } };
      case 'chat.postMessage':
        return this.post(args);
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private post(args: Record<string, unknown>): Record<string, unknown> {
    const channel = text(args['channel']);
    const slackUserId = channel.startsWith('D') ? `U${channel.slice(1)}` : channel;
    const value = firstButtonValue(args['blocks']);
    const ids = decodeNudgeActionValue(value);
    this.inbox.push({
      slackUserId,
      text: typeof args['text'] === 'string' ? args['text'] : '',
      buttonValue: value,
      messageId: ids?.messageId ?? null,
      touchpointId: ids?.touchpointId ?? null,
    });
    return { ok: true, channel, ts: `1700000000.${String(this.inbox.length).padStart(6, '0')}` };
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function dmChannel(slackUserId: string): string {
  return `D${slackUserId.slice(1)}`;
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  const args: Record<string, unknown> = contentType.includes('json')
    ? (JSON.parse(raw === '' ? '{}' : raw) as Record<string, unknown>)
    : Object.fromEntries(new URLSearchParams(raw));
  // @slack/web-api sends `blocks` as a JSON string inside a form body.
  if (typeof args['blocks'] === 'string') args['blocks'] = JSON.parse(args['blocks']) as unknown;
  return args;
}

function firstButtonValue(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return null;
  for (const block of blocks as { type?: string; elements?: { value?: unknown }[] }[]) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements ?? []) if (typeof element.value === 'string') return element.value;
  }
  return null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
