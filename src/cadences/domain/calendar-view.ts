import type {
  DayAvailability,
  DayOffReason,
  Side,
  WorkingCalendar,
  WorkingHours,
} from '../../calendars/domain/calendar.types';
import {
  dayFactsReader,
  windowMillis,
  workingDaySource,
  type WorkingDayFacts,
} from '../../calendars/domain/working-calendar';
import { fromEpochDay, parseLocalTime, type EpochDay } from './civil-date';
import { localToUtcMs } from './zone-offset';

// Module-level aliases: global lookups are slow in sandboxes such as jest's vm (about 30x
// for this arithmetic), and these functions run several times per touchpoint.
const { isNaN } = Number;

/** One person's day with its window as plain UTC milliseconds. */
export interface DayView {
  readonly day: EpochDay;
  readonly availability: DayAvailability;
  /** Working window in UTC ms, NaN on a day off. */
  readonly start: number;
  readonly end: number;
  /**
   * The window the day would have without holidays, time off or blackouts (NaN on a weekend).
   * Used to say what the rule meant in a week a holiday hit, and to pick an anchor that does
   * not depend on which holidays happen to fall in the sample week.
   */
  readonly nominalStart: number;
  readonly nominalEnd: number;
}

/** A memoising view of a {@link WorkingCalendar} keyed by epoch day, for one planning run. */
export interface CalendarView {
  readonly personId: string;
  readonly zone: string;
  readonly side: Side;
  day(day: EpochDay): DayView;
}

/**
 * Views already made, per calendar. A calendar is immutable and the view only memoises it,
 * so every plan that is handed the same calendar (the planner shares one per person across
 * the engagements of a run: an account manager's twenty meetings) shares one view too.
 */
const views = new WeakMap<WorkingCalendar, CalendarView>();

/**
 * Wraps a calendar so each date is asked for once per planning run and its window is read
 * once as numbers: placement probes the same few days many times while searching a week.
 */
export function createCalendarView(calendar: WorkingCalendar): CalendarView {
  let view = views.get(calendar);
  if (view === undefined) {
    view = newCalendarView(calendar);
    views.set(calendar, view);
  }
  return view;
}

/**
 * Day views per source of working days: calendars that read the same days (people of the same
 * zone, hours and days off) share their views of them too, which hold nothing of the person.
 */
const dayViews = new WeakMap<object, Map<EpochDay, DayView>>();

function newCalendarView(calendar: WorkingCalendar): CalendarView {
  const zone = calendar.timeZone;
  // Calendars made by createWorkingCalendar are read as numbers by day number (no date string,
  // no DayAvailability per day); any other calendar through its public `day()`.
  const facts = dayFactsReader(calendar);
  const source = facts === undefined ? undefined : workingDaySource(calendar);
  let cache = source === undefined ? undefined : dayViews.get(source);
  if (cache === undefined) {
    cache = new Map<EpochDay, DayView>();
    if (source !== undefined) dayViews.set(source, cache);
  }
  return {
    personId: calendar.personId,
    zone,
    side: calendar.side,
    day(day: EpochDay): DayView {
      let view = cache.get(day);
      if (view === undefined) {
        view =
          facts === undefined
            ? toDayView(zone, day, calendar.day(fromEpochDay(day)))
            : factsView(zone, calendar, facts(day));
        cache.set(day, view);
      }
      return view;
    },
  };
}

function toDayView(zone: string, day: EpochDay, availability: DayAvailability): DayView {
  const window = windowMillis(availability);
  if (window !== null) {
    const { startMs: start, endMs: end } = window;
    return { day, availability, start, end, nominalStart: start, nominalEnd: end };
  }
  const nominal = nominalWindow(zone, day, availability.off, availability.hours);
  return { day, availability, start: NaN, end: NaN, nominalStart: nominal.start, nominalEnd: nominal.end };
}

/** A day read from {@link WorkingDayFacts}; its DayAvailability is asked for only if used. */
class FactsDayView implements DayView {
  readonly #calendar: WorkingCalendar;
  readonly #date: string;
  #availability: DayAvailability | undefined;

  constructor(
    calendar: WorkingCalendar,
    date: string,
    readonly day: EpochDay,
    readonly start: number,
    readonly end: number,
    readonly nominalStart: number,
    readonly nominalEnd: number,
  ) {
    this.#calendar = calendar;
    this.#date = date;
  }

  get availability(): DayAvailability {
    this.#availability ??= this.#calendar.day(this.#date);
    return this.#availability;
  }
}

function factsView(zone: string, calendar: WorkingCalendar, facts: WorkingDayFacts): DayView {
  const { dayNumber, date, startMs, endMs } = facts;
  if (!isNaN(startMs)) return new FactsDayView(calendar, date, dayNumber, startMs, endMs, startMs, endMs);
  const nominal = nominalWindow(zone, dayNumber, facts.off, facts.hours);
  return new FactsDayView(calendar, date, dayNumber, NaN, NaN, nominal.start, nominal.end);
}

/**
 * The window a closed day would have had: its hours when only a holiday, time off or
 * blackout closed it; NaN when it is not a work-week day.
 */
function nominalWindow(
  zone: string,
  day: EpochDay,
  off: readonly DayOffReason[],
  hours: WorkingHours,
): { start: number; end: number } {
  const closedOnlyByEvents = off.length > 0 && off.every((o) => o.kind !== 'weekend');
  if (!closedOnlyByEvents) return { start: NaN, end: NaN };
  const startMinute = parseLocalTime(hours.start);
  const endMinute = parseLocalTime(hours.end);
  // A shift whose end is not after its start crosses midnight and belongs to its start date.
  const endDay = endMinute <= startMinute ? day + 1 : day;
  return { start: localToUtcMs(zone, day, startMinute), end: localToUtcMs(zone, endDay, endMinute) };
}

/** Whether the day has a working window. */
export function isWorking(view: DayView): boolean {
  return !isNaN(view.start);
}
