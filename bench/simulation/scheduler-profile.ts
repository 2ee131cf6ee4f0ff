/** Time the scheduler spent per job, read from Cadence's own /metrics at the end of a run. */
export interface JobTime {
  job: string;
  seconds: number;
  runs: number;
  /** Items the job handled (messages sent, touchpoints placed…). */
  items: number;
}

const SUM = /^cadence_scheduler_job_duration_seconds_(sum|count)\{([^}]*)\} ([0-9.eE+-]+)$/;
const ITEMS = /^cadence_scheduler_job_items_total\{([^}]*)\} ([0-9.eE+-]+)$/;

/**
 * Reads `cadence_scheduler_job_duration_seconds` (sum and count per job, all
 * outcomes) from the Prometheus text of GET /metrics, slowest job first. What
 * POST /clock spends beyond their total goes to asking every job when it is
 * next due, once per instant the clock stops at.
 */
export function schedulerJobTimes(metricsText: string): JobTime[] {
  const byJob = new Map<string, JobTime>();
  const entryOf = (labels: string): JobTime => {
    const job = /job="([^"]*)"/.exec(labels)?.[1] ?? '?';
    const entry = byJob.get(job) ?? { job, seconds: 0, runs: 0, items: 0 };
    byJob.set(job, entry);
    return entry;
  };
  for (const line of metricsText.split('\n')) {
    const sum = SUM.exec(line.trim());
    if (sum !== null) {
      const entry = entryOf(sum[2]);
      if (sum[1] === 'sum') entry.seconds += Number(sum[3]);
      else entry.runs += Number(sum[3]);
    }
    const items = ITEMS.exec(line.trim());
    if (items !== null) entryOf(items[1]).items += Number(items[2]);
  }
  return [...byJob.values()].sort((a, b) => b.seconds - a.seconds);
}
