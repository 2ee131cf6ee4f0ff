/** One line of a benchmark's result table. */
export interface BenchFigure {
  figure: string;
  value: string;
  /** Empty when the figure is informational. */
  target: string;
  /** null when there is no target to meet. */
  ok: boolean | null;
}

/** The figures as a plain-text table (figure, value, target, ok), for the console. */
export function formatBenchTable(figures: readonly BenchFigure[]): string {
  const header = ['figure', 'value', 'target', 'ok'];
  const cells = figures.map((f) => [f.figure, f.value, f.target, f.ok === null ? '' : f.ok ? 'yes' : 'NO']);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** True when no figure missed its target. */
export function allTargetsMet(figures: readonly BenchFigure[]): boolean {
  return figures.every((f) => f.ok !== false);
}
