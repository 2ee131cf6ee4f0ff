/**
 * What Cadence does when someone clicks, types or opens the Home tab in
 * Slack, free of Bolt: each function takes plain inputs, calls the domain
 * port, and returns what to show. None of them rejects; a failure of the port
 * becomes a message for the person, and the details go to the log.
 */
import { randomUUID } from 'node:crypto';
import type { HomeView, KnownBlock } from '@slack/types';
import type { Logger } from '@slack/web-api';
import {
  type CadenceCommand,
  type SlackCommandResponse,
  formatErrorResponse,
  formatHealthResponse,
  formatHelpResponse,
  formatOverdueResponse,
  formatStatusResponse,
  parseCadenceCommand,
} from './cadence-command.format';
import { buildHomeErrorView, buildHomeView } from './home.blocks';
import {
  type NudgeActionKind,
  decodeNudgeActionValue,
  nudgeOutcomeText,
  replaceNudgeActions,
} from './nudge.blocks';
import type { SlackDomainPort } from './slack-domain.port';
import { type SafeMrkdwn, mrkdwn } from './slack-text';

export type InteractionLogger = Pick<Logger, 'warn' | 'error'>;

/**
 * The message to show for an error. Cadence's DomainError (a string `code`,
 * a 4xx `status`) is meant for people: its message is shown. Anything else
 * may carry internals (SQL, paths, stack), so the person gets a generic line
 * with a reference, and the log gets the error under the same reference.
 */
export function userFacingError(error: unknown, logger: InteractionLogger, doing: string): SafeMrkdwn {
  if (isDomainErrorLike(error)) return mrkdwn`${error.message}`;
  const reference = randomUUID().slice(0, 8);
  logger.error(`Slack: ${doing} failed (ref ${reference})`, error);
  return mrkdwn`Something went wrong on our side. Please try again in a minute; if it keeps happening, mention ref ${reference}.`;
}

function isDomainErrorLike(error: unknown): error is Error & { code: string; status: number } {
  if (!(error instanceof Error)) return false;
  const code: unknown = Reflect.get(error, 'code');
  const status: unknown = Reflect.get(error, 'status');
  return typeof code === 'string' && typeof status === 'number' && status >= 400 && status < 500;
}

/** Answers `/cadence <text>` for `slackUserId`. */
export async function answerCadenceCommand(
  text: string,
  slackUserId: string,
  domain: SlackDomainPort,
  logger: InteractionLogger,
): Promise<SlackCommandResponse> {
  const command = parseCadenceCommand(text);
  try {
    return await runCommand(command, slackUserId, domain);
  } catch (error) {
    return formatErrorResponse(userFacingError(error, logger, `/cadence ${command.kind}`));
  }
}

async function runCommand(
  command: CadenceCommand,
  slackUserId: string,
  domain: SlackDomainPort,
): Promise<SlackCommandResponse> {
  switch (command.kind) {
    case 'status':
      return formatStatusResponse(await domain.status(command.query, slackUserId), command.query);
    case 'overdue':
      return formatOverdueResponse(await domain.overdue(slackUserId));
    case 'health':
      return formatHealthResponse(await domain.health(slackUserId));
    case 'help':
      return formatHelpResponse(command);
  }
}

/** How to answer a click on a nudge button, through the message's response_url. */
export type NudgeActionReply =
  /** Replace the nudge: same content, buttons gone, one line on what was done. */
  | { kind: 'replace'; text: string; blocks: KnownBlock[] }
  /** Leave the nudge (and its buttons) alone; tell only the clicker. */
  | { kind: 'ephemeral'; text: string };

export interface NudgeClick {
  kind: NudgeActionKind;
  /** The button's `value`, as Slack sent it back. */
  value: unknown;
  slackUserId: string;
  /** The nudge's blocks as Slack sent them back (`body.message.blocks`). */
  originalBlocks: unknown;
  /** The nudge's fallback text (`body.message.text`). */
  originalText?: string;
}

/** Carries out a nudge button for the person who clicked it. */
export async function runNudgeAction(
  click: NudgeClick,
  domain: SlackDomainPort,
  logger: InteractionLogger,
): Promise<NudgeActionReply> {
  const ids = decodeNudgeActionValue(click.value);
  if (ids === undefined) {
    logger.warn(`Slack: nudge button ${click.kind} carried an unreadable value`);
    return {
      kind: 'ephemeral',
      text: mrkdwn`:warning: This button is out of date; nothing was changed.`.text,
    };
  }
  try {
    const outcome =
      click.kind === 'mark_held'
        ? await domain.markHeld(ids.touchpointId, click.slackUserId)
        : click.kind === 'snooze'
          ? await domain.snooze(ids.messageId, click.slackUserId)
          : await domain.acknowledge(ids.messageId, click.slackUserId);
    const line = nudgeOutcomeText(click.kind, outcome, click.slackUserId);
    return {
      kind: 'replace',
      text: click.originalText ?? line.text,
      blocks: replaceNudgeActions(click.originalBlocks, line),
    };
  } catch (error) {
    const message = userFacingError(error, logger, `nudge ${click.kind} on message ${ids.messageId}`);
    return { kind: 'ephemeral', text: mrkdwn`:warning: ${message}`.text };
  }
}

/** The Home tab for `slackUserId`: their engagements, or a line saying why not. */
export async function renderHome(
  slackUserId: string,
  domain: SlackDomainPort,
  logger: InteractionLogger,
): Promise<HomeView> {
  try {
    return buildHomeView(await domain.home(slackUserId));
  } catch (error) {
    return buildHomeErrorView(userFacingError(error, logger, 'App Home'));
  }
}
