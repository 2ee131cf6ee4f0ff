import type { LocalDate, WorkingHours } from './calendar.types';
import type { SeasonalHoursRule } from './calendar-data.types';
import { fromHijri, hijriMonthLength, toHijri } from './hijri';
import { addDays, datesBetween, yearOf } from './local-date';

/** A seasonal rule in force on one date in one country. */
export interface SeasonalHoursMatch {
  hours: WorkingHours;
  /** The rule's name with the country, e.g. "Ramadan hours (SA)". */
  label: string;
  rule: SeasonalHoursRule;
}

/** Looks up seasonal working hours (Ramadan hours …) by country and date. */
export interface SeasonalHoursCalendar {
  /** The rule in force on `date` in `country`, or null. O(1) once the year is computed. */
  on(country: string, date: LocalDate): SeasonalHoursMatch | null;
}

/**
 * Builds the seasonal-hours lookup from config/calendars/seasonal-hours.yaml. Each rule
 * covers one Hijri month, recomputed every year through the Umm al-Qura calendar (so
 * Ramadan hours move eleven days earlier each Gregorian year without anyone typing
 * dates). The first listed rule for a country wins if two overlap.
 */
export function createSeasonalHours(rules: readonly SeasonalHoursRule[]): SeasonalHoursCalendar {
  // Countries, then years: `on` runs once per person-day, so no key string is built per call,
  // and a country no rule names is answered without computing any Hijri dates.
  const cache = new Map<string, Map<number, ReadonlyMap<LocalDate, SeasonalHoursMatch>>>();
  const ruled = new Set(rules.flatMap((rule) => rule.countries));

  function index(country: string, year: number): ReadonlyMap<LocalDate, SeasonalHoursMatch> {
    let byYear = cache.get(country);
    if (!byYear) {
      byYear = new Map();
      cache.set(country, byYear);
    }
    let found = byYear.get(year);
    if (found) return found;
    const byDate = new Map<LocalDate, SeasonalHoursMatch>();
    const firstHijri = toHijri(`${year}-01-01`).year - 1;
    const lastHijri = toHijri(`${year}-12-31`).year;
    for (const rule of rules) {
      if (!rule.countries.includes(country)) continue;
      const match: SeasonalHoursMatch = { hours: rule.hours, label: `${rule.name} (${country})`, rule };
      for (let hijriYear = firstHijri; hijriYear <= lastHijri; hijriYear++) {
        const start = fromHijri({ year: hijriYear, month: rule.hijriMonth, day: 1 });
        const end = addDays(start, hijriMonthLength(hijriYear, rule.hijriMonth) - 1);
        for (const date of datesBetween(start, end)) {
          if (yearOf(date) === year && !byDate.has(date)) byDate.set(date, match);
        }
      }
    }
    found = byDate;
    byYear.set(year, found);
    return found;
  }

  return {
    on(country, date) {
      if (!ruled.has(country)) return null;
      return index(country, Number(date.slice(0, 4))).get(date) ?? null;
    },
  };
}
