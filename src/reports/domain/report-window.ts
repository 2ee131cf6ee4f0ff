import type { DateTime } from 'luxon';
import type { CadenceFrequency } from '../../cadences/domain/cadence.types';

/** How often a report cadence recurs. */
export type ReportFrequency = CadenceFrequency;

/** True when a report that arrives at `submittedAt` is late: after its due time plus the grace. */
export function isLate(submittedAt: DateTime, dueAt: DateTime, graceMinutes: number): boolean {
  return submittedAt.toMillis() > dueAt.plus({ minutes: graceMinutes }).toMillis();
}

/**
 * Until when a report may be sent or changed: until the next report of the
 * same cadence is due. When that one is not planned yet, one period after this
 * due time, counted in the vendor's calendar (a week is seven local days, not
 * 168 hours, across a DST change).
 */
export function editableUntil(input: {
  dueAt: DateTime;
  nextDueAt: DateTime | null;
  frequency: ReportFrequency;
  zone: string;
}): DateTime {
  if (input.nextDueAt !== null) return input.nextDueAt.toUTC();
  const local = input.dueAt.setZone(input.zone);
  const next =
    input.frequency === 'weekly'
      ? local.plus({ weeks: 1 })
      : input.frequency === 'biweekly'
        ? local.plus({ weeks: 2 })
        : local.plus({ months: 1 });
  return next.toUTC();
}
