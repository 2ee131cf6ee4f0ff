/** One run of a scheduled job, as the scheduler saw it. */
export interface JobRun {
  job: string;
  /** Wall time of the run (performance.now(), not the Clock: a manual clock does not move while a job runs). */
  seconds: number;
  /** Items the job reported handling; 0 when it failed. */
  items: number;
  failed: boolean;
}

/**
 * What the scheduler tells about each job run. A port rather than a metrics
 * import, so the scheduler stays free of Prometheus and runs without it (unit specs).
 */
export interface JobRunObserver {
  jobRan(run: JobRun): void;
}

export const JOB_RUN_OBSERVER = Symbol('JOB_RUN_OBSERVER');
