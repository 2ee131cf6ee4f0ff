/** One YAML file as read from disk: its path (for messages) and its parsed content. */
export interface SourceFile {
  path: string;
  content: unknown;
}

/** Calendar data that failed validation; the message names every file and entry at fault. */
export class CalendarDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid calendar data:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'CalendarDataError';
  }
}

/** Collects problems so that one run reports all of them, not just the first. */
export class ProblemLog {
  readonly problems: string[] = [];

  add(where: string, message: string): void {
    this.problems.push(`${where}: ${message}`);
  }
}

/** A plain YAML mapping. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flags keys a schema does not know, so a typo such as `soruce:` cannot pass silently. */
export function checkKnownKeys(
  record: Record<string, unknown>,
  known: readonly string[],
  where: string,
  log: ProblemLog,
): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) log.add(where, `unknown key "${key}" (expected one of: ${known.join(', ')})`);
  }
}

/** A required, non-empty string, or undefined after logging the problem. */
export function requiredText(
  record: Record<string, unknown>,
  key: string,
  where: string,
  log: ProblemLog,
): string | undefined {
  const value = record[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  log.add(where, `"${key}" must be a non-empty string`);
  return undefined;
}
