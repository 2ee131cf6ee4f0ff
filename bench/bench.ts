/**
 * `npm run bench`: every benchmark, one table. Each benchmark runs in a child process of its
 * own (its peak RSS is its own, and one benchmark's garbage and JIT state do not flatter the
 * next) and hands back its figures; every ratio in the table compares two things measured in
 * the same run, because absolute numbers on a shared machine are noise.
 *
 *   npm run bench                      everything (about 10 minutes on 2 cores)
 *   npm run bench -- --quick           shorter runs and smaller tables: a smoke test, not figures to quote
 *   npm run bench -- --only api,sweep  some benchmarks only
 *   npm run bench -- --readme          also write the table into README.md ("Benchmarks")
 *
 * The other engineers' benchmarks (digest, planner, health, warning) are found through their
 * `bench:<name>` npm scripts, compiled here one by one (a half-finished one cannot stop the
 * rest) and called through their exported `run…Bench()` function. One that does not exist
 * yet, does not compile or exports no function is shown as "not available", never faked.
 * The digest benchmark predates that convention and prints its table when loaded: its printed
 * figures are read instead, and the table says so.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runApiBench } from './api.bench';
import { formatMarkdown, formatTable, unavailable, type Figure, type Section } from './support/figures';
import { runOutboxBench } from './outbox.bench';
import { runSweepBench } from './sweep.bench';

// Compiled to dist/bench/bench/bench.js: three levels below the repository.
const ROOT = resolve(__dirname, '..', '..', '..');
const RESULT_MARK = 'BENCH_RESULT ';
/**
 * The other engineers' benchmarks: where each lives and what it exports. A `run…Bench()`
 * function answers figure rows; the early-warning simulator exports `measureEarlyWarning()`,
 * whose targets are turned into rows here; the digest benchmark exports nothing and prints
 * its table when loaded, so that table is read. Heavy ones are skipped by --quick.
 */
const EXTERNAL: Record<string, { entry: string; heavy: boolean }> = {
  digest: { entry: 'bench/digest.bench.ts', heavy: false },
  planner: { entry: 'bench/planner.bench.ts', heavy: true },
  health: { entry: 'bench/health.bench.ts', heavy: true },
  // bench/warning.bench.ts runs the whole library as soon as it is loaded; this is what it calls.
  warning: { entry: 'bench/simulation/warning-benchmark.ts', heavy: true },
};
const OWN = {
  api: runApiBench,
  sweep: runSweepBench,
  outbox: runOutboxBench,
} as const;
type OwnName = keyof typeof OWN;
const ORDER: readonly string[] = [...Object.keys(EXTERNAL), ...Object.keys(OWN)];

interface ChildAnswer {
  figures: Figure[];
  notes: string[];
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const section = valueOf(args, '--section');
  if (section !== undefined) return runOwnInChild(section as OwnName, quick);
  const external = valueOf(args, '--external');
  if (external !== undefined) return runExternalInChild(external);

  const only = valueOf(args, '--only')?.split(',');
  const names = ORDER.filter((name) => only === undefined || only.includes(name));
  const started = performance.now();
  const sections: Section[] = [];
  for (const name of names) {
    const begun = performance.now();
    log(`bench: ${name}…`);
    const answer = isOwn(name) ? await runChild(['--section', name], quick) : await external_(name, quick);
    const seconds = (performance.now() - begun) / 1000;
    log(`bench: ${name} done in ${seconds.toFixed(0)} s`);
    sections.push({ bench: name, figures: answer.figures, notes: answer.notes, seconds });
  }
  const totalSeconds = (performance.now() - started) / 1000;
  const heading =
    `npm run bench${quick ? ' -- --quick (smoke test: smaller tables, shorter runs)' : ''}: ` +
    `Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z, ${totalSeconds.toFixed(0)} s in all ` +
    `(${sections.map((s) => `${s.bench} ${s.seconds.toFixed(0)} s`).join(', ')})`;
  const notes = sections.flatMap((s) => s.notes.map((n) => `- ${s.bench}: ${n}`));
  console.log(`\n${heading}\n\n${formatTable(sections)}${notes.length ? `\n\n${notes.join('\n')}` : ''}`);
  if (args.includes('--readme')) writeReadme(heading, formatMarkdown(sections), notes);
  if (sections.some((s) => s.figures.some((f) => f.ok === false))) process.exitCode = 1;
}

function isOwn(name: string): name is OwnName {
  return Object.hasOwn(OWN, name);
}

function valueOf(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index < 0 ? undefined : args[index + 1];
}

/** Child side, own benchmarks: run one and print its figures as the last line. */
async function runOwnInChild(name: OwnName, quick: boolean): Promise<void> {
  const figures = await OWN[name]({ quick, log });
  console.log(`${RESULT_MARK}${JSON.stringify({ figures, notes: [] } satisfies ChildAnswer)}`);
}

/**
 * Child side, another engineer's benchmark: load it, call its exported `run…Bench()`.
 * Whatever it prints goes to stderr (progress), and is kept: a benchmark that exports no
 * function but prints a figure/value/target/ok table when loaded is read from that table.
 */
async function runExternalInChild(module: string): Promise<void> {
  const printed: string[] = [];
  const original = console.log;
  console.log = (...parts: unknown[]) => {
    const line = parts.map(String).join(' ');
    printed.push(...line.split('\n'));
    process.stderr.write(`${line}\n`);
  };
  let answer: ChildAnswer;
  try {
    const loaded = (await import(module)) as Record<string, unknown>;
    const exported = Object.entries(loaded).find(
      ([key, value]) => /^run\w*Bench$/.test(key) && typeof value === 'function',
    );
    if (exported !== undefined) {
      const run = exported[1] as () => Promise<unknown>;
      answer = { figures: asFigures(await run()), notes: [] };
    } else if (typeof loaded.measureEarlyWarning === 'function') {
      const measure = loaded.measureEarlyWarning as (options: object) => Promise<unknown>;
      answer = fromWarningBenchmark(
        await measure({ onScenario: (name: string) => log(`warning: ${name}…`) }),
      );
    } else {
      const figures = parsePrintedTable(printed);
      answer =
        figures.length > 0
          ? { figures, notes: ['exports no run…Bench() function; figures read from the table it printed'] }
          : { figures: [unavailable('figures', 'exports no run…Bench() function')], notes: [] };
    }
  } finally {
    console.log = original;
  }
  console.log(`${RESULT_MARK}${JSON.stringify(answer)}`);
}

function asFigures(value: unknown): Figure[] {
  const ok = (f: unknown): f is Figure =>
    typeof f === 'object' &&
    f !== null &&
    typeof (f as Figure).figure === 'string' &&
    typeof (f as Figure).value === 'string' &&
    typeof (f as Figure).target === 'string' &&
    ((f as Figure).ok === null || typeof (f as Figure).ok === 'boolean');
  if (!Array.isArray(value) || !value.every(ok)) throw new Error('run…Bench() did not return figure rows');
  return value.map((f) => ({ figure: f.figure, value: f.value, target: f.target, ok: f.ok }));
}

/** The early-warning simulator's result: its targets as rows, its problems as notes. */
function fromWarningBenchmark(result: unknown): ChildAnswer {
  const r = result as {
    figures?: { targets?: { name: string; value: number; target: string; ok: boolean; detail: string }[] };
    timings?: { scenario: string; quarterMs: number }[];
    problems?: string[];
  };
  const targets = r.figures?.targets;
  if (!Array.isArray(targets)) throw new Error('measureEarlyWarning() did not answer figures.targets');
  const figures: Figure[] = targets.map((t) => ({
    figure: t.name,
    // As bench:warning prints them: counts for a target of 0, shares otherwise.
    value: `${t.target === '0' ? String(t.value) : `${(t.value * 100).toFixed(1)} %`} (${t.detail})`,
    target: t.target,
    ok: t.ok,
  }));
  const quarters = (r.timings ?? []).map((t) => t.quarterMs / 1000);
  if (quarters.length > 0) {
    figures.push({
      figure: `simulated quarter (13 weeks), slowest of ${quarters.length} scenarios`,
      value: `${Math.max(...quarters).toFixed(1)} s`,
      target: '',
      ok: null,
    });
  }
  return { figures, notes: (r.problems ?? []).map((p) => `problem seen: ${p}`) };
}

/** Reads a "figure  value  target  ok" table: the columns start where the header's words do. */
function parsePrintedTable(lines: readonly string[]): Figure[] {
  const head = lines.findIndex((l) => /^figure\s+value\s+target\s+ok\s*$/.test(l));
  if (head < 0) return [];
  const header = lines[head];
  const starts = ['value', 'target', 'ok'].map((word) => header.search(new RegExp(`\\b${word}\\b`)));
  const cell = (line: string, from: number, to?: number): string => line.slice(from, to).trim();
  return lines
    .slice(head + 2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const mark = cell(line, starts[2]);
      return {
        figure: cell(line, 0, starts[0]),
        value: cell(line, starts[0], starts[1]),
        target: cell(line, starts[1], starts[2]),
        ok: mark === '' ? null : mark === 'yes' || mark === 'ok',
      };
    });
}

/** Parent side: runs this script again with `args` and reads the figures it prints last. */
function runChild(args: readonly string[], quick: boolean): Promise<ChildAnswer> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [__filename, ...args, ...(quick ? ['--quick'] : [])], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TZ: 'UTC' },
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      // Lines other than the result are the benchmark's own output: pass them on as progress.
      for (const line of chunk.split('\n')) if (line && !line.startsWith(RESULT_MARK)) log(line);
    });
    child.on('close', (code) => {
      const last = out
        .split('\n')
        .reverse()
        .find((l) => l.startsWith(RESULT_MARK));
      if (last === undefined) {
        done({
          figures: [unavailable('figures', `the benchmark failed (exit code ${code}), see its output above`)],
          notes: [],
        });
        return;
      }
      done(JSON.parse(last.slice(RESULT_MARK.length)) as ChildAnswer);
    });
  });
}

/** Finds, compiles and runs another engineer's benchmark; "not available" at the first thing missing. */
async function external_(name: string, quick: boolean): Promise<ChildAnswer> {
  const { entry, heavy } = EXTERNAL[name];
  if (!existsSync(join(ROOT, entry))) {
    return { figures: [unavailable('figures', `${entry} is not written yet`)], notes: [] };
  }
  if (quick && heavy) return { figures: [unavailable('figures', 'skipped by --quick')], notes: [] };
  const outDir = join(ROOT, 'dist', 'bench-all', name);
  // Never run what an earlier compile left behind.
  rmSync(outDir, { recursive: true, force: true });
  const complaint = await compile(entry, outDir);
  const js = join(outDir, entry.replace(/\.ts$/, '.js'));
  if (complaint !== null && !existsSync(js)) {
    return {
      figures: [unavailable('figures', `${entry} does not compile yet`)],
      notes: [`tsc: ${complaint.split('\n').slice(0, 3).join(' | ')}`],
    };
  }
  const answer = await runChild(['--external', js], quick);
  // tsc emits despite type errors; work in progress elsewhere in src/ should not hide the figures.
  if (complaint !== null) answer.notes.push(`compiled with type errors: ${complaint.split('\n')[0]}`);
  return answer;
}

/** Compiles one entry file (and what it imports) with tsc; null when it compiled, else tsc's complaint. */
function compile(entry: string, outDir: string): Promise<string | null> {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  const args = [
    tsc,
    '--ignoreConfig',
    ...['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023', '--lib', 'es2023'],
    ...[
      '--strict',
      '--skipLibCheck',
      '--esModuleInterop',
      '--experimentalDecorators',
      '--emitDecoratorMetadata',
    ],
    ...['--types', 'node', '--rootDir', '.', '--outDir', relative(ROOT, outDir)],
    entry,
    'src/types/luxon.d.ts',
  ];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => done(code === 0 ? null : out.trim() || `tsc exited with ${code}`));
  });
}

const README_BEGIN = '<!-- bench:table:begin (written by npm run bench -- --readme) -->';
const README_END = '<!-- bench:table:end -->';

/** Replaces the table between the markers in README.md's Benchmarks section, nothing else. */
function writeReadme(heading: string, table: string, notes: readonly string[]): void {
  const file = join(ROOT, 'README.md');
  const text = readFileSync(file, 'utf8');
  const begin = text.indexOf(README_BEGIN);
  const end = text.indexOf(README_END);
  if (begin < 0 || end < begin) {
    log('bench: README.md has no benchmark table markers; not written');
    return;
  }
  const body = [
    README_BEGIN,
    '',
    `Latest run: ${heading.replace(/^npm run bench/, '`npm run bench`')}`,
    '',
    table,
  ];
  if (notes.length) body.push('', ...notes);
  writeFileSync(file, `${text.slice(0, begin)}${body.join('\n')}\n\n${text.slice(end)}`);
  // The table is aligned the way `npm run check` expects, so a fresh table never fails CI.
  const prettier = spawnSync(join(ROOT, 'node_modules', '.bin', 'prettier'), ['--write', file], {
    cwd: ROOT,
  });
  if (prettier.status !== 0) log(`bench: prettier could not format README.md: ${String(prettier.stderr)}`);
  log('bench: README.md updated');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
