import type { HomeView, KnownBlock, SectionBlock } from '@slack/types';
import { byNeedForAttention, healthBadge } from './health.format';
import type { AccountManagerHome, EngagementHealthSummary } from './slack-domain.port';
import { type SafeMrkdwn, buttonUrl, clipText, fitMrkdwn, mrkdwn } from './slack-text';

export const HOME_ACTION_IDS = {
  openEngagement: 'cadence.home.open_engagement',
} as const;

// A Home tab holds at most 100 blocks; four are taken by the header, the
// summary, the divider and a possible "and N more" line.
const MAX_LISTED = 96;
const MAX_NAME = 150;
const MAX_FLAG = 500;

/** The App Home tab: the account manager's engagements, least healthy first. */
export function buildHomeView(home: AccountManagerHome): HomeView {
  const engagements = [...home.engagements].sort(byNeedForAttention);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Your engagements' } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: summaryLine(engagements.length, home.overdueCount).text }],
    },
    { type: 'divider' },
  ];

  if (engagements.length === 0) {
    blocks.push(
      textSection(mrkdwn`No engagements yet. When you are the account manager of one, it shows up here.`),
    );
  }
  for (const engagement of engagements.slice(0, MAX_LISTED)) {
    blocks.push(engagementSection(engagement));
  }
  if (engagements.length > MAX_LISTED) {
    const more = engagements.length - MAX_LISTED;
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: mrkdwn`…and ${more} more, all healthier than those above.`.text }],
    });
  }
  return { type: 'home', blocks };
}

/** The Home tab when it cannot be built: says so instead of staying stale or blank. */
export function buildHomeErrorView(message: SafeMrkdwn): HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Your engagements' } },
      textSection(mrkdwn`:warning: ${message}`),
    ],
  };
}

function summaryLine(count: number, overdue: number): SafeMrkdwn {
  const engagements = count === 1 ? '1 engagement' : `${count} engagements`;
  const late =
    overdue === 0
      ? 'nothing overdue'
      : overdue === 1
        ? '1 touchpoint overdue'
        : `${overdue} touchpoints overdue`;
  return mrkdwn`${engagements} · ${late} · \`/cadence status <name>\` for details`;
}

function engagementSection(engagement: EngagementHealthSummary): SectionBlock {
  const name = clipText(engagement.name, MAX_NAME);
  const vendor = clipText(engagement.vendorName, MAX_NAME);
  const flag =
    engagement.topFlag === undefined ? mrkdwn`` : mrkdwn`\n_${fitMrkdwn(engagement.topFlag, MAX_FLAG)}_`;
  const block: SectionBlock = textSection(mrkdwn`*${name}* · ${vendor}\n${healthBadge(engagement)}${flag}`);
  const url = engagement.url === undefined ? undefined : buttonUrl(engagement.url);
  if (url !== undefined) {
    block.accessory = {
      type: 'button',
      action_id: HOME_ACTION_IDS.openEngagement,
      text: { type: 'plain_text', text: 'Open' },
      url,
      value: clipText(engagement.engagementId, 2000),
    };
  }
  return block;
}

function textSection(text: SafeMrkdwn): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: text.text } };
}
