import type { BlockerInput, ReportInput } from './report-rules';

/** An `application/x-www-form-urlencoded` body as parsed: a repeated name gives a list. */
export type FormBody = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What the form asked for, so that only those fields are read. */
export interface FormShape {
  kpiKeys: readonly string[];
  /** Ids of the last report's open blockers, each shown with resolved / still open. */
  previousOpenBlockerIds: readonly string[];
}

/** Form field names. They double as the keys of validation errors, so an error lands next to its input. */
export const FORM_FIELDS = {
  status: 'status',
  kpi: (key: string): string => `kpis.${key}`,
  highlights: 'highlights',
  carried: (blockerId: string): string => `carried.${blockerId}`,
  newBlocker: (index: number): string => `newBlockers.${index}`,
  ask: (index: number): string => `asks.${index}`,
  nextWeekPlan: 'nextWeekPlan',
  csrf: 'csrf',
} as const;

/** Numbered inputs beyond this are ignored: the form never renders that many. */
const MAX_SLOTS = 50;

/** The first value of a field, as typed (browsers send one per name unless a name repeats). */
export function formValue(body: FormBody, name: string): string | null {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  if (value === undefined) return null;
  return typeof value === 'string' ? value : (value[0] ?? null);
}

/** Values of `prefix.0`, `prefix.1`, … in index order, blank ones included. */
export function numberedValues(body: FormBody, prefix: string): { index: number; value: string }[] {
  const found: { index: number; value: string }[] = [];
  for (const name of Object.keys(body)) {
    const match = /^(.+)\.(\d{1,2})$/.exec(name);
    if (match === null || match[1] !== prefix) continue;
    const index = Number(match[2]);
    const value = formValue(body, name);
    if (index < MAX_SLOTS && value !== null) found.push({ index, value });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Reads the vendor form into the input the report rules take. Blank "new
 * blocker" and "ask" rows are the form's spare rows, not entries; everything
 * else is passed on exactly as typed.
 */
export function reportInputFromForm(body: FormBody, shape: FormShape): ReportInput {
  const kpis: Record<string, unknown> = {};
  for (const key of shape.kpiKeys) kpis[key] = formValue(body, FORM_FIELDS.kpi(key));

  const carried: BlockerInput[] = shape.previousOpenBlockerIds.map((id) => {
    const field = FORM_FIELDS.carried(id);
    return {
      fields: { text: field, status: field, carriedFrom: field },
      text: null,
      status: formValue(body, field),
      carriedFrom: id,
    };
  });
  const added: BlockerInput[] = numberedValues(body, 'newBlockers')
    .filter((row) => row.value.trim() !== '')
    .map((row) => {
      const field = FORM_FIELDS.newBlocker(row.index);
      return {
        fields: { text: field, status: field, carriedFrom: field },
        text: row.value,
        status: 'open',
        carriedFrom: null,
      };
    });
  const asks = numberedValues(body, 'asks')
    .filter((row) => row.value.trim() !== '')
    .map((row) => ({ field: FORM_FIELDS.ask(row.index), text: row.value }));

  return {
    status: formValue(body, FORM_FIELDS.status),
    kpis,
    kpiValues: 'typed',
    highlights: formValue(body, FORM_FIELDS.highlights),
    blockers: [...carried, ...added],
    asks,
    nextWeekPlan: formValue(body, FORM_FIELDS.nextWeekPlan),
  };
}
