import type { LocalDate } from './calendar.types';
import type { CalendarData, OverlayHoliday } from './calendar-data.types';
import { canonicalRegion, isSupportedCountry } from './calendar-validation';
import { applyHolidayAdjustments, indexAdjustments } from './holiday-adjustments';
import { holidayId, parseHolidayId, slugify } from './holiday-id';
import { overlayOccurrences } from './holiday-overlay';
import type { Holiday, HolidayAdjustment, HolidayType } from './holiday.types';
import { sharedLibraryHolidays, type LibraryHolidaySource } from './library-holidays';
import { addDays, datesBetween, isLocalDate, yearOf } from './local-date';

/** Public holidays of every country, with overlays and operator adjustments applied. */
export interface HolidayCalendar {
  /**
   * Holidays that close offices on one local date in a country (and region, which may
   * be written `NSW` or `AU-NSW`). O(1) once the year has been computed.
   */
  on(country: string, region: string | null, date: LocalDate): readonly Holiday[];
  /** Holidays with at least one day in `from`…`to` (both included), by first date. */
  between(country: string, region: string | null, from: LocalDate, to: LocalDate): readonly Holiday[];
  /** The holiday an id names (ids encode country, region and the computed date), if any. */
  byId(id: string): Holiday | undefined;
}

/** What a holiday calendar is built from. */
export interface HolidayCalendarOptions {
  data: Pick<CalendarData, 'holidayTypes' | 'overlays'>;
  /** Operators' confirmations and moves, as stored. */
  adjustments?: readonly HolidayAdjustment[];
  /** Defaults to the process-wide date-holidays cache. */
  library?: LibraryHolidaySource;
}

const NO_HOLIDAYS: readonly Holiday[] = Object.freeze([]);

interface Place {
  country: string;
  region: string | null;
  /** This place's holidays by local date, per year: what `on` reads. */
  days: Map<number, ReadonlyMap<LocalDate, readonly Holiday[]>>;
}

/**
 * Years that an operator's move pulls a holiday into from a later year. Only those need
 * the following year computed; a span that crosses New Year starts in the year before.
 */
function yearsPulledBack(adjustments: readonly HolidayAdjustment[]): ReadonlySet<number> {
  const years = new Set<number>();
  for (const { action, date, holidayId: id } of adjustments) {
    const computed = parseHolidayId(id);
    if (action !== 'move' || !isLocalDate(date) || !computed) continue;
    for (let year = yearOf(date); year < yearOf(computed.date); year++) years.add(year);
  }
  return years;
}

/**
 * Builds the holiday calendar: date-holidays entries of the types that close offices
 * (config/calendars/holiday-types.yaml), minus entries overlays drop, plus overlay
 * holidays (config/holidays/*.yaml), Islamic-calendar dates marked tentative, then the
 * operators' adjustments. Multi-day holidays cover every date of their span, and a date
 * never lists the same holiday twice. Years are computed on first use and cached per
 * (country, region, year); the calendar is immutable, so build a new one when the
 * adjustments change (the date-holidays cache is shared).
 */
export function createHolidayCalendar(options: HolidayCalendarOptions): HolidayCalendar {
  const { data } = options;
  const library = options.library ?? sharedLibraryHolidays();
  const adjustments = indexAdjustments(options.adjustments ?? []);
  const pulledBack = yearsPulledBack(options.adjustments ?? []);
  const neighbourYears = (year: number): number[] =>
    pulledBack.has(year) ? [year - 1, year, year + 1] : [year - 1, year];
  const yearCache = new Map<string, readonly Holiday[]>();
  /** Day indexes per canonical place (`NSW` and `AU-NSW` share one), by year. */
  const dayIndexes = new Map<string, Place['days']>();
  /** Places by country, then by region as written (null for none). */
  const places = new Map<string, Map<string | null, Place>>();

  /**
   * Checks and canonicalises a (country, region) pair once; `on` sits on the planner's hot
   * path (once per person-day), so later calls are two map lookups with no string building.
   */
  function place(country: string, region: string | null): Place {
    let byRegion = places.get(country);
    if (!byRegion) {
      byRegion = new Map();
      places.set(country, byRegion);
    }
    let found = byRegion.get(region);
    if (!found) {
      if (!isSupportedCountry(country)) {
        throw new RangeError(`No holiday data for country ${JSON.stringify(country)}`);
      }
      const canonical = region === null ? null : canonicalRegion(country, region);
      if (region !== null && canonical === null) {
        throw new RangeError(`${JSON.stringify(region)} is not a region of ${country}`);
      }
      const key = `${country}|${canonical ?? ''}`;
      let days = dayIndexes.get(key);
      if (!days) {
        days = new Map();
        dayIndexes.set(key, days);
      }
      found = { country, region: canonical, days };
      byRegion.set(region, found);
    }
    return found;
  }

  function typesOf(country: string): readonly HolidayType[] {
    return data.holidayTypes.countries.get(country) ?? data.holidayTypes.default;
  }

  function overlayFor(holiday: OverlayHoliday, region: string | null): boolean {
    return holiday.regions === null || (region !== null && holiday.regions.includes(region));
  }

  /** Holidays whose computed first day falls in `year`, overlays first. */
  function computeYear(country: string, region: string | null, year: number): Holiday[] {
    const types = typesOf(country);
    const overlay = data.overlays.get(country);
    const overlays = (overlay?.holidays ?? []).filter((holiday) => overlayFor(holiday, region));
    const dropped = new Set([
      ...(overlay?.removals ?? []).map((removal) => removal.rule),
      ...overlays.flatMap((holiday) => holiday.replaces),
    ]);
    const out: Holiday[] = [];
    for (const occurrence of overlays.flatMap((holiday) => overlayOccurrences(holiday, year, library))) {
      const { holiday, start, tentative } = occurrence;
      if (!types.includes(holiday.type)) continue;
      const ownRegion = holiday.regions === null ? null : region;
      out.push({
        id: holidayId(country, ownRegion, start, holiday.name),
        country,
        region: ownRegion,
        name: holiday.name,
        localName: holiday.localName,
        type: holiday.type,
        start,
        end: addDays(start, holiday.days - 1),
        computedStart: start,
        tentative,
        confirmed: false,
        movedFrom: null,
        substitute: false,
        source: holiday.source,
      });
    }
    for (const entry of library.holidays(country, region, year)) {
      if (!types.includes(entry.type) || dropped.has(entry.rule)) continue;
      const ownRegion = entry.national ? null : region;
      out.push({
        id: holidayId(country, ownRegion, entry.start, entry.name),
        country,
        region: ownRegion,
        name: entry.name,
        localName: entry.localName,
        type: entry.type,
        start: entry.start,
        end: addDays(entry.start, entry.days - 1),
        computedStart: entry.start,
        tentative: entry.islamic,
        confirmed: false,
        movedFrom: null,
        substitute: entry.substitute,
        source: 'date-holidays',
      });
    }
    // Same id = same holiday on the same date (e.g. an overlay that restates a library
    // entry): keep the first, which is the overlay's.
    const seen = new Set<string>();
    const unique = out.filter((holiday) => !seen.has(holiday.id) && seen.add(holiday.id));
    return applyHolidayAdjustments(unique, adjustments);
  }

  function yearHolidays(country: string, region: string | null, year: number): readonly Holiday[] {
    const key = `${country}|${region ?? ''}|${year}`;
    let found = yearCache.get(key);
    if (!found) {
      found = computeYear(country, region, year);
      yearCache.set(key, found);
    }
    return found;
  }

  /** Date -> holidays for one year; neighbouring years contribute spans and moves that cross New Year. */
  function dayIndex(where: Place, year: number): ReadonlyMap<LocalDate, readonly Holiday[]> {
    let index = where.days.get(year);
    if (!index) {
      const { country, region } = where;
      const byDate = new Map<LocalDate, Holiday[]>();
      for (const y of neighbourYears(year)) {
        for (const holiday of yearHolidays(country, region, y)) {
          for (const date of datesBetween(holiday.start, holiday.end)) {
            if (yearOf(date) !== year) continue;
            const list = byDate.get(date) ?? [];
            // One entry per holiday name and date: a library span and a single-day entry
            // of the same holiday (or a moved and an unmoved one) never show twice.
            if (!list.some((other) => slugify(other.name) === slugify(holiday.name))) list.push(holiday);
            byDate.set(date, list);
          }
        }
      }
      index = byDate;
      where.days.set(year, index);
    }
    return index;
  }

  return {
    on(country, region, date) {
      return dayIndex(place(country, region), yearOfDate(date)).get(date) ?? NO_HOLIDAYS;
    },
    between(country, region, from, to) {
      const where = place(country, region);
      const found = new Map<string, Holiday>();
      const last = yearOf(to);
      for (let year = yearOf(from) - 1; year <= (pulledBack.has(last) ? last + 1 : last); year++) {
        for (const holiday of yearHolidays(where.country, where.region, year)) {
          if (holiday.end >= from && holiday.start <= to) found.set(holiday.id, holiday);
        }
      }
      return [...found.values()].sort(
        (a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name),
      );
    },
    byId(id) {
      const parts = parseHolidayId(id);
      if (!parts || !isSupportedCountry(parts.country)) return undefined;
      const region = parts.region === null ? null : canonicalRegion(parts.country, parts.region);
      if (parts.region !== null && region === null) return undefined;
      return yearHolidays(parts.country, region, yearOf(parts.date)).find((holiday) => holiday.id === id);
    },
  };
}

/**
 * The year of a `YYYY-MM-DD` date from its first four characters, without allocating: `on`
 * runs once per person-day. Anything else gives NaN, which finds no holidays, as before.
 */
function yearOfDate(date: LocalDate): number {
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    year = year * 10 + digit;
  }
  return year;
}
