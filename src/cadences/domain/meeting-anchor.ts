import type { LocalDate, WorkingCalendar, Weekday } from '../../calendars/domain/calendar.types';
import { pickLeastBadSlot } from './burden-rotation';
import type { MeetingAnchor } from './cadence.types';
import { firstWeekdayOnOrAfter } from './cadence-periods';
import { createCalendarView } from './calendar-view';
import {
  DAY_MS,
  MINUTE_MS,
  formatLocalTime,
  parseLocalTime,
  toEpochDay,
  weekdayIndex,
  weekdayOf,
  weekdayToIndex,
  type EpochDay,
} from './civil-date';
import {
  dayWindows,
  meetingWindows,
  insideEveryonesHours,
  inHoursStart,
  minutesToMs,
  organizerInstant,
  periodWindows,
  rotationCandidates,
  type SlotSearch,
} from './slot-search';
import { toLocalMs } from './zone-offset';

/** What choosing an anchor needs. */
export interface AnchorInput {
  durationMinutes: number;
  preferredWeekdays: readonly Weekday[];
  /** The representative week starts on this organizer-local date (see below). */
  startsOn: LocalDate;
  participants: readonly WorkingCalendar[];
  organizerId: string;
}

/** A chosen anchor, and whether the participants share working hours at all. */
export interface AnchorChoice {
  anchor: MeetingAnchor;
  /** False when no day of the representative week has a common window long enough. */
  sharedHours: boolean;
}

/** Where an anchor lands on a grid of quarter hours, so invites read 10:15, not 10:07. */
const GRID_MINUTES = 15;

/**
 * Chooses where a meeting sits each week when the cadence does not say.
 *
 * Over the representative week (the seven days from `startsOn`, or from the first later week
 * without seasonal hours such as Ramadan hours; holidays and time off ignored so the choice
 * does not depend on which holidays fall in that week; weekends respected):
 * the earliest preferred weekday (Monday first) with a common window long enough, else the
 * earliest other weekday; on that day, the longest common window, and in it the start that
 * centres the meeting, snapped to a quarter hour. Centring leaves the most slack on both
 * sides, so a DST change on either side (which moves the window by an hour) is the least
 * likely to push the meeting out of someone's hours.
 *
 * When no day has a common window, the anchor is the least-bad slot of the earliest eligible
 * weekday (see {@link pickLeastBadSlot}) and `sharedHours` is false: the planner then rotates
 * the burden week by week. Persist the anchor: a later plan must not drift with the sample week.
 */
export function chooseMeetingAnchor(input: AnchorInput): AnchorChoice {
  const views = input.participants.map(createCalendarView);
  const organizer = views.find((v) => v.personId === input.organizerId);
  if (organizer === undefined) throw new Error(`Organizer ${input.organizerId} is not a participant`);
  const search: SlotSearch = { views, organizer, durationMs: minutesToMs(input.durationMinutes) };
  return chooseAnchorFor(search, input.preferredWeekdays, toEpochDay(input.startsOn));
}

/** {@link chooseMeetingAnchor} on an existing search (shares the planner's calendar memo). */
export function chooseAnchorFor(
  search: SlotSearch,
  preferred: readonly Weekday[],
  startsOn: EpochDay,
): AnchorChoice {
  const order = representativeDays(representativeWeekStart(search, startsOn), preferred);
  for (const day of order) {
    const start = centredStart(search, day);
    if (start !== null) return { anchor: anchorAt(search, start), sharedHours: true };
  }
  for (const day of order) {
    const own = search.organizer.day(day);
    if (Number.isNaN(own.nominalStart)) continue;
    const pick = pickLeastBadSlot(
      rotationCandidates(search, dayWindows(search, day, true), 0, own.nominalStart, true),
      { client: 0, vendor: 0 },
      search.organizer.side,
    );
    if (pick !== null) return { anchor: anchorAt(search, pick.evaluation.startMs), sharedHours: false };
  }
  // Nobody can ever meet (no shared working day at all): keep a well-formed anchor; every
  // period will then be skipped with its reason.
  const day = order[0];
  return {
    anchor: { weekday: weekdayOf(day), time: search.organizer.day(day).availability.hours.start },
    sharedHours: false,
  };
}

/** Half a year on, a sample week is never again in Ramadan, nor in a US/EU DST gap. */
const SECOND_SAMPLE_DAYS = 26 * 7;

/**
 * Whether a given anchor's cadence has shared hours: the anchor fits everyone's usual hours on
 * its first date, or some day of that week has a common window long enough. When the first
 * week has none, the same week half a year later is asked too, so a cadence that starts in
 * Ramadan hours or a DST gap week is not taken for a pair that never shares hours.
 */
export function hasSharedHours(search: SlotSearch, anchor: MeetingAnchor, startsOn: EpochDay): boolean {
  const minute = parseLocalTime(anchor.time);
  for (const offset of [0, SECOND_SAMPLE_DAYS]) {
    const first = firstWeekdayOnOrAfter(startsOn + offset, anchor.weekday);
    const at = organizerInstant(search, first, minute);
    if (insideEveryonesHours(search.views, at, at + search.durationMs, true)) return true;
    const windows = periodWindows(search, first, first + 6, true);
    for (let day = first; day < first + 7; day++) {
      if (inHoursStart(search, windows, day, at) !== null) return true;
    }
  }
  return false;
}

/** How many weeks ahead to look for a sample week without seasonal hours. */
const MAX_SAMPLE_WEEKS = 8;

/**
 * The first day of the representative week: the first of the weeks from `startsOn` in which
 * nobody works seasonal hours (a cadence created in Ramadan should not sit in Ramadan hours
 * all year), else `startsOn` itself.
 */
function representativeWeekStart(search: SlotSearch, startsOn: EpochDay): EpochDay {
  for (let week = 0; week < MAX_SAMPLE_WEEKS; week++) {
    const first = startsOn + 7 * week;
    let seasonal = false;
    for (let day = first; day < first + 7 && !seasonal; day++) {
      seasonal = search.views.some((v) => v.day(day).availability.hoursRule !== undefined);
    }
    if (!seasonal) return first;
  }
  return startsOn;
}

function representativeDays(startsOn: EpochDay, preferred: readonly Weekday[]): EpochDay[] {
  const preferredIdx = new Set(preferred.map(weekdayToIndex));
  const days = Array.from({ length: 7 }, (_, i) => startsOn + i);
  const rank = (d: EpochDay): number =>
    preferredIdx.size === 0 || preferredIdx.has(weekdayIndex(d)) ? 0 : 1;
  return days.sort((a, b) => rank(a) - rank(b) || weekdayIndex(a) - weekdayIndex(b));
}

function centredStart(search: SlotSearch, day: EpochDay): number | null {
  const windows = meetingWindows(search, day, true);
  let best: { lo: number; hi: number } | null = null;
  for (const span of windows.common) {
    const lo = Math.max(span.start, windows.bounds.start);
    const hi = Math.min(span.end - search.durationMs, windows.bounds.end - 1);
    if (lo <= hi && (best === null || hi - lo > best.hi - best.lo)) best = { lo, hi };
  }
  if (best === null) return null;
  const centre = best.lo + Math.floor((best.hi - best.lo) / 2 / MINUTE_MS) * MINUTE_MS;
  const minute = localMinuteOfDay(search, centre);
  const down = centre - (minute % GRID_MINUTES) * MINUTE_MS;
  if (down >= best.lo) return down;
  const up = down + GRID_MINUTES * MINUTE_MS;
  return up <= best.hi ? up : centre;
}

function anchorAt(search: SlotSearch, startMs: number): MeetingAnchor {
  // Slots start inside the organizer-local day searched, so its date is the anchor's weekday.
  const local = toLocalMs(search.organizer.zone, startMs);
  return {
    weekday: weekdayOf(Math.floor(local / DAY_MS)),
    time: formatLocalTime(localMinuteOfDay(search, startMs)),
  };
}

function localMinuteOfDay(search: SlotSearch, utcMs: number): number {
  const local = toLocalMs(search.organizer.zone, utcMs);
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}
