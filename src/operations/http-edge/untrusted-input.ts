/**
 * Checks every request body, query and path parameter must pass whatever the
 * route: they guard the parsers, validators and databases behind the routes,
 * not the meaning of any field. Pure functions, iterative so that a hostile
 * body cannot overflow the stack while being measured.
 */

/** No body the API accepts nests deeper than a handful of levels; 32 leaves room for any DTO. */
export const MAX_JSON_DEPTH = 32;

// A NUL, or a UTF-16 surrogate without its partner. Neither is text: PostgreSQL
// refuses NUL in text columns, and a lone surrogate cannot be stored as UTF-8.
const NOT_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type InputProblem = { kind: 'too_deep' } | { kind: 'not_text'; field: string };

/** The first problem found in a parsed body (or query, or params); null when there is none. */
export function inspectInput(value: unknown, maxDepth = MAX_JSON_DEPTH): InputProblem | null {
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop() as { node: unknown; path: string; depth: number };
    if (typeof node === 'string') {
      if (NOT_TEXT.test(node)) return { kind: 'not_text', field: path || 'body' };
      continue;
    }
    if (typeof node !== 'object' || node === null || Buffer.isBuffer(node)) continue;
    if (depth >= maxDepth) return { kind: 'too_deep' };
    const entries: [string, unknown][] = Array.isArray(node)
      ? node.map((child, index) => [String(index), child])
      : Object.entries(node);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (NOT_TEXT.test(key)) return { kind: 'not_text', field: childPath };
      stack.push({ node: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}
