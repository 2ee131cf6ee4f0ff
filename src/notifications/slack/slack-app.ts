/**
 * The Cadence Slack app: Bolt over HTTP, mounted by our own Fastify route.
 *
 * With slack-events.receiver.ts, the only code that imports `@slack/bolt`.
 * Listeners ack first and work after; the work goes through `SlackDomainPort`,
 * and everything shown is built by the Bolt-free block builders.
 */
import type { BlockAction, ButtonAction, Logger, RespondArguments, RespondFn } from '@slack/bolt';
// Deep import on purpose: `@slack/bolt`'s index also loads ExpressReceiver and
// with it Express (about 140 ms and a web framework we never use). The App
// class itself only needs Bolt's own HTTP and Socket Mode receivers.
import App from '@slack/bolt/dist/App';
import { formatWorkingOnItResponse, type SlackCommandResponse } from './cadence-command.format';
import { HOME_ACTION_IDS } from './home.blocks';
import { NUDGE_ACTION_IDS, type NudgeActionKind } from './nudge.blocks';
import type { SlackDedupeStore } from './slack-dedupe.store';
import type { SlackDomainPort } from './slack-domain.port';
import { wallClockMs } from '../../core/clock/wall-clock';
import { SlackEventsReceiver } from './slack-events.receiver';
import type { SlackHttpHandler, SlackHttpRequest, SlackHttpResponse } from './slack-http.types';
import {
  type NudgeActionReply,
  answerCadenceCommand,
  renderHome,
  runNudgeAction,
} from './slack-interactions';
import { type SlackHomePublisher, classifySlackError, slackWebClientOptions } from './slack-web.client';

export interface SlackAppOptions {
  /** `SLACK_BOT_TOKEN`. */
  botToken: string;
  /** `SLACK_SIGNING_SECRET`. */
  signingSecret: string;
  /** `SLACK_API_URL`, for Bolt's own client (the app itself publishes through `home`). */
  slackApiUrl?: string;
  /** The slash command's name, as configured in the Slack app. */
  commandName?: string;
  logger?: Logger;
  /** Wall-clock epoch ms for the signature timestamp check (real time, not the simulated clock). */
  nowMs?: () => number;
  /** The HTTP answer goes out by then at the latest; Slack waits 3 s. */
  ackDeadlineMs?: number;
  /**
   * How long `/cadence` may take to answer inline. Slower answers get "Looking
   * that up…" at once and the real answer through the command's response_url.
   */
  commandInlineBudgetMs?: number;
}

export interface SlackAppDependencies {
  domain: SlackDomainPort;
  dedupe: SlackDedupeStore;
  /** Publishes the App Home tab: a `SlackWebClient`. */
  home: SlackHomePublisher;
}

/** The mounted app: answers Slack's HTTP requests, and can wait for work in flight. */
export interface CadenceSlackApp extends SlackHttpHandler {
  handle(request: SlackHttpRequest): Promise<SlackHttpResponse>;
  /** Resolves when all acknowledged work has finished (shutdown, tests). */
  drain(): Promise<void>;
}

/** Builds the Bolt app and its receiver; mount the result with `registerSlackRoute`. */
export function createSlackApp(options: SlackAppOptions, deps: SlackAppDependencies): CadenceSlackApp {
  const receiver = new SlackEventsReceiver({
    signingSecret: options.signingSecret,
    dedupe: deps.dedupe,
    // Real time on purpose: Slack signs with its real send time (see wallClockMs).
    nowMs: options.nowMs ?? wallClockMs,
    ...(options.ackDeadlineMs === undefined ? {} : { ackDeadlineMs: options.ackDeadlineMs }),
  });

  const app = new App({
    receiver,
    // A fixed token without Bolt's start-up auth.test: that call would go
    // through Bolt's client, and every request would wait for it.
    authorize: async () => ({ botToken: options.botToken }),
    // Bolt's own client is only a fallback for listeners; keep it as strict as ours.
    clientOptions: slackWebClientOptions(
      options.slackApiUrl === undefined ? {} : { slackApiUrl: options.slackApiUrl },
    ),
    // We listen to no message events, and without auth.test there is no bot id to compare.
    ignoreSelf: false,
    convoStore: false,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const logger = app.logger;
  const { domain } = deps;
  // The inline answer must be ready before the receiver's own deadline answers for it.
  const inlineBudgetMs = Math.min(
    options.commandInlineBudgetMs ?? 2000,
    (options.ackDeadlineMs ?? 2500) - 250,
  );

  // Listener errors are caught below; this keeps anything else from rejecting processEvent.
  app.error(async (error) => {
    logger.error('Slack: unhandled error in a listener', error);
  });

  const onNudge = (kind: NudgeActionKind, actionId: string): void => {
    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: actionId },
      async ({ ack, action, body, respond }) => {
        await ack();
        const reply = await runNudgeAction(
          {
            kind,
            value: action.value,
            slackUserId: body.user.id,
            originalBlocks: body.message?.['blocks'],
            ...(typeof body.message?.text === 'string' ? { originalText: body.message.text } : {}),
          },
          domain,
          logger,
        );
        await respondSafely(respond, toRespondArguments(reply), logger);
      },
    );
  };
  onNudge('mark_held', NUDGE_ACTION_IDS.markHeld);
  onNudge('snooze', NUDGE_ACTION_IDS.snooze);
  onNudge('acknowledge', NUDGE_ACTION_IDS.acknowledge);

  // URL buttons open in the browser, but Slack still posts the click and
  // shows a warning unless it is acknowledged.
  app.action<BlockAction<ButtonAction>>(
    {
      type: 'block_actions',
      action_id: new RegExp(
        `^(${escapeRegExp(NUDGE_ACTION_IDS.openReport)}|${escapeRegExp(HOME_ACTION_IDS.openEngagement)})$`,
      ),
    },
    async ({ ack }) => {
      await ack();
    },
  );

  app.command(options.commandName ?? '/cadence', async ({ command, ack, respond }) => {
    const answer = answerCadenceCommand(command.text, command.user_id, domain, logger);
    const inline = await settledWithin(answer, inlineBudgetMs);
    if (inline !== undefined) {
      await ack(inline);
      return;
    }
    await ack(formatWorkingOnItResponse());
    await respondSafely(respond, await answer, logger);
  });

  app.event('app_home_opened', async ({ event }) => {
    // The same event fires for the Messages tab; only the Home tab has a view to publish.
    if (event.tab === 'messages') return;
    const view = await renderHome(event.user, domain, logger);
    try {
      await deps.home.publishHome(event.user, view);
    } catch (error) {
      // The next time they open the tab publishes again; nothing to queue.
      const failure = classifySlackError(error);
      logger.warn(`Slack: views.publish for ${event.user} failed (${failure.kind}: ${failure.reason})`);
    }
  });

  return {
    handle: (request) => receiver.handle(request),
    drain: () => receiver.drain(),
  };
}

function toRespondArguments(reply: NudgeActionReply): RespondArguments {
  return reply.kind === 'replace'
    ? { replace_original: true, text: reply.text, blocks: reply.blocks }
    : { response_type: 'ephemeral', replace_original: false, text: reply.text };
}

async function respondSafely(
  respond: RespondFn | undefined,
  message: RespondArguments | SlackCommandResponse,
  logger: Logger,
): Promise<void> {
  // Home-tab clicks have no response_url, so Bolt passes no respond().
  if (respond === undefined) return;
  try {
    await respond(message);
  } catch (error) {
    // response_url expires after 30 minutes or 5 uses; the action itself is done.
    logger.warn('Slack: could not answer through response_url', error);
  }
}

/** The promise's value if it settles within `ms`, else undefined (it keeps running). */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
