/**
 * A real HTTP server on 127.0.0.1 serving `POST /slack/events` with the
 * Cadence Slack app, wired to the fake Slack API and a fake domain port.
 */
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import {
  type SlackAppOptions,
  createSlackApp,
  type CadenceSlackApp,
} from '../../../src/notifications/slack/slack-app';
import { InMemorySlackDedupeStore } from '../../../src/notifications/slack/slack-dedupe.store';
import { registerSlackRoute } from '../../../src/notifications/slack/slack-events.route';
import { SlackWebClient } from '../../../src/notifications/slack/slack-web.client';
import { FakeSlackApi } from '../../fakes/slack-api.fake';
import { FakeSlackDomain } from '../../fakes/slack-domain.fake';
import { RecordingSlackLogger } from '../../fakes/slack-logger.fake';
import type { SlackRequestBody } from '../../fakes/slack-payloads';
import {
  type SignedHeadersOptions,
  TEST_SIGNING_SECRET,
  signedSlackHeaders,
} from '../../support/slack-signing';

export const AM = 'U0MARIA';

export interface SlackEventsHarness {
  url: string;
  fake: FakeSlackApi;
  domain: FakeSlackDomain;
  logger: RecordingSlackLogger;
  slack: CadenceSlackApp;
  close(): Promise<void>;
}

export async function startSlackEventsServer(
  options: Partial<SlackAppOptions> = {},
  mount: (slack: CadenceSlackApp) => Promise<{ url: string; close: () => Promise<void> }> = mountOnFastify,
): Promise<SlackEventsHarness> {
  const fake = await FakeSlackApi.start({ users: [AM] });
  const domain = new FakeSlackDomain();
  const logger = new RecordingSlackLogger();
  const web = new SlackWebClient({ token: fake.token, slackApiUrl: fake.apiUrl, logger });
  const slack = createSlackApp(
    {
      botToken: fake.token,
      signingSecret: TEST_SIGNING_SECRET,
      slackApiUrl: fake.apiUrl,
      logger,
      ...options,
    },
    { domain, dedupe: new InMemorySlackDedupeStore(() => Date.now()), home: web },
  );
  const mounted = await mount(slack);
  return {
    url: mounted.url,
    fake,
    domain,
    logger,
    slack,
    async close() {
      await mounted.close();
      await slack.drain();
      await fake.close();
    },
  };
}

async function mountOnFastify(slack: CadenceSlackApp): Promise<{ url: string; close: () => Promise<void> }> {
  const server = Fastify();
  await registerSlackRoute(server, slack);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/slack/events`, close: () => server.close() };
}

export interface Delivery {
  status: number;
  contentType: string | null;
  text: string;
  elapsedMs: number;
}

/** Posts `body` to the endpoint, signed like Slack (override anything through `sign`). */
export async function deliver(
  url: string,
  body: SlackRequestBody,
  sign: SignedHeadersOptions = {},
): Promise<Delivery> {
  const headers = signedSlackHeaders(body.rawBody, { contentType: body.contentType, ...sign });
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body: body.rawBody });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    elapsedMs: performance.now() - started,
  };
}
