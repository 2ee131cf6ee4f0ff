import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AppConfig } from '../core/config/app-config';
import { type CadenceSlackApp, createSlackApp } from '../notifications/slack/slack-app';
import type { SlackDedupeStore } from '../notifications/slack/slack-dedupe.store';
import { registerSlackRoute } from '../notifications/slack/slack-events.route';
import { SlackNestLogger } from '../notifications/slack/slack-nest.logger';
import { SlackSender } from '../notifications/slack/slack-sender';
import { slackApiBaseUrl } from '../notifications/slack/slack-web.client';
import { CadenceSlackDomain } from './cadence-slack-domain';
import { SLACK_DEDUPE_STORE } from './slack-dedupe.provider';
import { slackOffHandler } from './slack-off.handler';

/**
 * Mounts `POST /slack/events` on Nest's Fastify instance before the server
 * listens: the Bolt app when Slack credentials are set, else an answer saying
 * Slack is off; and says once, at start-up, which it is.
 *
 * At bootstrap, not module init: awaiting a Fastify plugin builds the routes
 * registered so far, and Nest sets its error handler (the API's error shape)
 * only after module init, so mounting earlier left every API route with
 * Fastify's default error answers.
 *
 * On shutdown, after the HTTP server has closed (so no new request arrives),
 * it waits for the work already acknowledged to Slack; the database, a global
 * module, closes only after that.
 */
@Injectable()
export class SlackEventsMount implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Slack');
  private app: CadenceSlackApp | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly sender: SlackSender,
    private readonly domain: CadenceSlackDomain,
    @Inject(SLACK_DEDUPE_STORE) private readonly dedupe: SlackDedupeStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const slack = this.config.slack;
    const client = this.sender.client;
    if (slack === null || client === null) {
      await registerSlackRoute(fastify, slackOffHandler);
      this.logger.log(
        'Slack is off (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set): nudges meant for Slack go by e-mail, and POST /slack/events answers 404',
      );
      return;
    }
    this.app = createSlackApp(
      {
        botToken: slack.botToken,
        signingSecret: slack.signingSecret,
        ...(slack.apiUrl !== null && { slackApiUrl: slackApiBaseUrl(slack.apiUrl) }),
        logger: new SlackNestLogger(),
      },
      { domain: this.domain, dedupe: this.dedupe, home: client },
    );
    await registerSlackRoute(fastify, this.app);
    this.logger.log(
      `Slack is on: POST /slack/events takes events, buttons and /cadence; nudges go as DMs${slack.apiUrl === null ? '' : ` through ${slack.apiUrl}`}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  /** Resolves once the work acknowledged to Slack so far has finished (shutdown, tests). */
  async drain(): Promise<void> {
    await this.app?.drain();
  }
}
