import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Playbook, PlaybookProblem } from './playbook.types';
import { validatePlaybook } from './playbook.validator';

// YAML text to a validated playbook, without touching the disk. YAML is parsed with
// duplicate keys allowed and checked here instead, because a JSON-shaped value cannot
// show them (the last copy silently wins) and a duplicated trigger is a mistake worth
// naming with both line numbers.

/** A problem of a playbook file, with the line it sits on when the YAML tells us. */
export interface LocatedPlaybookProblem extends PlaybookProblem {
  line?: number;
}

export type PlaybookYamlResult =
  { ok: true; playbook: Playbook } | { ok: false; problems: readonly LocatedPlaybookProblem[] };

/** Parses and validates one playbook file's text; `name` is the file name without `.yaml`. */
export function parsePlaybookYaml(name: string, source: string): PlaybookYamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { uniqueKeys: false, lineCounter, prettyErrors: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;

  const syntax: LocatedPlaybookProblem[] = doc.errors.map((error) => ({
    path: '',
    message: `YAML: ${error.message.split('\n')[0]}`,
    line: lineAt(error.pos[0]),
  }));
  if (syntax.length > 0) return { ok: false, problems: syntax };

  const duplicates: LocatedPlaybookProblem[] = [];
  findDuplicateKeys(doc.contents, '', lineAt, duplicates);
  const validation = validatePlaybook(name, doc.toJS() as unknown);
  if (validation.ok && duplicates.length === 0) return validation;
  const located = validation.ok
    ? []
    : validation.problems.map((problem) => ({ ...problem, line: lineOf(doc, problem.path, lineAt) }));
  return { ok: false, problems: [...duplicates, ...located] };
}

function findDuplicateKeys(
  node: unknown,
  path: string,
  lineAt: (offset: number) => number,
  out: LocatedPlaybookProblem[],
): void {
  if (isSeq(node)) {
    node.items.forEach((item, index) => findDuplicateKeys(item, `${path}[${index}]`, lineAt, out));
    return;
  }
  if (!isMap(node)) return;
  const firstLine = new Map<string, number | undefined>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = isNode(pair.key) && pair.key.range ? lineAt(pair.key.range[0]) : undefined;
    const childPath = path === '' ? key : `${path}.${key}`;
    const first = firstLine.get(key);
    if (firstLine.has(key)) {
      const what = path === 'steps' ? `trigger ${key}` : `key ${JSON.stringify(key)}`;
      out.push({
        path: childPath,
        message: `duplicate ${what}${first === undefined ? '' : ` (first at line ${first})`}; merge the two`,
        ...(line === undefined ? {} : { line }),
      });
    } else {
      firstLine.set(key, line);
    }
    findDuplicateKeys(pair.value, childPath, lineAt, out);
  }
}

/** The line of the deepest node the path reaches (a missing key points at its parent). */
function lineOf(doc: Document, path: string, lineAt: (offset: number) => number): number | undefined {
  const segments = pathSegments(path);
  for (let length = segments.length; length >= 0; length--) {
    const node: unknown = length === 0 ? doc.contents : doc.getIn(segments.slice(0, length), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return undefined;
}

/** `steps.report_late[1].after` → ['steps', 'report_late', 1, 'after']. */
function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] === undefined ? match[1] : Number(match[2]));
  }
  return segments;
}
