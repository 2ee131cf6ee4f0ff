import type { Side } from '../../calendars/domain/calendar.types';
import type { WorkingDelay } from './playbook.types';

// The `after:` of a playbook step. Accepted forms:
//   0 | "0" | "immediately"                 → at once (inside the recipient's hours)
//   "2 working hours", "1.5 working hours"  → working hours, fractions allowed
//   "1 working day", "3 working days"       → whole working days
//   "2 vendor working hours", "1 client working day" → the same, naming the side
//   "1 working day and 4 working hours"     → days first, then hours
//   {workingHours: 2} | {workingDays: 1, workingHours: 4, side: client}
// "working" is required: "2 hours" could mean wall-clock hours, and a follow-up must
// never land at 3 a.m. because someone forgot which was meant.

/** The longest delay a step may have; a nudge weeks after the fact helps nobody. */
export const MAX_DELAY_DAYS = 30;
export const MAX_DELAY_HOURS = 240;

/** Shown in every delay error so the fix is one read away. */
export const DELAY_SYNTAX_HINT =
  'write 0, "2 working hours", "1 working day", "2 vendor working hours", "1 client working day" or {workingHours: 2}';

export type DelayParseResult = { ok: true; delay: WorkingDelay } | { ok: false; message: string };

const TERM = /^(\d+(?:\.\d+)?)\s+(?:(vendor|client)\s+)?working\s+(hours?|days?)$/;
const OBJECT_KEYS = ['workingHours', 'workingDays', 'side'] as const;

/** Parses a step's `after:` (a YAML/JSON value) into a working delay, or says what is wrong. */
export function parseWorkingDelay(value: unknown): DelayParseResult {
  if (value === 0) return { ok: true, delay: { days: 0, hours: 0 } };
  if (typeof value === 'number') {
    return { ok: false, message: `${value} has no unit; ${DELAY_SYNTAX_HINT}` };
  }
  if (typeof value === 'string') return parseDelayText(value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return parseDelayObject(value as Record<string, unknown>);
  }
  return { ok: false, message: `must be a delay; ${DELAY_SYNTAX_HINT}` };
}

function parseDelayText(raw: string): DelayParseResult {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '0' || text === 'immediately') return { ok: true, delay: { days: 0, hours: 0 } };
  const fail = (why: string): DelayParseResult => ({
    ok: false,
    message: `${JSON.stringify(raw)} ${why}; ${DELAY_SYNTAX_HINT}`,
  });
  const terms = text.split(/\s*(?:,|\band\b)\s*/).filter((term) => term !== '');
  if (terms.length === 0) return fail('is not a delay');
  let days: number | undefined;
  let hours: number | undefined;
  let side: Side | undefined;
  for (const term of terms) {
    const match = TERM.exec(term);
    if (!match) return fail('is not a delay');
    const amount = Number(match[1]);
    const termSide = match[2] as Side | undefined;
    if (termSide !== undefined) {
      if (side !== undefined && side !== termSide) return fail('names both sides');
      side = termSide;
    }
    if (match[3].startsWith('day')) {
      if (days !== undefined) return fail('gives working days twice');
      days = amount;
    } else {
      if (hours !== undefined) return fail('gives working hours twice');
      hours = amount;
    }
  }
  return checked({ days: days ?? 0, hours: hours ?? 0, side }, JSON.stringify(raw));
}

function parseDelayObject(record: Record<string, unknown>): DelayParseResult {
  const unknown = Object.keys(record).filter((key) => !(OBJECT_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `unknown key ${JSON.stringify(unknown[0])} (expected workingHours, workingDays, side)`,
    };
  }
  const { workingHours, workingDays, side } = record;
  if (workingHours === undefined && workingDays === undefined) {
    return { ok: false, message: `needs workingHours or workingDays; ${DELAY_SYNTAX_HINT}` };
  }
  for (const [key, amount] of [
    ['workingHours', workingHours],
    ['workingDays', workingDays],
  ] as const) {
    if (amount !== undefined && (typeof amount !== 'number' || !Number.isFinite(amount))) {
      return { ok: false, message: `${key} must be a number` };
    }
  }
  if (side !== undefined && side !== 'vendor' && side !== 'client') {
    return { ok: false, message: 'side must be vendor or client' };
  }
  return checked(
    {
      days: (workingDays as number | undefined) ?? 0,
      hours: (workingHours as number | undefined) ?? 0,
      side,
    },
    'the delay',
  );
}

function checked(
  { days, hours, side }: { days: number; hours: number; side: Side | undefined },
  what: string,
): DelayParseResult {
  if (days < 0 || hours < 0) return { ok: false, message: `${what} must not be negative` };
  if (!Number.isInteger(days)) {
    return {
      ok: false,
      message: `${what} must count whole working days (use working hours for parts of a day)`,
    };
  }
  if (days > MAX_DELAY_DAYS) return { ok: false, message: `${what} is over ${MAX_DELAY_DAYS} working days` };
  if (hours > MAX_DELAY_HOURS)
    return { ok: false, message: `${what} is over ${MAX_DELAY_HOURS} working hours` };
  return { ok: true, delay: side === undefined ? { days, hours } : { days, hours, side } };
}

/** True for a delay of no working time ("immediately"). */
export function isImmediate(delay: WorkingDelay): boolean {
  return delay.days === 0 && delay.hours === 0;
}

/** A delay in the playbook's own words: "immediately", "1 client working day and 4 client working hours". */
export function formatWorkingDelay(delay: WorkingDelay): string {
  if (isImmediate(delay)) return 'immediately';
  const working = delay.side === undefined ? 'working' : `${delay.side} working`;
  const parts: string[] = [];
  if (delay.days > 0) parts.push(`${delay.days} ${working} ${delay.days === 1 ? 'day' : 'days'}`);
  if (delay.hours > 0) parts.push(`${delay.hours} ${working} ${delay.hours === 1 ? 'hour' : 'hours'}`);
  return parts.join(' and ');
}
