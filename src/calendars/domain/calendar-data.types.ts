import type { LocalDate, Weekday, WorkingHours } from './calendar.types';
import type { HolidayType } from './holiday.types';

// The validated contents of config/holidays/*.yaml and config/calendars/*.yaml.
// Built once at start-up by src/calendars/calendar-data.loader.ts; pure data after that.

/** Which date-holidays types close offices, by default and per country. */
export interface HolidayTypesConfig {
  default: readonly HolidayType[];
  countries: ReadonlyMap<string, readonly HolidayType[]>;
}

/** When an overlay holiday falls. */
export type OverlayTiming =
  /** Announced or almanac dates, each the first day of the holiday. */
  | { kind: 'dates'; dates: readonly LocalDate[] }
  /**
   * A Hijri date computed through the Umm al-Qura calendar, shifted by `offsetDays`
   * (SA's "day after 29 Ramadan", India's usual one-day-later moon sighting).
   * `announced` holds real announced first dates by Hijri year; those are not tentative.
   */
  | {
      kind: 'hijri';
      month: number;
      day: number;
      offsetDays: number;
      announced: ReadonlyMap<number, LocalDate>;
    }
  /** A rule in date-holidays' own grammar, e.g. `chinese 01-0-03 since 2025`. */
  | { kind: 'rule'; rule: string };

/** A holiday an overlay adds (or puts in place of library entries). */
export interface OverlayHoliday {
  name: string;
  localName: string | null;
  type: HolidayType;
  /** Length in days, at least 1. */
  days: number;
  /** Regions (date-holidays spelling) it is limited to, or null for the whole country. */
  regions: readonly string[] | null;
  /** date-holidays `rule` strings this entry supersedes: those library entries are dropped. */
  replaces: readonly string[];
  /** Marked tentative even when not computed from the Hijri calendar (almanac dates). */
  tentative: boolean;
  timing: OverlayTiming;
  /** The official list or authority. */
  source: string;
  /** `config/holidays/in.yaml#holidays[2]`, for messages. */
  origin: string;
}

/** A library entry an overlay drops without replacement (e.g. China's half-day observances). */
export interface OverlayRemoval {
  rule: string;
  source: string;
  origin: string;
}

/** Every overlay entry for one country, merged across files. */
export interface HolidayOverlay {
  country: string;
  holidays: readonly OverlayHoliday[];
  removals: readonly OverlayRemoval[];
}

/** A country's default work week and working hours. */
export interface WorkWeekEntry {
  workWeek: readonly Weekday[];
  hours: WorkingHours;
  source: string;
}

/** Work weeks and working hours, with the fallback for countries not listed. */
export interface WorkWeekTable {
  default: WorkWeekEntry;
  countries: ReadonlyMap<string, WorkWeekEntry>;
}

/** Working hours that replace a person's own during one Hijri month each year (Ramadan hours). */
export interface SeasonalHoursRule {
  /** Names the rule in DayAvailability.hoursRule, with the country: "Ramadan hours (SA)". */
  name: string;
  countries: readonly string[];
  hijriMonth: number;
  hours: WorkingHours;
  source: string;
}

/** All calendar data, validated. */
export interface CalendarData {
  holidayTypes: HolidayTypesConfig;
  overlays: ReadonlyMap<string, HolidayOverlay>;
  workWeeks: WorkWeekTable;
  seasonalHours: readonly SeasonalHoursRule[];
}
