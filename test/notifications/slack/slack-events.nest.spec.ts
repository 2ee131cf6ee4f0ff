import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { NUDGE_ACTION_IDS } from '../../../src/notifications/slack/nudge.blocks';
import type { CadenceSlackApp } from '../../../src/notifications/slack/slack-app';
import { registerSlackRoute } from '../../../src/notifications/slack/slack-events.route';
import {
  appHomeOpenedEvent,
  blockActionRequest,
  eventCallbackRequest,
  slashCommandRequest,
} from '../../fakes/slack-payloads';
import { AM, type SlackEventsHarness, deliver, startSlackEventsServer } from './slack-events.harness';

@Controller('echo')
class EchoController {
  @Post()
  echo(@Body() body: unknown): unknown {
    return body;
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

/** Mounts the Slack route the way main.ts will: Nest on Fastify, created with rawBody: true. */
async function mountOnNest(slack: CadenceSlackApp): Promise<{ url: string; close: () => Promise<void> }> {
  const app = await NestFactory.create<NestFastifyApplication>(EchoModule, new FastifyAdapter(), {
    rawBody: true,
    logger: false,
  });
  await registerSlackRoute(app.getHttpAdapter().getInstance(), slack);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  mountedBase = `http://127.0.0.1:${port}`;
  return { url: `${mountedBase}/slack/events`, close: () => app.close() };
}

let mountedBase = '';

describe('POST /slack/events inside Nest on Fastify (rawBody: true)', () => {
  let h: SlackEventsHarness;

  beforeEach(async () => {
    h = await startSlackEventsServer({}, mountOnNest);
  });

  afterEach(async () => {
    await h.close();
  });

  it('verifies and handles a form-encoded button click', async () => {
    const res = await deliver(
      h.url,
      blockActionRequest({
        actionId: NUDGE_ACTION_IDS.acknowledge,
        value: JSON.stringify({ m: 'msg-1', t: 'tp-1' }),
        userId: AM,
        responseUrl: h.fake.responseUrl(),
      }),
    );

    expect(res.status).toBe(200);
    await h.slack.drain();
    expect(h.domain.callsOf('acknowledge')).toEqual([{ method: 'acknowledge', args: ['msg-1', AM] }]);
  });

  it('verifies and handles a JSON event', async () => {
    const res = await deliver(h.url, eventCallbackRequest(appHomeOpenedEvent(AM)));

    expect(res.status).toBe(200);
    await h.slack.drain();
    expect(h.fake.callsTo('views.publish')).toHaveLength(1);
  });

  it('answers a slash command inline', async () => {
    const res = await deliver(
      h.url,
      slashCommandRequest({ text: '', userId: AM, responseUrl: h.fake.responseUrl() }),
    );

    expect(JSON.parse(res.text)).toMatchObject({ response_type: 'ephemeral' });
  });

  it('rejects a forged signature with 401', async () => {
    const res = await deliver(h.url, eventCallbackRequest(appHomeOpenedEvent(AM)), {
      signingSecret: 'forged',
    });

    expect(res.status).toBe(401);
    await h.slack.drain();
    expect(h.domain.calls).toEqual([]);
  });

  it("leaves Nest's own body parsing for other routes as it was", async () => {
    const res = await fetch(`${mountedBase}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"hello":"world"}',
    });

    expect(await res.json()).toEqual({ hello: 'world' });
  });
});
