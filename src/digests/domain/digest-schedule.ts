import { DateTime } from 'luxon';
import type { LocalTime, Weekday, WorkingCalendar } from '../../calendars/domain/calendar.types';
import { WEEKDAYS } from '../../calendars/domain/calendar.types';
import { addDays } from '../../calendars/domain/local-date';
import { resolveWallTime } from '../../calendars/domain/zoned-time';
import { addIsoWeeks, digestWeekOf, isoWeekOf } from './iso-week';

/** When an executive wants their digest: a weekday and a wall-clock time in their own zone. */
export interface DigestPreference {
  weekday: Weekday;
  time: LocalTime;
}

/** Where one week's digest goes out for one reader. */
export interface DigestSlot {
  /** The ISO week the digest belongs to (the week of the chosen day), e.g. `2027-W22`. */
  isoWeek: string;
  /** The instant it goes out, UTC. */
  at: DateTime;
  /** The holiday that moved it off the chosen day ("Memorial Day (US)"), or null. */
  movedFor: string | null;
}

/**
 * How far past a holiday the next working day is looked for. Two weeks covers
 * the longest office closures (Lunar New Year, year-end); a reader with no
 * working day in that span gets the digest on the chosen day after all rather
 * than never.
 */
export const MAX_HOLIDAY_MOVE_DAYS = 14;

/**
 * The slot of one ISO week's digest: the chosen weekday of that week at the
 * chosen local time in the reader's zone. When that day is one of their public
 * holidays it goes out on their next working day instead, at the same local
 * time (Memorial Day Monday 08:00 → Tuesday 08:00). A chosen day outside the
 * work week is kept (the reader chose it); only a holiday moves the digest.
 * Times that do not exist (a spring-forward gap) move forward, as Luxon does.
 *
 * `calendar` is the reader's own working calendar; build it without time off
 * and without blackouts so that only their holidays and work week count.
 */
export function digestSlot(
  isoWeek: string,
  preference: DigestPreference,
  calendar: WorkingCalendar,
): DigestSlot {
  const chosen = addDays(digestWeekOf(isoWeek).start, WEEKDAYS.indexOf(preference.weekday));
  const holiday = calendar.day(chosen).off.find((reason) => reason.kind === 'holiday');
  if (holiday === undefined)
    return { isoWeek, at: localInstant(chosen, preference.time, calendar), movedFor: null };
  for (let offset = 1; offset <= MAX_HOLIDAY_MOVE_DAYS; offset += 1) {
    const date = addDays(chosen, offset);
    if (calendar.day(date).window !== null)
      return { isoWeek, at: localInstant(date, preference.time, calendar), movedFor: holiday.label };
  }
  return { isoWeek, at: localInstant(chosen, preference.time, calendar), movedFor: null };
}

/**
 * The next digest to send strictly after `after`: the earliest slot of a week
 * not sent yet. A week whose slot a holiday pushed to or past the next week's
 * slot is dropped: the later digest covers the same ground with fresher news,
 * and a reader gets at most one digest per ISO week.
 */
export function nextDigestSlot(
  after: DateTime,
  preference: DigestPreference,
  calendar: WorkingCalendar,
  isSent: (isoWeek: string) => boolean,
): DigestSlot {
  const current = isoWeekOf(after.setZone(calendar.timeZone).toISODate());
  // A slot lies between its week's Monday and MAX_HOLIDAY_MOVE_DAYS past its Sunday, so the
  // weeks from two before to three after the current one hold every candidate.
  let next: DigestSlot | null = null;
  for (let offset = -2; offset <= 3; offset += 1) {
    const slot = digestSlot(addIsoWeeks(current, offset), preference, calendar);
    if (slot.at <= after || isSent(slot.isoWeek) || isSuperseded(slot, preference, calendar)) continue;
    if (next === null || slot.at < next.at) next = slot;
  }
  if (next !== null) return next;
  throw new Error(`no digest slot after ${after.toISO()} for ${calendar.personId}`);
}

/**
 * The digest due at `now`: of the slots at or before `now` from week `from` on,
 * the latest one not sent and not superseded. After an outage this sends only
 * the freshest missed week, late, instead of a backlog of stale ones. Null when
 * nothing is due (the reader moved their slot later since it was stored).
 */
export function dueDigestSlot(
  now: DateTime,
  from: string,
  preference: DigestPreference,
  calendar: WorkingCalendar,
  isSent: (isoWeek: string) => boolean,
): DigestSlot | null {
  const current = isoWeekOf(now.setZone(calendar.timeZone).toISODate());
  let due: DigestSlot | null = null;
  for (let offset = -2; offset <= 0; offset += 1) {
    const week = addIsoWeeks(current, offset);
    if (week < from) continue;
    const slot = digestSlot(week, preference, calendar);
    if (slot.at > now || isSent(week) || isSuperseded(slot, preference, calendar)) continue;
    if (due === null || slot.at > due.at) due = slot;
  }
  return due;
}

function isSuperseded(slot: DigestSlot, preference: DigestPreference, calendar: WorkingCalendar): boolean {
  if (slot.movedFor === null) return false;
  return slot.at >= digestSlot(addIsoWeeks(slot.isoWeek, 1), preference, calendar).at;
}

/** The reader's wall-clock time on `date`, resolved as the planner resolves meeting times. */
function localInstant(date: string, time: LocalTime, calendar: WorkingCalendar): DateTime {
  return DateTime.fromMillis(resolveWallTime(date, time, calendar.timeZone).utcMillis, { zone: 'utc' });
}
