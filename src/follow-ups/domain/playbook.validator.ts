import {
  CHANNELS_BY_ROLE,
  DELIVERY_CHANNELS,
  MESSAGE_TEMPLATES,
  RECIPIENT_ROLES,
  SIDE_BY_ROLE,
  TRIGGERS,
  type DeliveryChannel,
  type MessageTemplate,
  type Playbook,
  type PlaybookProblem,
  type PlaybookStep,
  type RecipientRole,
  type Trigger,
  type WorkingDelay,
} from './playbook.types';
import { isImmediate, parseWorkingDelay } from './working-delay';

// One set of rules for a playbook however it arrives: a YAML file under config/playbooks
// (parsed first by playbook-yaml.parser.ts) or an engagement's JSON override from the API.
// Every problem is collected, each with the path of the field at fault
// (`steps.report_late[1].after`), so one run reports all of them.

export type PlaybookValidation =
  { ok: true; playbook: Playbook } | { ok: false; problems: readonly PlaybookProblem[] };

type AddProblem = (path: string, message: string) => void;

const ROOT_KEYS = ['description', 'askUnansweredAfter', 'steps'] as const;
const STEP_KEYS = ['after', 'to', 'via', 'slackChannel', 'template', 'text'] as const;
/** Public (C…) or private (G…) channel ids; a `#name` is not stable and is refused. */
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{6,20}$/;
const MAX_TEXT = 1000;
const MAX_DESCRIPTION = 500;

/**
 * Validates a playbook given as plain data (parsed YAML, or JSON from the API) and returns
 * it typed and frozen, or every problem with its path. A step's `template` defaults to
 * `escalation` for the executive, `reminder` for a repeat to a role already told by an
 * earlier step of the same trigger, and `notice` otherwise.
 */
export function validatePlaybook(name: string, value: unknown): PlaybookValidation {
  const problems: PlaybookProblem[] = [];
  const add: AddProblem = (path, message) => {
    problems.push({ path, message });
  };

  if (!isRecord(value)) {
    add('', 'a playbook must be a mapping with a "steps" key');
    return { ok: false, problems };
  }
  flagUnknownKeys(value, ROOT_KEYS, '', add);

  let description: string | undefined;
  if (value.description !== undefined) {
    if (typeof value.description !== 'string' || value.description.length > MAX_DESCRIPTION) {
      add('description', `must be text of at most ${MAX_DESCRIPTION} characters`);
    } else {
      description = value.description;
    }
  }

  const steps: Partial<Record<Trigger, PlaybookStep[]>> = {};
  if (!isRecord(value.steps)) {
    add('steps', 'must map triggers (report_late, meeting_missed, …) to lists of steps');
  } else if (Object.keys(value.steps).length === 0) {
    add('steps', `must cover at least one trigger (${TRIGGERS.join(', ')})`);
  } else {
    for (const [key, list] of Object.entries(value.steps)) {
      const path = `steps.${key}`;
      if (!isTrigger(key)) {
        add(path, unknownTriggerMessage(key));
        continue;
      }
      const rule = validateSteps(list, key, path, add, problems);
      if (rule) steps[key] = rule;
    }
  }

  let askUnansweredAfter: WorkingDelay | undefined;
  const coversAsks = isRecord(value.steps) && 'ask_unanswered' in value.steps;
  if (value.askUnansweredAfter === undefined) {
    if (coversAsks) {
      add(
        'askUnansweredAfter',
        'required with ask_unanswered: how long an ask may wait, e.g. "3 working days"',
      );
    }
  } else if (!coversAsks) {
    add('askUnansweredAfter', 'has no effect without steps for ask_unanswered');
  } else {
    const parsed = parseWorkingDelay(value.askUnansweredAfter);
    if (!parsed.ok) add('askUnansweredAfter', parsed.message);
    else if (isImmediate(parsed.delay)) add('askUnansweredAfter', 'must be more than 0');
    else if (parsed.delay.side === 'vendor') {
      add('askUnansweredAfter', 'counts in the account manager’s (client) working time, not the vendor’s');
    } else askUnansweredAfter = parsed.delay;
  }

  if (problems.length > 0) return { ok: false, problems };
  const playbook: Playbook = { name, steps };
  if (description !== undefined) playbook.description = description;
  if (askUnansweredAfter !== undefined) playbook.askUnansweredAfter = askUnansweredAfter;
  return { ok: true, playbook: deepFreeze(playbook) };
}

function validateSteps(
  list: unknown,
  trigger: Trigger,
  path: string,
  add: AddProblem,
  problems: readonly PlaybookProblem[],
): PlaybookStep[] | undefined {
  if (!Array.isArray(list)) {
    add(path, 'must be a list of steps');
    return undefined;
  }
  if (list.length === 0) {
    add(path, `must list at least one step (leave ${trigger} out to escalate it to the account manager)`);
    return undefined;
  }
  const out: PlaybookStep[] = [];
  let valid = true;
  const told = new Set<RecipientRole>();
  list.forEach((raw: unknown, index) => {
    const before = problems.length;
    const step = validateStep(raw, `${path}[${index}]`, add, told);
    if (!step || problems.length !== before) {
      valid = false;
      return;
    }
    const twin = out.findIndex((earlier) => sameDelivery(earlier, step));
    if (twin >= 0) {
      add(
        `${path}[${index}]`,
        `repeats step ${twin} (same delay, recipient and channel): the recipient would be nudged twice at once`,
      );
      valid = false;
    }
    told.add(step.to);
    out.push(step);
  });
  return valid ? out : undefined;
}

function validateStep(
  raw: unknown,
  path: string,
  add: AddProblem,
  told: ReadonlySet<RecipientRole>,
): PlaybookStep | undefined {
  if (!isRecord(raw)) {
    add(path, 'a step must be a mapping with after, to and via');
    return undefined;
  }
  flagUnknownKeys(raw, STEP_KEYS, path, add);

  let to: RecipientRole | undefined;
  if (raw.to === undefined) add(`${path}.to`, `required: one of ${RECIPIENT_ROLES.join(', ')}`);
  else if (!isOneOf(RECIPIENT_ROLES, raw.to)) {
    add(
      `${path}.to`,
      `unknown role ${JSON.stringify(raw.to)} (expected one of ${RECIPIENT_ROLES.join(', ')})`,
    );
  } else to = raw.to;

  let after: WorkingDelay | undefined;
  if (raw.after === undefined) add(`${path}.after`, 'required: 0, "2 working hours", "1 working day", …');
  else {
    const parsed = parseWorkingDelay(raw.after);
    if (!parsed.ok) add(`${path}.after`, parsed.message);
    else if (to !== undefined && parsed.delay.side !== undefined && parsed.delay.side !== SIDE_BY_ROLE[to]) {
      add(
        `${path}.after`,
        `counts ${parsed.delay.side} working time, but the step goes to ${to}, whose delays run on ${SIDE_BY_ROLE[to]} working time`,
      );
    } else after = parsed.delay;
  }

  let via: DeliveryChannel | undefined;
  if (raw.via === undefined) add(`${path}.via`, `required: one of ${DELIVERY_CHANNELS.join(', ')}`);
  else if (!isOneOf(DELIVERY_CHANNELS, raw.via)) {
    add(
      `${path}.via`,
      `unknown channel ${JSON.stringify(raw.via)} (expected one of ${DELIVERY_CHANNELS.join(', ')})`,
    );
  } else if (to !== undefined && !CHANNELS_BY_ROLE[to].includes(raw.via)) {
    add(`${path}.via`, channelMismatch(to, raw.via));
  } else via = raw.via;

  let slackChannel: string | undefined;
  if (to === 'slack_channel') {
    if (typeof raw.slackChannel !== 'string' || !SLACK_CHANNEL_ID.test(raw.slackChannel)) {
      add(
        `${path}.slackChannel`,
        raw.slackChannel === undefined
          ? 'required with to: slack_channel: the channel id, such as C0123456789'
          : 'must be a Slack channel id such as C0123456789 (a #name can change; the id cannot)',
      );
    } else slackChannel = raw.slackChannel;
  } else if (raw.slackChannel !== undefined) {
    add(`${path}.slackChannel`, 'only for to: slack_channel');
  }

  let template: MessageTemplate | undefined;
  if (raw.template !== undefined) {
    if (!isOneOf(MESSAGE_TEMPLATES, raw.template)) {
      add(
        `${path}.template`,
        `unknown template ${JSON.stringify(raw.template)} (expected one of ${MESSAGE_TEMPLATES.join(', ')})`,
      );
    } else template = raw.template;
  }

  let text: string | undefined;
  if (raw.text !== undefined) {
    if (typeof raw.text !== 'string' || raw.text.trim() === '' || raw.text.length > MAX_TEXT) {
      add(`${path}.text`, `must be non-empty text of at most ${MAX_TEXT} characters`);
    } else text = raw.text.trim();
  }

  // Callers also compare problem counts: an unknown key or a bad template fails the step too.
  if (to === undefined || after === undefined || via === undefined) return undefined;
  const step: PlaybookStep = {
    after,
    to,
    via,
    template: template ?? defaultTemplate(to, told),
  };
  if (slackChannel !== undefined) step.slackChannel = slackChannel;
  if (text !== undefined) step.text = text;
  return step;
}

function defaultTemplate(to: RecipientRole, told: ReadonlySet<RecipientRole>): MessageTemplate {
  if (to === 'executive') return 'escalation';
  return told.has(to) ? 'reminder' : 'notice';
}

function channelMismatch(to: RecipientRole, via: DeliveryChannel): string {
  const allowed = CHANNELS_BY_ROLE[to].join(' or ');
  if (to === 'vendor_contact') {
    return `${via} cannot reach a vendor_contact: vendors are not in our Slack; use email`;
  }
  return `${via} cannot reach ${to}; use ${allowed}`;
}

function sameDelivery(a: PlaybookStep, b: PlaybookStep): boolean {
  return (
    a.after.days === b.after.days &&
    a.after.hours === b.after.hours &&
    a.to === b.to &&
    a.via === b.via &&
    a.slackChannel === b.slackChannel
  );
}

function unknownTriggerMessage(key: string): string {
  const normalised = key
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');
  const hint = isTrigger(normalised) ? ` (did you mean ${normalised}?)` : '';
  return `unknown trigger ${JSON.stringify(key)}${hint}; expected one of ${TRIGGERS.join(', ')}`;
}

/** Field errors as the API reports them: path → message (several messages on one path joined). */
export function playbookFieldErrors(problems: readonly PlaybookProblem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { path, message } of problems) {
    const key = path === '' ? 'playbook' : path;
    fields[key] = fields[key] === undefined ? message : `${fields[key]}; ${message}`;
  }
  return fields;
}

function flagUnknownKeys(
  record: Record<string, unknown>,
  known: readonly string[],
  path: string,
  add: AddProblem,
): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      add(path === '' ? key : `${path}.${key}`, `unknown key (expected one of ${known.join(', ')})`);
    }
  }
}

function isTrigger(value: string): value is Trigger {
  return (TRIGGERS as readonly string[]).includes(value);
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
