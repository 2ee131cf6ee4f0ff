import type { Interval } from 'luxon';

/** Weekdays as the API spells them, Monday first (Luxon's `weekday` 1..7 maps to index + 1). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A calendar date with no zone: `YYYY-MM-DD`. */
export type LocalDate = string;

/** A wall-clock time: `HH:mm`, 00:00 to 23:59. */
export type LocalTime = string;

/**
 * Daily working hours in the person's own zone. When `end` is not after `start`
 * the shift crosses midnight (a 21:00–06:00 night shift) and belongs to the
 * date on which it starts.
 */
export interface WorkingHours {
  start: LocalTime;
  end: LocalTime;
}

/** The two sides of an engagement. */
export type Side = 'client' | 'vendor';

/** What a person's working calendar is built from. */
export interface CalendarProfile {
  personId: string;
  timeZone: string;
  country: string;
  region: string | null;
  workWeek: readonly Weekday[];
  workingHours: WorkingHours;
  side: Side;
  timeOff: readonly { start: LocalDate; end: LocalDate }[];
}

/** A shutdown day of one side of an engagement. */
export interface Blackout {
  date: LocalDate;
  side: Side;
  name: string;
}

/** Why a day is not available, in words a person understands. */
export interface DayOffReason {
  kind: 'weekend' | 'holiday' | 'time_off' | 'blackout';
  /** Human label, e.g. "Eid al-Adha (EG, tentative)" or "Year-end shutdown (vendor blackout)". */
  label: string;
  /** Set for holidays whose date is computed rather than announced (Islamic calendar). */
  tentative?: boolean;
  /** Set for holidays: the stable id an operator uses to confirm or move it. */
  holidayId?: string;
}

/** One local date of one person's working calendar. */
export interface DayAvailability {
  /** The person's local date; a night shift belongs to the date on which it starts. */
  date: LocalDate;
  /** The working window as a UTC interval when this is a working day, else null. */
  window: Interval | null;
  /** Why the day is off; empty when it is a working day. */
  off: DayOffReason[];
  /** The hours in force that day (a seasonal rule such as Ramadan hours may change them). */
  hours: WorkingHours;
  /** Names the seasonal rule when one applies, e.g. "Ramadan hours (SA)". */
  hoursRule?: string;
}

/** A person's working calendar: pure, deterministic, no clock, no I/O. */
export interface WorkingCalendar {
  readonly personId: string;
  readonly timeZone: string;
  readonly side: Side;
  day(date: LocalDate): DayAvailability;
}
