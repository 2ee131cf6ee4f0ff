import { byNeedForAttention, healthBadge } from './health.format';
import type {
  EngagementHealthSummary,
  EngagementStatus,
  EngagementStatusResult,
  OverdueTouchpoint,
  TouchpointKind,
} from './slack-domain.port';
import {
  type SafeMrkdwn,
  clipText,
  fitMrkdwn,
  joinMrkdwn,
  mrkdwn,
  slackDate,
  unescapeSlackText,
} from './slack-text';

/** What `/cadence <text>` asks for. */
export type CadenceCommand =
  | { kind: 'status'; query: string }
  | { kind: 'overdue' }
  | { kind: 'health' }
  | { kind: 'help'; unknown?: string; missingEngagement?: boolean };

/** The body of a slash-command answer: only the person who typed it sees it. */
export interface SlackCommandResponse {
  response_type: 'ephemeral';
  text: string;
}

const MAX_LINES = 30;
const MAX_NAME = 150;
const MAX_LINE = 500;

/** Reads the text after `/cadence`. Slack sends it with `&`, `<`, `>` escaped. */
export function parseCadenceCommand(text: string): CadenceCommand {
  const trimmed = unescapeSlackText(text).trim();
  const word = trimmed.split(/\s+/, 1)[0] ?? '';
  const rest = trimmed.slice(word.length).trim();
  switch (word.toLowerCase()) {
    case 'status':
      return rest === '' ? { kind: 'help', missingEngagement: true } : { kind: 'status', query: rest };
    case 'overdue':
      return { kind: 'overdue' };
    case 'health':
      return { kind: 'health' };
    case '':
    case 'help':
      return { kind: 'help' };
    default:
      return { kind: 'help', unknown: word };
  }
}

export function formatHelpResponse(
  command: Extract<CadenceCommand, { kind: 'help' }> = { kind: 'help' },
): SlackCommandResponse {
  const lines: SafeMrkdwn[] = [];
  if (command.missingEngagement === true) {
    lines.push(mrkdwn`Which engagement? Add part of its name, e.g. \`/cadence status acme\`.`);
  } else if (command.unknown !== undefined) {
    lines.push(mrkdwn`I don't know “${clipText(command.unknown, 50)}”.`);
  }
  lines.push(
    mrkdwn`*Cadence* — what you can ask:`,
    mrkdwn`• \`/cadence status <engagement>\` — health, what is overdue and what is next for one engagement`,
    mrkdwn`• \`/cadence overdue\` — late and missed touchpoints across your engagements`,
    mrkdwn`• \`/cadence health\` — all your engagements, least healthy first`,
  );
  return respond(lines);
}

export function formatStatusResponse(result: EngagementStatusResult, query: string): SlackCommandResponse {
  const q = clipText(query, 100);
  switch (result.kind) {
    case 'not_found':
      return respond([mrkdwn`No engagement of yours matches “${q}”. \`/cadence health\` lists them all.`]);
    case 'ambiguous': {
      const names = result.candidates.slice(0, 10).map((c) => mrkdwn`“${clipText(c, MAX_NAME)}”`);
      return respond([mrkdwn`“${q}” matches ${joinMrkdwn(names, ', ')}. Which one? Add more of its name.`]);
    }
    case 'found':
      return respond(statusLines(result.status));
  }
}

function statusLines(status: EngagementStatus): SafeMrkdwn[] {
  const e = status.engagement;
  const lines: SafeMrkdwn[] = [
    mrkdwn`*${clipText(e.name, MAX_NAME)}* · ${clipText(e.vendorName, MAX_NAME)}`,
    mrkdwn`Health ${healthBadge(e)}`,
  ];
  for (const flag of status.flags.slice(0, 5)) {
    const icon = flag.severity === 'info' ? ':information_source:' : ':warning:';
    lines.push(mrkdwn`${icon} ${fitMrkdwn(flag.message, MAX_LINE)}`);
  }
  if (status.overdue.length > 0) {
    lines.push(mrkdwn`*Overdue*`);
    for (const t of status.overdue.slice(0, 10)) lines.push(overdueLine(t, false));
  }
  if (status.upcoming.length > 0) {
    lines.push(mrkdwn`*Next*`);
    for (const u of status.upcoming.slice(0, 5)) {
      lines.push(mrkdwn`• ${clipText(u.title, MAX_NAME)} (${kindLabel(u.kind)}) — ${slackDate(u.at)}`);
    }
  }
  if (status.lastReport !== undefined) {
    const r = status.lastReport;
    const late = r.late ? ' (late)' : '';
    lines.push(
      mrkdwn`*Last report* ${REPORT_STATUS[r.status]} ${r.status}, submitted ${slackDate(r.submittedAt)}${late}`,
    );
  }
  if (status.highlights.length > 0) {
    lines.push(mrkdwn`*Highlights*`);
    for (const h of status.highlights.slice(0, 5)) lines.push(mrkdwn`• ${fitMrkdwn(h, MAX_LINE)}`);
  }
  return lines;
}

export function formatOverdueResponse(items: readonly OverdueTouchpoint[]): SlackCommandResponse {
  if (items.length === 0) return respond([mrkdwn`:tada: Nothing overdue across your engagements.`]);
  const sorted = [...items].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const lines = [
    mrkdwn`*${items.length} overdue*`,
    ...sorted.slice(0, MAX_LINES).map((t) => overdueLine(t, true)),
  ];
  if (sorted.length > MAX_LINES) lines.push(mrkdwn`…and ${sorted.length - MAX_LINES} more.`);
  return respond(lines);
}

export function formatHealthResponse(items: readonly EngagementHealthSummary[]): SlackCommandResponse {
  if (items.length === 0) return respond([mrkdwn`You are not the account manager of any engagement yet.`]);
  const sorted = [...items].sort(byNeedForAttention);
  const lines = sorted
    .slice(0, MAX_LINES)
    .map(
      (e) =>
        mrkdwn`• *${clipText(e.name, MAX_NAME)}* · ${clipText(e.vendorName, MAX_NAME)} — ${healthBadge(e)}`,
    );
  if (sorted.length > MAX_LINES) lines.push(mrkdwn`…and ${sorted.length - MAX_LINES} more.`);
  return respond(lines);
}

/** Shown when the answer takes longer than Slack waits; the real one follows through response_url. */
export function formatWorkingOnItResponse(): SlackCommandResponse {
  return respond([mrkdwn`:hourglass_flowing_sand: Looking that up…`]);
}

/** An error, in words the person can act on (never a stack trace). */
export function formatErrorResponse(message: SafeMrkdwn): SlackCommandResponse {
  return respond([mrkdwn`:warning: ${message}`]);
}

function overdueLine(t: OverdueTouchpoint, withEngagement: boolean): SafeMrkdwn {
  const where = withEngagement ? mrkdwn`*${clipText(t.engagementName, MAX_NAME)}* · ` : mrkdwn``;
  const verb = t.kind === 'meeting' ? 'was due' : 'due';
  return mrkdwn`• ${where}${clipText(t.title, MAX_NAME)} (${kindLabel(t.kind)}) ${verb} ${slackDate(t.dueAt)} — _${t.status}_`;
}

function kindLabel(kind: TouchpointKind): string {
  return kind === 'meeting' ? 'meeting' : 'status report';
}

const REPORT_STATUS: Readonly<Record<'green' | 'amber' | 'red', string>> = {
  green: ':large_green_circle:',
  amber: ':large_yellow_circle:',
  red: ':red_circle:',
};

function respond(lines: readonly SafeMrkdwn[]): SlackCommandResponse {
  return { response_type: 'ephemeral', text: joinMrkdwn(lines, '\n').text };
}
