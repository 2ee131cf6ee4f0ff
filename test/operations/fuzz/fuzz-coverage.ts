/** What the fuzz did to one route, for the log: never skip a route silently. */
export interface RouteCoverage {
  route: string;
  runs: number;
  /** Count of responses by status code. */
  statuses: Map<number, number>;
  /** Time spent on the route, requests and checks together. */
  ms: number;
  /** Why a route was not fuzzed, when it was not. */
  skipped?: string;
}

export function newCoverage(route: string): RouteCoverage {
  return { route, runs: 0, statuses: new Map(), ms: 0 };
}

export function record(coverage: RouteCoverage, status: number): void {
  coverage.runs += 1;
  coverage.statuses.set(status, (coverage.statuses.get(status) ?? 0) + 1);
}

/** One line per route: how many requests, and the statuses they got. */
export function coverageTable(rows: readonly RouteCoverage[], runsPerRoute: number, seconds: number): string {
  const width = Math.max(...rows.map((r) => r.route.length));
  const lines = rows.map((row) => {
    if (row.skipped !== undefined) return `  ${row.route.padEnd(width)}  SKIPPED: ${row.skipped}`;
    const statuses = [...row.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    const seconds = (row.ms / 1000).toFixed(1).padStart(5);
    return `  ${row.route.padEnd(width)}  ${String(row.runs).padStart(5)} requests ${seconds} s  ${statuses}`;
  });
  const fuzzed = rows.filter((r) => r.skipped === undefined);
  const total = fuzzed.reduce((sum, r) => sum + r.runs, 0);
  return [
    `Hostile-input fuzz: ${fuzzed.length} routes fuzzed, ${rows.length - fuzzed.length} skipped, ` +
      `${total} requests (FUZZ_RUNS=${runsPerRoute}) in ${seconds.toFixed(1)} s`,
    ...lines,
  ].join('\n');
}
