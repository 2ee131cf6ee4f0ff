import type { DateTime } from 'luxon';
import type { HealthBand } from '../../health/domain/health-band';
import type { Nudge } from '../../notifications/slack/nudge.blocks';
import type { TouchpointKind } from '../../notifications/slack/slack-domain.port';
import type { DeliveryChannel, MessageTemplate, RecipientRole, Trigger } from './playbook.types';

// The words of a nudge, as plain data: a title, what happened, why it matters and what to
// do. The lead renders them to email, or passes `nudge` straight to buildNudgeMessage
// (src/notifications/slack/nudge.blocks.ts) with the outbox message id added. Text is
// plain, never markup: names and ask texts are people's own words, and every renderer
// escapes them for its medium.
//
// Vendor contacts are told what happened and what would help, never who is told next:
// a reminder reads as a reminder, not as a threat. Client-side readers are told what the
// playbook does next so they can get ahead of it.

/** What the follow-up is about, as the reader should see it. */
export interface FollowUpSubject {
  engagementName: string;
  vendorName: string;
  touchpointId: string;
  touchpointKind: TouchpointKind;
  /** The cadence's title: "Weekly status", "Weekly sync". */
  touchpointTitle: string;
  /** When the report was due or the meeting scheduled. */
  dueAt?: DateTime;
  /** For a vendor contact their report form link; for the client side the engagement's page. */
  reportUrl?: string;
  /** For health_band_worsened: the new band, and the one it left. */
  health?: { band: HealthBand; score: number; trend?: number; previousBand?: HealthBand };
  /** For ask_unanswered: the ask as the vendor wrote it, and when. */
  ask?: { text: string; askedAt: DateTime };
  /** For two_misses_in_a_row: misses in the run (2 when not given). */
  missesInARow?: number;
}

/**
 * Everything needed to word one planned step for its reader. The step's own fields carry
 * the same names, so `{ ...plannedStep, subject, readerTimeZone }` is a valid input.
 */
export interface FollowUpMessageInput {
  trigger: Trigger;
  /** The role the playbook step addressed (a backup reads the same words, plus who they stand in for). */
  role: RecipientRole;
  channel: DeliveryChannel;
  template: MessageTemplate;
  /** The playbook's own text: replaces the suggested next action. */
  text?: string;
  uncovered?: boolean;
  /** The role the step was meant for when nobody holds it and the account manager receives it. */
  reroutedFrom?: RecipientRole;
  /** The name of the person the reader stands in for as their backup. */
  standingInFor?: string;
  subject: FollowUpSubject;
  /** Dates in the text are written in the reader's zone. */
  readerTimeZone: string;
  /** The playbook's next step after this one, for client-side readers. */
  next?: { role: RecipientRole; dueAt: DateTime };
}

/** The `Nudge` of nudge.blocks.ts without `messageId`, which only the outbox knows. */
export type FollowUpNudge = Omit<Nudge, 'messageId'>;

/** A nudge's content, for any medium. */
export interface FollowUpMessage {
  title: string;
  whatHappened: string;
  whyItMatters: string;
  whatToDo: string;
  /** The same content shaped for the Slack nudge; what to do follows why it matters. */
  nudge: FollowUpNudge;
}

type Audience = 'vendor' | 'manager' | 'executive';

interface Wording {
  subject: FollowUpSubject;
  audience: Audience;
  /** "with the buttons below" on Slack, "in Cadence" by email. */
  act: string;
  when: (at: DateTime | undefined) => string;
}

interface TriggerWording {
  /** Names the case for an uncovered trigger's title: "A late report". */
  label: string;
  title(w: Wording): string;
  happened(w: Wording): string;
  why(w: Wording): string;
  todo(w: Wording): string;
}

const ROLE_NAMES: Record<RecipientRole, string> = {
  vendor_contact: 'the vendor contact',
  account_manager: 'the account manager',
  executive: 'the executive',
  slack_channel: 'the team channel',
};

const BAND_NAMES: Record<HealthBand, string> = {
  healthy: 'healthy',
  watch: 'watch',
  at_risk: 'at risk',
  strained: 'strained',
};

const MAX_QUOTE = 200;

const WORDING: Record<Trigger, TriggerWording> = {
  report_late: {
    label: 'A late status report',
    title: ({ subject, audience }) =>
      audience === 'vendor'
        ? `${subject.touchpointTitle} not received yet`
        : `${subject.touchpointTitle} from ${subject.vendorName} is late`,
    happened: ({ subject, audience, when }) =>
      audience === 'vendor'
        ? `Your ${subject.touchpointTitle} for ${subject.engagementName} was due ${when(subject.dueAt)} and has not arrived yet.`
        : `The ${subject.touchpointTitle} from ${subject.vendorName} was due ${when(subject.dueAt)} and has not arrived.`,
    why: ({ audience }) =>
      audience === 'vendor'
        ? 'The report is how the client sees your team’s work, the good news included; a late one also counts against the engagement’s health.'
        : 'Reports that slip are the first sign of a regimen drifting, and each late one lowers the engagement’s health.',
    todo: ({ subject, audience }) => {
      if (audience === 'vendor') {
        const link =
          subject.reportUrl === undefined ? 'your personal link' : `your personal link: ${subject.reportUrl}`;
        return `Please send the report through ${link}. A late report is still welcome.`;
      }
      return audience === 'executive'
        ? 'Ask the account manager where this stands and whether they need your help.'
        : 'Check in with the vendor contact, or acknowledge if you already know why it is late.';
    },
  },
  report_missed: {
    label: 'A missed status report',
    title: ({ subject }) => `${subject.touchpointTitle} missed`,
    happened: ({ subject, audience, when }) =>
      audience === 'vendor'
        ? `Your ${subject.touchpointTitle} due ${when(subject.dueAt)} was not sent, and the next one is now due.`
        : `The ${subject.touchpointTitle} from ${subject.vendorName} due ${when(subject.dueAt)} never arrived, and the next one is now due.`,
    why: ({ audience }) =>
      audience === 'vendor'
        ? 'Without it the client has no view of last week, and a missed report weighs on the engagement’s health.'
        : 'A whole period without a report leaves the client blind, and misses like this are how relationships sour unnoticed.',
    todo: ({ subject, audience }) => {
      if (audience === 'vendor') {
        const link = subject.reportUrl === undefined ? '' : ` (${subject.reportUrl})`;
        return `Please send the current report${link} and mention in it what happened to the last one.`;
      }
      return audience === 'executive'
        ? 'Make sure the account manager has spoken to the vendor and agreed how reports get back on track.'
        : 'Talk to the vendor contact about what happened and agree how to catch up.';
    },
  },
  meeting_missed: {
    label: 'A missed meeting',
    title: ({ subject }) => `${subject.touchpointTitle} not marked held`,
    happened: ({ subject, when }) =>
      `The ${subject.touchpointTitle} of ${subject.engagementName} scheduled ${when(subject.dueAt)} was not marked held.`,
    why: ({ audience }) =>
      audience === 'vendor'
        ? 'The regular meeting is where questions get answered early; the account manager will want to find a new time.'
        : 'If it took place, marking it held keeps the record straight; if it did not, the regular meeting is the backbone of the relationship and a missed one counts against health.',
    todo: ({ audience, act }) => {
      if (audience === 'vendor') return 'Please reply with times that work for you this week.';
      return audience === 'executive'
        ? 'Check with the account manager that the meeting took place or has a new date.'
        : `Mark the meeting held ${act} if it took place, or agree a new time with the vendor.`;
    },
  },
  two_misses_in_a_row: {
    label: 'Two misses in a row',
    title: ({ subject }) => `${subject.touchpointTitle} missed ${subject.missesInARow ?? 2} times in a row`,
    happened: ({ subject, when }) =>
      `${subject.touchpointTitle} of ${subject.engagementName} was missed ${subject.missesInARow ?? 2} times in a row, most recently ${when(subject.dueAt)}.`,
    why: ({ audience }) =>
      audience === 'vendor'
        ? 'When a routine keeps slipping, it usually means the day, time or format does not fit; better to change it than to let it lapse.'
        : 'Repeated misses mean the communication regimen is breaking down; relationships sour this way long before anyone complains.',
    todo: ({ audience }) => {
      if (audience === 'vendor') {
        return 'Please get back on track with the next one, or tell the account manager what would make the routine workable.';
      }
      return audience === 'executive'
        ? 'Ask the account manager what is getting in the way and whether the cadence should change.'
        : 'Talk to the vendor contact about the cadence: is the day, time or format wrong? Change it rather than let it lapse.';
    },
  },
  red_status: {
    label: 'A red status report',
    title: ({ subject }) => `${subject.vendorName} reported red`,
    happened: ({ subject, audience, when }) =>
      audience === 'vendor'
        ? `Your ${subject.touchpointTitle} of ${when(subject.dueAt)} reported overall status red.`
        : `${subject.vendorName} reported overall status red in the ${subject.touchpointTitle} of ${when(subject.dueAt)}.`,
    why: ({ audience }) =>
      audience === 'vendor'
        ? 'Flagging trouble early is exactly what the report is for; the account manager has been told.'
        : 'Red means the vendor sees a serious problem; a quick answer is what makes reporting bad news worth it.',
    todo: ({ audience }) => {
      if (audience === 'vendor') {
        return 'If not already there, add the blockers and what you need from the client to the report so it can be acted on.';
      }
      return audience === 'executive'
        ? 'Ask the account manager what is being done and whether the client side is part of the problem.'
        : 'Read the report’s blockers and asks, and reply to the vendor contact today.';
    },
  },
  ask_unanswered: {
    label: 'An unanswered ask',
    title: ({ subject }) => `An ask from ${subject.vendorName} is waiting`,
    happened: ({ subject, audience, when }) => {
      const quoted = subject.ask === undefined ? 'An ask' : `The ask “${clip(subject.ask.text, MAX_QUOTE)}”`;
      const since = when(subject.ask?.askedAt ?? subject.dueAt);
      return audience === 'vendor'
        ? `${quoted} from your report of ${since} has not been answered yet.`
        : `${quoted} from ${subject.vendorName}, made ${since}, has not been answered.`;
    },
    why: ({ audience }) =>
      audience === 'vendor'
        ? 'It is with the account manager; you need not send it again.'
        : 'An unanswered ask stalls the vendor’s work and tells them their input is not heard.',
    todo: ({ audience }) => {
      if (audience === 'vendor')
        return 'If it has become urgent, say so in your next report or reply to this email.';
      return audience === 'executive'
        ? 'Check that the account manager has an answer on its way, and help unblock it if it needs you.'
        : 'Answer the ask, or tell the vendor when they will get an answer.';
    },
  },
  health_band_worsened: {
    label: 'A worsening health band',
    title: ({ subject }) =>
      subject.health === undefined
        ? `Health of ${subject.engagementName} worsened`
        : `Health of ${subject.engagementName} is now ${BAND_NAMES[subject.health.band]}`,
    happened: ({ subject }) => {
      const health = subject.health;
      if (health === undefined) return `The health band of ${subject.engagementName} got worse.`;
      const from = health.previousBand === undefined ? '' : ` from ${BAND_NAMES[health.previousBand]}`;
      const trend =
        health.trend === undefined || health.trend === 0
          ? ''
          : `, ${health.trend > 0 ? '+' : ''}${health.trend} on last week`;
      return `The health of ${subject.engagementName} moved${from} to ${BAND_NAMES[health.band]} (score ${health.score}${trend}).`;
    },
    why: () => 'A slide is far easier to reverse early, weeks before the relationship is strained.',
    todo: ({ audience }) => {
      if (audience === 'vendor')
        return 'Nothing is needed from you right now; the account manager may get in touch.';
      return audience === 'executive'
        ? 'Ask the account manager which signals moved and what they plan to do.'
        : 'Open the health view to see which signals moved, and talk to the vendor about the biggest one.';
    },
  },
};

/**
 * The content of one follow-up message. A `reminder` or `escalation` template prefixes the
 * title; the playbook's `text` replaces the suggested action; an uncovered trigger says
 * that no playbook rule covers it and asks the reader to decide and extend the playbook.
 */
export function buildFollowUpMessage(input: FollowUpMessageInput): FollowUpMessage {
  const { subject } = input;
  const audience = audienceOf(input.role, input.reroutedFrom);
  const wording = WORDING[input.trigger];
  const w: Wording = {
    subject,
    audience,
    act: input.channel === 'email' ? 'in Cadence' : 'with the button below',
    when: (at) => (at === undefined ? 'recently' : formatInstant(at, input.readerTimeZone)),
  };

  let title = wording.title(w);
  if (input.uncovered === true) title = `No playbook rule: ${lowerFirst(wording.label)}`;
  else if (input.template === 'reminder') title = `Reminder: ${title}`;
  else if (input.template === 'escalation') title = `Escalated: ${title}`;

  const context: string[] = [];
  if (input.standingInFor !== undefined)
    context.push(`You receive this as the backup of ${input.standingInFor}, who is away.`);
  if (input.reroutedFrom !== undefined) {
    context.push(
      `It was meant for ${ROLE_NAMES[input.reroutedFrom]}, but the engagement has none, so it comes to you.`,
    );
  }
  const whatHappened = [wording.happened(w), ...context].join(' ');

  const why = [wording.why(w)];
  if (audience !== 'vendor' && input.next !== undefined && input.uncovered !== true) {
    why.push(
      `If nothing changes, Cadence tells ${ROLE_NAMES[input.next.role]} ${formatInstant(input.next.dueAt, input.readerTimeZone)}.`,
    );
  }
  const whyItMatters = why.join(' ');

  const whatToDo =
    input.uncovered === true
      ? 'No playbook rule covers this; please decide what should happen, and extend the playbook so the next case is handled.'
      : (input.text ?? wording.todo(w));

  const nudge: FollowUpNudge = {
    touchpointId: subject.touchpointId,
    touchpointKind: subject.touchpointKind,
    engagementName: subject.engagementName,
    headline: title,
    whatHappened,
    whyItMatters: `${whyItMatters} ${whatToDo}`,
  };
  if (subject.dueAt !== undefined) nudge.dueAt = subject.dueAt.toUTC().toISO();
  if (subject.health !== undefined) {
    const { band, score, trend } = subject.health;
    nudge.health = trend === undefined ? { band, score } : { band, score, trend };
  }
  if (input.uncovered === true) nudge.escalated = true;
  if (subject.reportUrl !== undefined) nudge.reportUrl = subject.reportUrl;
  return { title, whatHappened, whyItMatters, whatToDo, nudge };
}

function audienceOf(role: RecipientRole, reroutedFrom: RecipientRole | undefined): Audience {
  // A step rerouted to the account manager is read by the account manager.
  if (reroutedFrom !== undefined) return 'manager';
  switch (role) {
    case 'vendor_contact':
      return 'vendor';
    case 'executive':
      return 'executive';
    case 'account_manager':
    case 'slack_channel':
      return 'manager';
  }
}

/** "Thu 8 Apr 17:00 GMT+8": the reader's own clock, with the zone so nobody has to guess. */
function formatInstant(at: DateTime, zone: string): string {
  return at.setZone(zone).setLocale('en-GB').toFormat('ccc d LLL HH:mm ZZZZ');
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
