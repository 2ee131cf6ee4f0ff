import type { DateTime } from 'luxon';

/**
 * A local week, Monday 00:00 to the next Monday 00:00 in one zone: the unit of
 * the weekly health snapshot. Weeks are cut in the account manager's zone,
 * since they read the flags and the history.
 */
export interface LocalWeek {
  /** ISO week with its week-year: `2027-W10` (week 1 of 2027 starts on Mon 2027-01-04). */
  key: string;
  /** The Monday, `YYYY-MM-DD`. */
  startDate: string;
  /** Monday 00:00 local. */
  start: DateTime;
  /** The next Monday 00:00 local: the instant the week has ended. */
  end: DateTime;
}

/** The local week of `zone` that holds `instant`. */
export function localWeekOf(instant: DateTime, zone: string): LocalWeek {
  const start = instant.setZone(zone).startOf('week');
  // Calendar math in the zone: across a DST change a local week is 167 or 169 hours.
  const end = start.plus({ weeks: 1 });
  return { key: start.toFormat("kkkk-'W'WW"), startDate: start.toISODate(), start, end };
}

/**
 * The instant a weekly snapshot stands for: the last millisecond of its week.
 * Taken at the week's end itself, the snapshot would belong to the next week
 * (which starts at that instant), and the trend, which keeps one snapshot per
 * local week, would file it there.
 */
export function snapshotInstant(week: LocalWeek): DateTime {
  return week.end.minus({ milliseconds: 1 });
}

/**
 * The week a snapshot due at `dueAt` covers, in `zone`: the one that ended at
 * or before `dueAt`. When the zone moved west since the snapshot was scheduled
 * (the account manager changed), that week may not have ended yet at `now`:
 * the result then says when it will, and nothing is written before.
 */
export function weekDueAt(dueAt: DateTime, zone: string, now: DateTime): { week: LocalWeek; ended: boolean } {
  const week = localWeekOf(dueAt.minus({ milliseconds: 1 }), zone);
  return { week, ended: week.end.toMillis() <= now.toMillis() };
}
