import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { parsePlaybookYaml } from './domain/playbook-yaml.parser';
import type { Playbook, PlaybookCatalogue } from './domain/playbook.types';

// The only file of the follow-ups feature that touches the file system. Call it once at
// start-up; everything after that works on the returned catalogue.

/** The name every engagement starts with; start-up fails without it. */
export const DEFAULT_PLAYBOOK = 'default';

/** Playbook names as engagements spell them (the engagement DTO accepts the same pattern). */
const PLAYBOOK_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Playbook files that failed to load; the message names each file, line and field at fault. */
export class PlaybookLoadError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid playbooks:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PlaybookLoadError';
  }
}

/**
 * Reads and validates every `*.yaml` (or `*.yml`) under `dir` (config/playbooks) into a
 * catalogue keyed by file name without the extension. Throws a PlaybookLoadError listing
 * every problem of every file, as `<file>:<line>: <path>: <what is wrong>` with paths such
 * as `steps.report_late[1].after` (step indexes count from 0); file paths are relative to `cwd`.
 */
export function loadPlaybooks(dir: string, cwd: string = process.cwd()): PlaybookCatalogue {
  const problems: string[] = [];
  const display = (path: string): string => relative(cwd, path) || path;
  let names: string[] = [];
  try {
    names = readdirSync(dir)
      .filter((file) => ['.yaml', '.yml'].includes(extname(file)))
      .sort();
  } catch (error) {
    throw new PlaybookLoadError([`${display(dir)}: ${describe(error)}`]);
  }

  const catalogue = new Map<string, Playbook>();
  const seen = new Map<string, string>();
  for (const file of names) {
    const path = display(join(dir, file));
    const name = file.slice(0, -extname(file).length);
    if (!PLAYBOOK_NAME.test(name)) {
      problems.push(
        `${path}: a playbook file name must be lower-case letters, digits, "-" or "_" (it is the name engagements use)`,
      );
      continue;
    }
    const twin = seen.get(name);
    if (twin !== undefined) {
      problems.push(`${path}: the playbook "${name}" is also defined by ${twin}`);
      continue;
    }
    seen.set(name, path);
    let source: string;
    try {
      source = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      problems.push(`${path}: ${describe(error)}`);
      continue;
    }
    const result = parsePlaybookYaml(name, source);
    if (result.ok) {
      catalogue.set(name, result.playbook);
      continue;
    }
    for (const problem of result.problems) {
      const where = problem.line === undefined ? path : `${path}:${problem.line}`;
      problems.push(
        problem.path === ''
          ? `${where}: ${problem.message}`
          : `${where}: ${problem.path}: ${problem.message}`,
      );
    }
  }
  if (!seen.has(DEFAULT_PLAYBOOK)) {
    problems.push(
      `${display(join(dir, `${DEFAULT_PLAYBOOK}.yaml`))}: missing (engagements use the "${DEFAULT_PLAYBOOK}" playbook unless told otherwise)`,
    );
  }
  if (problems.length > 0) throw new PlaybookLoadError(problems);
  return catalogue;
}

function describe(error: unknown): string {
  // Not `instanceof Error`: fs errors may come from another realm (jest's sandbox).
  const message: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : undefined;
  return typeof message === 'string' ? message : String(error);
}
