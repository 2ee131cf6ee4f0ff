import type { DateTime } from 'luxon';

/**
 * A kind of due work: report requests, follow-up steps, outbox delivery,
 * health snapshots, digests… Each feature registers its jobs with the one
 * `SchedulerService`; the real timer and the manual clock both drive them.
 */
export interface ScheduledJob {
  /** Stable name, used in logs, metrics and the clock summary (`outbox.deliver`). */
  readonly name: string;
  /** Lower runs first within one pass (placement before reminders before delivery). */
  readonly order: number;
  /** The earliest instant strictly after `instant` at which this job has work, if known. */
  nextDueAfter(instant: DateTime): Promise<DateTime | null>;
  /**
   * Does all work due at or before `now` and returns how many items it handled.
   * Must be idempotent and safe with several instances running it at once:
   * claim work in the database, handle each item in isolation.
   */
  run(now: DateTime): Promise<number>;
}

/** Conventional `order` values, so features slot in without knowing each other. */
export const JOB_ORDER = {
  planning: 10,
  detection: 20,
  followUps: 30,
  health: 40,
  digests: 50,
  delivery: 90,
} as const;
