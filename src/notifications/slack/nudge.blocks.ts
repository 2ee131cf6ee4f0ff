import type { ActionsBlockElement, Button, KnownBlock } from '@slack/types';
import { healthBadge } from './health.format';
import type { HealthBand, NudgeActionOutcome, SnoozeOutcome, TouchpointKind } from './slack-domain.port';
import {
  type SafeMrkdwn,
  buttonUrl,
  clipText,
  fitMrkdwn,
  mentionUser,
  mrkdwn,
  slackDate,
} from './slack-text';
import type { SlackMessage } from './slack-web.client';

/** Action ids of the nudge buttons; the Slack app routes on them. */
export const NUDGE_ACTION_IDS = {
  markHeld: 'cadence.nudge.mark_held',
  snooze: 'cadence.nudge.snooze',
  acknowledge: 'cadence.nudge.acknowledge',
  openReport: 'cadence.nudge.open_report',
} as const;

export type NudgeActionKind = 'mark_held' | 'snooze' | 'acknowledge';

/** What every nudge button carries back: which outbox message, about which touchpoint. */
export interface NudgeActionValue {
  messageId: string;
  touchpointId: string;
}

/** A nudge to an account manager about a missed touchpoint or an open gap. */
export interface Nudge {
  /** The outbox message id (snooze and acknowledge act on it). */
  messageId: string;
  touchpointId: string;
  touchpointKind: TouchpointKind;
  engagementName: string;
  /** One line: "Weekly status report not received". */
  headline: string;
  /** What happened, in plain words. */
  whatHappened: string;
  /** Why it matters: the consequence, the trend, what the playbook does next. */
  whyItMatters: string;
  /** When the touchpoint was due or scheduled (ISO instant), shown in the reader's zone. */
  dueAt?: string;
  health?: { band: HealthBand; score: number; trend?: number };
  /** True when no playbook rule covered the case and it was escalated to this person. */
  escalated?: boolean;
  /** The engagement's report in Cadence (http or https). */
  reportUrl?: string;
}

// Block Kit limits: section text 3000, fallback text is what notifications
// show, button value 2000. User text is clipped well inside them (names are
// clipped before escaping: 150 characters escape to 750 at most).
const MAX_NAME = 150;
const MAX_PARAGRAPH = 1200;
const MAX_VALUE = 2000;

export function encodeNudgeActionValue(value: NudgeActionValue): string {
  const encoded = JSON.stringify({ m: value.messageId, t: value.touchpointId });
  if (encoded.length > MAX_VALUE) throw new RangeError('nudge ids are too long for a Slack button value');
  return encoded;
}

/** Reads a button value back; undefined for anything that is not one of ours. */
export function decodeNudgeActionValue(value: unknown): NudgeActionValue | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const m: unknown = Reflect.get(parsed, 'm');
  const t: unknown = Reflect.get(parsed, 't');
  if (typeof m !== 'string' || typeof t !== 'string' || m === '' || t === '') return undefined;
  return { messageId: m, touchpointId: t };
}

/** The Block Kit DM: what happened, why it matters, and buttons to act. */
export function buildNudgeMessage(nudge: Nudge): SlackMessage {
  const name = clipText(nudge.engagementName, MAX_NAME);
  const headline = clipText(nudge.headline, MAX_NAME);
  const blocks: KnownBlock[] = [
    section('cadence.nudge.summary', mrkdwn`*${name}* · ${headline}`),
    section('cadence.nudge.what', mrkdwn`*What happened*\n${fitMrkdwn(nudge.whatHappened, MAX_PARAGRAPH)}`),
    section('cadence.nudge.why', mrkdwn`*Why it matters*\n${fitMrkdwn(nudge.whyItMatters, MAX_PARAGRAPH)}`),
  ];

  const meta: SafeMrkdwn[] = [];
  if (nudge.dueAt !== undefined) meta.push(mrkdwn`Due ${slackDate(nudge.dueAt)}`);
  if (nudge.health !== undefined) meta.push(mrkdwn`Health ${healthBadge(nudge.health)}`);
  if (nudge.escalated === true) {
    meta.push(mrkdwn`No playbook rule covers this case, so it is escalated to you.`);
  }
  if (meta.length > 0) {
    blocks.push({
      type: 'context',
      block_id: 'cadence.nudge.meta',
      elements: meta.map((m) => ({ type: 'mrkdwn', text: m.text })),
    });
  }

  blocks.push({ type: 'actions', block_id: 'cadence.nudge.actions', elements: nudgeButtons(nudge) });
  return { text: mrkdwn`${name}: ${headline}`.text, blocks };
}

function nudgeButtons(nudge: Nudge): ActionsBlockElement[] {
  const value = encodeNudgeActionValue({ messageId: nudge.messageId, touchpointId: nudge.touchpointId });
  const buttons: Button[] = [];
  // "Mark held" only means something for a meeting; a report is resolved by arriving.
  if (nudge.touchpointKind === 'meeting') {
    buttons.push(button(NUDGE_ACTION_IDS.markHeld, 'Mark meeting held', value, 'primary'));
  }
  buttons.push(button(NUDGE_ACTION_IDS.snooze, 'Snooze until tomorrow', value));
  buttons.push(button(NUDGE_ACTION_IDS.acknowledge, 'Acknowledge', value));
  const url = nudge.reportUrl === undefined ? undefined : buttonUrl(nudge.reportUrl);
  if (url !== undefined) {
    buttons.push({
      type: 'button',
      action_id: NUDGE_ACTION_IDS.openReport,
      text: { type: 'plain_text', text: 'Open report' },
      url,
      value,
    });
  }
  return buttons;
}

function button(actionId: string, label: string, value: string, style?: 'primary'): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label },
    value,
    ...(style === undefined ? {} : { style }),
  };
}

function section(blockId: string, text: SafeMrkdwn): KnownBlock {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: text.text } };
}

/**
 * The same nudge, its buttons now naming outbox message `messageId`: for a
 * copy queued as a new message (a snoozed nudge coming back), whose buttons
 * must act on the copy rather than on the message already in Slack. Blocks
 * are returned as given otherwise (they are stored JSON, already escaped).
 */
export function retargetNudgeBlocks(blocks: readonly unknown[], messageId: string): unknown[] {
  return blocks.map((block) => {
    if (!isBlock(block) || block.type !== 'actions') return block;
    const elements: unknown = Reflect.get(block, 'elements');
    if (!Array.isArray(elements)) return block;
    return {
      ...block,
      elements: (elements as unknown[]).map((element) => {
        if (typeof element !== 'object' || element === null) return element;
        const ids = decodeNudgeActionValue(Reflect.get(element, 'value'));
        if (ids === undefined) return element;
        return { ...element, value: encodeNudgeActionValue({ ...ids, messageId }) };
      }),
    };
  });
}

/** The line that replaces a nudge's buttons once someone acted on it. */
export function nudgeOutcomeText(
  kind: NudgeActionKind,
  outcome: NudgeActionOutcome | SnoozeOutcome,
  slackUserId: string,
): SafeMrkdwn {
  const who = mentionUser(slackUserId);
  const title = clipText(outcome.touchpointTitle, MAX_NAME);
  switch (kind) {
    case 'mark_held':
      return outcome.alreadyDone
        ? mrkdwn`:white_check_mark: *${title}* was already marked held.`
        : mrkdwn`:white_check_mark: ${who} marked *${title}* held.`;
    case 'snooze':
      return 'until' in outcome
        ? mrkdwn`:zzz: ${who} snoozed this until ${slackDate(outcome.until)}.`
        : mrkdwn`:zzz: ${who} snoozed this.`;
    case 'acknowledge':
      return outcome.alreadyDone
        ? mrkdwn`:eyes: This was already acknowledged.`
        : mrkdwn`:eyes: ${who} acknowledged this.`;
  }
}

const OUTCOME_BLOCK_ID = 'cadence.nudge.outcome';

/**
 * The nudge as it should read after someone acted on it: the original blocks
 * (as Slack sent them back in the action payload) without the buttons, plus
 * one line saying what was done. Removing the buttons stops a second click.
 */
export function replaceNudgeActions(originalBlocks: unknown, outcome: SafeMrkdwn): KnownBlock[] {
  const kept: KnownBlock[] = [];
  if (Array.isArray(originalBlocks)) {
    for (const block of originalBlocks as unknown[]) {
      if (!isBlock(block)) continue;
      if (block.type === 'actions' || block.block_id === OUTCOME_BLOCK_ID) continue;
      // Slack's own rendering of blocks we built; sent back unchanged.
      kept.push(block as KnownBlock);
    }
  }
  kept.push({
    type: 'context',
    block_id: OUTCOME_BLOCK_ID,
    elements: [{ type: 'mrkdwn', text: outcome.text }],
  });
  return kept;
}

function isBlock(value: unknown): value is { type: string; block_id?: unknown } {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'type') === 'string';
}
