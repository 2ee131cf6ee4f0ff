/** A response as the fuzz saw it. */
export interface FuzzResponse {
  status: number;
  contentType: string;
  text: string;
}

// What leaks when an error escapes: stack frames, file paths, driver and ORM messages.
const LEAKS: readonly RegExp[] = [
  /\bat [\w$.<>]+ \(.+:\d+:\d+\)/,
  /\bat .+\.(?:js|ts):\d+:\d+/,
  /node_modules/,
  /\/work\/|\/src\/|\/dist\//,
  /QueryFailedError|SQLITE_|TypeORM|duplicate key value|violates .* constraint/i,
  /Maximum call stack size exceeded/,
];

/** What is wrong with a response of a JSON API route; empty when nothing is. */
export function apiResponseProblems(response: FuzzResponse): string[] {
  const problems = commonProblems(response);
  if (response.status < 400) return problems;
  if (!response.contentType.includes('application/json')) {
    problems.push(`a ${response.status} must be JSON, got ${response.contentType || 'no content type'}`);
    return problems;
  }
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    problems.push(`a ${response.status} must be valid JSON`);
    return problems;
  }
  problems.push(...errorShapeProblems(body));
  return problems;
}

/** What is wrong with a response of a page route (the vendor form) or a webhook; empty when nothing is. */
export function pageResponseProblems(response: FuzzResponse): string[] {
  return commonProblems(response);
}

/** `{"error": {"code", "message", "fields"?}}` and nothing else (api.md). */
export function errorShapeProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(body) || Object.keys(body).join() !== 'error' || !isRecord(body.error)) {
    return [`error body must be {"error": {...}}, got ${JSON.stringify(body).slice(0, 200)}`];
  }
  const { code, message, fields, ...rest } = body.error;
  if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(code))
    problems.push(`error.code ${String(code)}`);
  if (typeof message !== 'string' || message.length === 0) problems.push('error.message must be text');
  if (fields !== undefined) {
    if (!isRecord(fields) || Object.values(fields).some((v) => typeof v !== 'string')) {
      problems.push('error.fields must map field paths to messages');
    }
  }
  if (Object.keys(rest).length > 0) problems.push(`unexpected error keys ${Object.keys(rest).join(', ')}`);
  return problems;
}

function commonProblems(response: FuzzResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`status ${response.status}`);
  for (const leak of LEAKS) {
    if (leak.test(response.text)) problems.push(`response leaks internals (${leak.source})`);
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
