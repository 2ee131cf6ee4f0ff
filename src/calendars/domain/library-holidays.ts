import Holidays from 'date-holidays';
import type { LocalDate } from './calendar.types';
import { HOLIDAY_TYPES, type HolidayType } from './holiday.types';
import { isIslamicRule } from './islamic-rule';
import { addDays } from './local-date';

// The one place that talks to date-holidays for holiday dates. Instances are created
// once per (country, region) and each year is computed once, because the planner asks
// for the same few countries thousands of times a second.

const DAY_MS = 86_400_000;
// "2027-03-09 00:00:00 -0600": the optional offset marks a holiday that starts the
// evening before (Islamic and Jewish calendars), not a UTC offset.
const LIBRARY_DATE = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})(?: ([+-])(\d{2})(\d{2}))?$/;

/** A date-holidays entry reduced to whole local dates. */
export interface LibraryHoliday {
  /** The library's rule, e.g. "easter -3" or "1 Shawwal P3D"; overlays refer to entries by it. */
  rule: string;
  /** English name (the library falls back to the local language when it has no English one). */
  name: string;
  localName: string | null;
  type: HolidayType;
  /** The holiday's own first date; an eve that starts the evening before does not count. */
  start: LocalDate;
  days: number;
  substitute: boolean;
  /** Also a holiday of the whole country (false for entries only a region has). */
  national: boolean;
  /** Computed from the Islamic calendar, so only an estimate of the announced date. */
  islamic: boolean;
}

/** A span of dates produced by one rule. */
export interface RuleOccurrence {
  start: LocalDate;
  days: number;
}

/** Cached access to date-holidays. */
export interface LibraryHolidaySource {
  /** Every entry (all types) of a country, or of one region with the country's own, in one year. */
  holidays(country: string, region: string | null, year: number): readonly LibraryHoliday[];
  /** Occurrences of a rule in date-holidays' grammar (for overlays written as rules) in one year. */
  ruleOccurrences(rule: string, year: number): readonly RuleOccurrence[];
}

interface LibraryEntry {
  date: string;
  start: Date;
  end: Date;
  name: string;
  type: string;
  rule: string;
  substitute?: boolean;
}

/**
 * The holiday's own date from the library's `date` string. An evening start is written
 * either as the day with a negative offset ("2027-03-09 00:00:00 -0600") or as the eve's
 * evening ("2027-03-08 18:00:00 -0600"); moving the wall time by the offset lands on the
 * holiday in both spellings.
 */
export function libraryHolidayDate(date: string): LocalDate {
  const m = LIBRARY_DATE.exec(date);
  if (!m) throw new Error(`Unexpected date-holidays date: ${JSON.stringify(date)}`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  const offset = m[5] ? (m[5] === '-' ? -1 : 1) * (Number(m[6]) * 60 + Number(m[7])) : 0;
  return addDays(m[1], Math.floor((minutes - offset) / 1440));
}

function isHolidayType(type: string): type is HolidayType {
  return (HOLIDAY_TYPES as readonly string[]).includes(type);
}

function occurrenceDays(entry: LibraryEntry): number {
  // Computed in UTC (see createInstance), so the span has no DST hour in it; a part day
  // such as "12:00" onwards still counts as one day.
  return Math.max(1, Math.ceil((entry.end.getTime() - entry.start.getTime()) / DAY_MS - 1e-9));
}

interface CountryInstance {
  holidays: Holidays;
  localLanguage: string;
  localNames: ReadonlyMap<string, string>;
}

function createInstance(country: string, region: string | null): CountryInstance {
  // timezone 'UTC' keeps start/end independent of the machine's TZ.
  const holidays = region
    ? new Holidays(country, region, { timezone: 'UTC' })
    : new Holidays(country, { timezone: 'UTC' });
  const localLanguage = holidays.getLanguages()[0] ?? 'en';
  // Set English once: getHolidays(year, lang) prepends `lang` to the instance's own
  // language list on every call (date-holidays-parser 3.4.7), so never pass a language there.
  holidays.setLanguages('en');
  const localNames = new Map<string, string>();
  // The typings declare HolidayRule as an opaque class; at run time it carries `rule` and `name`.
  const rules = holidays.getRules() as unknown as readonly { rule: string; name: unknown }[];
  for (const rule of rules) {
    const names = rule.name;
    if (typeof names === 'object' && names !== null) {
      const local = (names as Record<string, unknown>)[localLanguage];
      if (typeof local === 'string') localNames.set(rule.rule, local);
    }
  }
  return { holidays, localLanguage, localNames };
}

/** A new, empty cache over date-holidays. Most code should use sharedLibraryHolidays(). */
export function createLibraryHolidaySource(): LibraryHolidaySource {
  const instances = new Map<string, CountryInstance>();
  const years = new Map<string, readonly LibraryHoliday[]>();
  const ruleInstances = new Map<string, Holidays>();
  const ruleYears = new Map<string, readonly RuleOccurrence[]>();

  function instance(country: string, region: string | null): CountryInstance {
    const key = `${country}|${region ?? ''}`;
    let found = instances.get(key);
    if (!found) {
      found = createInstance(country, region);
      instances.set(key, found);
    }
    return found;
  }

  function compute(country: string, region: string | null, year: number): LibraryHoliday[] {
    const { holidays, localLanguage, localNames } = instance(country, region);
    const national = region ? holidaysIn(country, null, year) : [];
    const nationalByKey = new Map(national.map((h) => [`${h.rule}|${h.start}`, h]));
    const entries = holidays.getHolidays(year) as LibraryEntry[];
    return entries
      .filter((entry) => isHolidayType(entry.type))
      .map((entry): LibraryHoliday => {
        const start = libraryHolidayDate(entry.date);
        const countryWide = nationalByKey.get(`${entry.rule}|${start}`);
        // A national holiday keeps the country's name and id in every region.
        if (countryWide) return countryWide;
        const local = localLanguage === 'en' ? undefined : localNames.get(entry.rule);
        return {
          rule: entry.rule,
          name: entry.name,
          localName: local && local !== entry.name ? local : null,
          type: entry.type as HolidayType,
          start,
          days: occurrenceDays(entry),
          substitute: entry.substitute === true,
          national: region === null,
          islamic: isIslamicRule(entry.rule),
        };
      });
  }

  function holidaysIn(country: string, region: string | null, year: number): readonly LibraryHoliday[] {
    const key = `${country}|${region ?? ''}|${year}`;
    let found = years.get(key);
    if (!found) {
      found = compute(country, region, year);
      years.set(key, found);
    }
    return found;
  }

  function ruleOccurrences(rule: string, year: number): readonly RuleOccurrence[] {
    const key = `${rule}|${year}`;
    let found = ruleYears.get(key);
    if (!found) {
      let holidays = ruleInstances.get(rule);
      if (!holidays) {
        holidays = new Holidays({ timezone: 'UTC' });
        if (!holidays.setHoliday(rule, { name: { en: rule }, type: 'public' })) {
          throw new Error(`date-holidays does not understand the rule ${JSON.stringify(rule)}`);
        }
        ruleInstances.set(rule, holidays);
      }
      found = (holidays.getHolidays(year) as LibraryEntry[]).map((entry) => ({
        start: libraryHolidayDate(entry.date),
        days: occurrenceDays(entry),
      }));
      ruleYears.set(key, found);
    }
    return found;
  }

  return { holidays: holidaysIn, ruleOccurrences };
}

let shared: LibraryHolidaySource | undefined;

/** The process-wide cache: date-holidays instances and computed years are shared by every calendar. */
export function sharedLibraryHolidays(): LibraryHolidaySource {
  shared ??= createLibraryHolidaySource();
  return shared;
}
