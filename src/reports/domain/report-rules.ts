import {
  BLOCKER_STATUSES,
  REPORT_COLOURS,
  type BlockerStatus,
  type ReportColour,
  type ReportKpi,
  type StoredBlocker,
} from './report.types';

/** Field path → what is wrong with it, in words (the same shape as the API's error `fields`). */
export type ReportFieldErrors = Record<string, string>;

/** Where the messages about one submitted blocker go (form input names or JSON paths). */
export interface BlockerFields {
  text: string;
  status: string;
  carriedFrom: string;
}

/** One blocker as submitted: a new one, or a decision on an open blocker of the last report. */
export interface BlockerInput {
  fields: BlockerFields;
  text: string | null;
  status: string | null;
  /** Id of an open blocker of the last report that this entry resolves or carries over. */
  carriedFrom: string | null;
}

export interface AskInput {
  field: string;
  text: string;
}

/**
 * A report as submitted through the form or the API, before any rule is
 * applied. Nothing is trimmed or normalised here: text is stored as typed.
 */
export interface ReportInput {
  status: string | null;
  /** KPI key → what was sent: a number (JSON) or the text typed into the form. */
  kpis: Readonly<Record<string, unknown>>;
  /** `typed`: values are form text, so "12,5" and "12.5 %" are read as numbers; `json`: numbers only. */
  kpiValues: 'typed' | 'json';
  highlights: string | null;
  blockers: readonly BlockerInput[];
  asks: readonly AskInput[];
  nextWeekPlan: string | null;
}

/** A blocker after validation, before it gets its id. */
export interface ValidBlocker {
  text: string;
  status: BlockerStatus;
  /** The open blocker of the last report this one carries forward, or null when new. */
  carriedFrom: StoredBlocker | null;
}

export interface ValidReport {
  status: ReportColour;
  kpis: Record<string, number>;
  highlights: string;
  blockers: ValidBlocker[];
  asks: string[];
  nextWeekPlan: string;
}

export interface ReportRules {
  kpis: readonly ReportKpi[];
  /** The open blockers of the last report of the same cadence: each comes back, resolved or carried. */
  previousOpenBlockers: readonly StoredBlocker[];
}

export type ReportValidation = { ok: true; report: ValidReport } | { ok: false; errors: ReportFieldErrors };

/** Limits that keep a report readable and a row bounded; generous for real reports. */
export const REPORT_LIMITS = {
  longText: 5000,
  blockerText: 500,
  askText: 1000,
  blockers: 30,
  asks: 20,
  /** KPI values beyond this are typos, not measurements. */
  kpiMagnitude: 1e12,
} as const;

/** Half of a UTF-16 pair without its other half: not text, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const COLOUR_MESSAGE = 'is required: choose green, amber or red';

/**
 * Applies every rule a status report must satisfy, the same for the form and
 * the API, and answers either the report to store or one message per field.
 *
 * - `status` is one of green, amber, red;
 * - every KPI of the engagement has a finite number, and no other key is sent;
 * - text fields stay within their limits and carry no control characters (a
 *   NUL byte would make PostgreSQL refuse the row);
 * - a blocker either is new (its text is required) or names an open blocker of
 *   the last report (`carriedFrom`) and says whether it is resolved or still
 *   open; an open blocker of the last report that is not mentioned is carried
 *   over as still open, so nothing silently disappears.
 */
export function validateReport(input: ReportInput, rules: ReportRules): ReportValidation {
  const errors: ReportFieldErrors = {};

  const status = (REPORT_COLOURS as readonly string[]).includes(input.status ?? '')
    ? (input.status as ReportColour)
    : null;
  if (status === null) errors.status = COLOUR_MESSAGE;

  const kpis: Record<string, number> = {};
  const known = new Set(rules.kpis.map((k) => k.key));
  for (const kpi of rules.kpis) {
    const read = readKpiValue(
      Object.hasOwn(input.kpis, kpi.key) ? input.kpis[kpi.key] : null,
      kpi,
      input.kpiValues,
    );
    if (typeof read === 'number') kpis[kpi.key] = read;
    else errors[`kpis.${kpi.key}`] = read.error;
  }
  for (const key of Object.keys(input.kpis)) {
    if (!known.has(key)) errors[`kpis.${key}`] = 'is not a KPI of this engagement';
  }

  const highlights = input.highlights ?? '';
  checkText(errors, 'highlights', highlights, REPORT_LIMITS.longText);
  const nextWeekPlan = input.nextWeekPlan ?? '';
  checkText(errors, 'nextWeekPlan', nextWeekPlan, REPORT_LIMITS.longText);

  const blockers = validateBlockers(input.blockers, rules.previousOpenBlockers, errors);

  const asks: string[] = [];
  if (input.asks.length > REPORT_LIMITS.asks) errors.asks = `must list at most ${REPORT_LIMITS.asks} asks`;
  for (const ask of input.asks) {
    if (isBlank(ask.text)) errors[ask.field] = 'must not be empty';
    else if (checkText(errors, ask.field, ask.text, REPORT_LIMITS.askText)) asks.push(ask.text);
  }

  if (Object.keys(errors).length > 0 || status === null) return { ok: false, errors };
  return { ok: true, report: { status, kpis, highlights, blockers, asks, nextWeekPlan } };
}

function validateBlockers(
  inputs: readonly BlockerInput[],
  previousOpen: readonly StoredBlocker[],
  errors: ReportFieldErrors,
): ValidBlocker[] {
  const byId = new Map(previousOpen.map((b) => [b.id, b]));
  const mentioned = new Set<string>();
  const blockers: ValidBlocker[] = [];

  for (const input of inputs) {
    const status = readBlockerStatus(input.status);
    if (input.carriedFrom !== null) {
      const previous = byId.get(input.carriedFrom);
      if (previous === undefined) {
        errors[input.fields.carriedFrom] = 'is not an open blocker of the last report';
        continue;
      }
      if (mentioned.has(previous.id)) {
        errors[input.fields.carriedFrom] = 'names a blocker of the last report twice';
        continue;
      }
      mentioned.add(previous.id);
      if (status === null) errors[input.fields.status] = 'is required: choose resolved or still open';
      // The text may be reworded as the blocker evolves; left out, it keeps last week's wording.
      const text = input.text === null || isBlank(input.text) ? previous.text : input.text;
      const textOk = checkText(errors, input.fields.text, text, REPORT_LIMITS.blockerText);
      if (status !== null && textOk) blockers.push({ text, status, carriedFrom: previous });
      continue;
    }
    if (input.text === null || isBlank(input.text)) {
      errors[input.fields.text] = 'must not be empty';
      continue;
    }
    if (status === null) errors[input.fields.status] = 'must be open or resolved';
    const textOk = checkText(errors, input.fields.text, input.text, REPORT_LIMITS.blockerText);
    if (status !== null && textOk) blockers.push({ text: input.text, status, carriedFrom: null });
  }

  for (const previous of previousOpen) {
    if (!mentioned.has(previous.id)) {
      blockers.push({ text: previous.text, status: 'open', carriedFrom: previous });
    }
  }
  if (blockers.length > REPORT_LIMITS.blockers) {
    errors.blockers = `must list at most ${REPORT_LIMITS.blockers} blockers`;
  }
  return blockers;
}

function readBlockerStatus(value: string | null): BlockerStatus | null {
  return (BLOCKER_STATUSES as readonly string[]).includes(value ?? '') ? (value as BlockerStatus) : null;
}

/**
 * Reads one KPI value. Form text accepts a decimal comma ("12,5") and the
 * KPI's own unit after the number ("12.5 %"); a comma followed by exactly
 * three digits is refused because it may be a thousands separator.
 */
function readKpiValue(
  value: unknown,
  kpi: ReportKpi,
  mode: ReportInput['kpiValues'],
): number | { error: string } {
  const required = { error: `is required: enter a number${kpi.unit ? ` (${kpi.unit})` : ''}` };
  if (value === null || value === undefined) return required;
  if (typeof value === 'number') return checkMagnitude(value);
  if (typeof value !== 'string' || mode === 'json') return { error: 'must be a number' };
  let typed = value.trim();
  if (typed === '') return required;
  const unit = kpi.unit.trim();
  if (unit !== '' && typed.endsWith(unit)) typed = typed.slice(0, -unit.length).trim();
  if (/^[+-]?\d+,\d{3}$/.test(typed)) {
    return { error: 'must be written without thousands separators, e.g. 1234 or 12.5' };
  }
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(typed)) return { error: 'must be a number, e.g. 12.5' };
  return checkMagnitude(Number(typed.replace(',', '.')));
}

function checkMagnitude(value: number): number | { error: string } {
  if (!Number.isFinite(value)) return { error: 'must be a number' };
  if (Math.abs(value) > REPORT_LIMITS.kpiMagnitude) return { error: 'is too large to be a measurement' };
  return value;
}

/** Records an error and answers false when `value` breaks a text rule. */
function checkText(errors: ReportFieldErrors, field: string, value: string, max: number): boolean {
  if (value.length > max) {
    errors[field] = `must be at most ${max} characters (it has ${value.length})`;
    return false;
  }
  // Tab, line feed and carriage return are how people type; other control characters are not.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value) || LONE_SURROGATE.test(value)) {
    errors[field] = 'must not contain control characters or broken Unicode';
    return false;
  }
  return true;
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}
