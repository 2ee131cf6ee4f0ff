/**
 * Request bodies as Slack sends them to `POST /slack/events`, for tests:
 * interactivity as a form field `payload` holding JSON, slash commands as
 * plain form fields, events as JSON. Each builder returns the raw body string
 * (what gets signed) and its content type.
 */
import { randomUUID } from 'node:crypto';

export interface SlackRequestBody {
  rawBody: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
}

const TEAM = { id: 'T0CADENCE', domain: 'cadence-test' };

export interface BlockActionOptions {
  actionId: string;
  value?: string;
  userId: string;
  responseUrl: string;
  triggerId?: string;
  /** The nudge as Slack shows it (blocks and fallback text). */
  message?: { text: string; blocks: unknown[] };
  /** Set for URL buttons. */
  url?: string;
}

/** A click on a button in a message (`block_actions`). */
export function blockActionRequest(
  options: BlockActionOptions,
): SlackRequestBody & { payload: Record<string, unknown> } {
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    team: TEAM,
    user: { id: options.userId, username: 'maria', name: 'maria', team_id: TEAM.id },
    api_app_id: 'A0CADENCE',
    token: 'legacy-verification-token',
    trigger_id: options.triggerId ?? `${Date.now()}.${randomUUID()}`,
    response_url: options.responseUrl,
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'D0AM', is_ephemeral: false },
    channel: { id: 'D0AM', name: 'directmessage' },
    message: {
      type: 'message',
      user: 'U0CADENCEBOT',
      ts: '1700000000.000100',
      text: options.message?.text ?? 'Nudge',
      blocks: options.message?.blocks ?? [],
    },
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: 'cadence.nudge.actions',
        text: { type: 'plain_text', text: 'Button', emoji: true },
        ...(options.value === undefined ? {} : { value: options.value }),
        ...(options.url === undefined ? {} : { url: options.url }),
        action_ts: '1700000001.000200',
      },
    ],
  };
  return {
    payload,
    rawBody: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

export interface SlashCommandOptions {
  text: string;
  userId: string;
  responseUrl: string;
  command?: string;
}

/** `/cadence <text>` typed by `userId`. */
export function slashCommandRequest(options: SlashCommandOptions): SlackRequestBody {
  const form = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: 'D0AM',
    channel_name: 'directmessage',
    user_id: options.userId,
    user_name: 'maria',
    command: options.command ?? '/cadence',
    text: options.text,
    api_app_id: 'A0CADENCE',
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: `${Date.now()}.${randomUUID()}`,
  });
  return { rawBody: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** An Events API delivery of `event`. */
export function eventCallbackRequest(
  event: Record<string, unknown>,
  eventId = `Ev${randomUUID().slice(0, 8)}`,
): SlackRequestBody {
  const body = {
    token: 'legacy-verification-token',
    team_id: TEAM.id,
    api_app_id: 'A0CADENCE',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [
      { team_id: TEAM.id, user_id: 'U0CADENCEBOT', is_bot: true, is_enterprise_install: false },
    ],
  };
  return { rawBody: JSON.stringify(body), contentType: 'application/json' };
}

/** The user opened the app's Home tab. */
export function appHomeOpenedEvent(
  userId: string,
  tab: 'home' | 'messages' = 'home',
): Record<string, unknown> {
  return { type: 'app_home_opened', user: userId, channel: 'D0AM', tab, event_ts: '1700000000.000300' };
}

/** Slack checking the Request URL when it is configured. */
export function urlVerificationRequest(challenge: string): SlackRequestBody {
  return {
    rawBody: JSON.stringify({ token: 'legacy-verification-token', challenge, type: 'url_verification' }),
    contentType: 'application/json',
  };
}
