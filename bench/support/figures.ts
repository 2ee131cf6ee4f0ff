/**
 * One line of a benchmark's results. The same shape the other benchmarks return
 * (figure, value, target, ok), so `npm run bench` can put every figure in one table.
 */
export interface Figure {
  figure: string;
  value: string;
  /** Empty when the figure is informational. */
  target: string;
  /** null when there is no target to meet. */
  ok: boolean | null;
}

/** A benchmark's figures as `npm run bench` prints them, under the benchmark's name. */
export interface Section {
  bench: string;
  figures: Figure[];
  /** How long the benchmark took, wall clock. */
  seconds: number;
  /** Why the figures are missing or partial ("not available: …"), shown under the table. */
  notes: string[];
}

export const info = (figure: string, value: string): Figure => ({ figure, value, target: '', ok: null });

export const target = (figure: string, value: string, wanted: string, ok: boolean): Figure => ({
  figure,
  value,
  target: wanted,
  ok,
});

/** A figure that could not be measured: shown, never counted as met. */
export const unavailable = (figure: string, why: string): Figure => ({
  figure,
  value: `not available (${why})`,
  target: '',
  ok: null,
});

export const thousands = (n: number): string => Math.round(n).toLocaleString('en-US');
export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const ratio = (value: number): string => value.toFixed(2);

/** How a met and a missed target are marked in the ok column. */
export interface OkLabels {
  met: string;
  missed: string;
}

/** The marks of `npm run bench`'s table. */
export const OK_FAIL: OkLabels = { met: 'ok', missed: 'FAIL' };
/** The marks a benchmark run on its own prints (`npm run bench:digest`, …); bench.ts reads both. */
export const YES_NO: OkLabels = { met: 'yes', missed: 'NO' };

const mark = (f: Figure, labels: OkLabels): string =>
  f.ok === null ? '' : f.ok ? labels.met : labels.missed;

/** True when no figure missed its target. */
export function allTargetsMet(figures: readonly Figure[]): boolean {
  return figures.every((f) => f.ok !== false);
}

/** The sections as one plain-text table: bench, figure, value, target, ok/FAIL. */
export function formatTable(sections: readonly Section[]): string {
  const rows: string[][] = [];
  for (const section of sections) {
    section.figures.forEach((f, i) =>
      rows.push([i === 0 ? section.bench : '', f.figure, f.value, f.target, mark(f, OK_FAIL)]),
    );
  }
  return aligned(['bench', 'figure', 'value', 'target', 'ok'], rows);
}

/**
 * One benchmark's figures as a plain-text table (figure, value, target, ok), as a benchmark
 * run on its own prints them; `npm run bench` can read this table back (parsePrintedTable).
 */
export function formatFigures(figures: readonly Figure[], labels: OkLabels = YES_NO): string {
  return aligned(
    ['figure', 'value', 'target', 'ok'],
    figures.map((f) => [f.figure, f.value, f.target, mark(f, labels)]),
  );
}

/** Header, a line of dashes and the rows, each column as wide as its widest cell. */
function aligned(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, for the README. */
export function formatMarkdown(sections: readonly Section[]): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const lines = ['| bench | figure | value | target | ok |', '| --- | --- | --- | --- | --- |'];
  for (const section of sections) {
    section.figures.forEach((f, i) =>
      lines.push(
        `| ${[i === 0 ? section.bench : '', f.figure, f.value, f.target, mark(f, OK_FAIL)]
          .map(escape)
          .join(' | ')} |`,
      ),
    );
  }
  return lines.join('\n');
}
