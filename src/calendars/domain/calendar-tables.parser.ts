import { WEEKDAYS, type Weekday, type WorkingHours } from './calendar.types';
import type {
  HolidayTypesConfig,
  SeasonalHoursRule,
  WorkWeekEntry,
  WorkWeekTable,
} from './calendar-data.types';
import {
  checkKnownKeys,
  isRecord,
  requiredText,
  type ProblemLog,
  type SourceFile,
} from './calendar-data.problems';
import { isSupportedCountry, isValidLocalTime } from './calendar-validation';
import { HOLIDAY_TYPES, type HolidayType } from './holiday.types';

// Validation of the three tables in config/calendars/: holiday-types.yaml,
// work-weeks.yaml and seasonal-hours.yaml. Each entry carries a `source:` line.

function parseCountryKey(key: string, where: string, log: ProblemLog): boolean {
  if (isSupportedCountry(key)) return true;
  log.add(where, `${JSON.stringify(key)} is not an ISO 3166-1 alpha-2 code date-holidays supports`);
  return false;
}

function parseTypes(value: unknown, where: string, log: ProblemLog): HolidayType[] | undefined {
  if (!isRecord(value)) {
    log.add(where, 'must be a mapping with "types" and "source"');
    return undefined;
  }
  checkKnownKeys(value, ['types', 'source'], where, log);
  const source = requiredText(value, 'source', where, log);
  const types = value.types;
  if (
    !Array.isArray(types) ||
    types.length === 0 ||
    !types.every((type) => HOLIDAY_TYPES.includes(type as HolidayType))
  ) {
    log.add(where, `"types" must be a non-empty list drawn from ${HOLIDAY_TYPES.join(', ')}`);
    return undefined;
  }
  return source === undefined ? undefined : [...new Set(types as HolidayType[])];
}

/** Validates config/calendars/holiday-types.yaml: `default` and per-country lists of holiday types that close offices. */
export function parseHolidayTypes(file: SourceFile, log: ProblemLog): HolidayTypesConfig | undefined {
  const { path, content } = file;
  if (!isRecord(content)) {
    log.add(path, 'must be a mapping with "default" and "countries"');
    return undefined;
  }
  checkKnownKeys(content, ['default', 'countries'], path, log);
  const fallback = parseTypes(content.default, `${path}: default`, log);
  const countries = new Map<string, readonly HolidayType[]>();
  const rawCountries = content.countries ?? {};
  if (!isRecord(rawCountries)) log.add(path, '"countries" must map country codes to { types, source }');
  else
    for (const [country, entry] of Object.entries(rawCountries)) {
      const where = `${path}: countries.${country}`;
      const types = parseCountryKey(country, where, log) ? parseTypes(entry, where, log) : undefined;
      if (types) countries.set(country, types);
    }
  return fallback ? { default: fallback, countries } : undefined;
}

function parseHours(value: unknown, where: string, log: ProblemLog): WorkingHours | undefined {
  if (!isRecord(value) || !isValidLocalTime(value.start) || !isValidLocalTime(value.end)) {
    log.add(where, '"hours" must be { start: "HH:mm", end: "HH:mm" }');
    return undefined;
  }
  checkKnownKeys(value, ['start', 'end'], `${where} hours`, log);
  if (value.start === value.end) {
    log.add(where, '"hours" start and end are the same time');
    return undefined;
  }
  return { start: value.start, end: value.end };
}

function parseWorkWeekDays(value: unknown, where: string, log: ProblemLog): Weekday[] | undefined {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((day) => WEEKDAYS.includes(day as Weekday)) ||
    new Set(value).size !== value.length
  ) {
    log.add(where, `"workWeek" must list distinct weekdays from ${WEEKDAYS.join(', ')}`);
    return undefined;
  }
  return value as Weekday[];
}

function parseWorkWeekEntry(
  value: unknown,
  where: string,
  log: ProblemLog,
  fallbackHours: WorkingHours | undefined,
): WorkWeekEntry | undefined {
  if (!isRecord(value)) {
    log.add(where, 'must be a mapping with "workWeek", "hours" and "source"');
    return undefined;
  }
  checkKnownKeys(value, ['workWeek', 'hours', 'source'], where, log);
  const source = requiredText(value, 'source', where, log);
  const workWeek = parseWorkWeekDays(value.workWeek, where, log);
  const hours = value.hours === undefined ? fallbackHours : parseHours(value.hours, where, log);
  if (hours === undefined && value.hours === undefined) log.add(where, '"hours" is required');
  return source && workWeek && hours ? { workWeek, hours, source } : undefined;
}

/** Validates config/calendars/work-weeks.yaml: a `default` entry and per-country work weeks and hours. */
export function parseWorkWeeks(file: SourceFile, log: ProblemLog): WorkWeekTable | undefined {
  const { path, content } = file;
  if (!isRecord(content)) {
    log.add(path, 'must be a mapping with "default" and "countries"');
    return undefined;
  }
  checkKnownKeys(content, ['default', 'countries'], path, log);
  const fallback = parseWorkWeekEntry(content.default, `${path}: default`, log, undefined);
  const countries = new Map<string, WorkWeekEntry>();
  const rawCountries = content.countries ?? {};
  if (!isRecord(rawCountries)) log.add(path, '"countries" must map country codes to work-week entries');
  else
    for (const [country, entry] of Object.entries(rawCountries)) {
      const where = `${path}: countries.${country}`;
      if (!parseCountryKey(country, where, log)) continue;
      const parsed = parseWorkWeekEntry(entry, where, log, fallback?.hours);
      if (parsed) countries.set(country, parsed);
    }
  return fallback ? { default: fallback, countries } : undefined;
}

/** Validates config/calendars/seasonal-hours.yaml: `rules`, each a Hijri month with replacement hours. */
export function parseSeasonalHours(file: SourceFile, log: ProblemLog): SeasonalHoursRule[] | undefined {
  const { path, content } = file;
  if (!isRecord(content) || !Array.isArray(content.rules)) {
    log.add(path, 'must be a mapping with a "rules" list');
    return undefined;
  }
  checkKnownKeys(content, ['rules'], path, log);
  const rules: SeasonalHoursRule[] = [];
  content.rules.forEach((rule: unknown, i) => {
    const where = `${path}: rules[${i}]`;
    if (!isRecord(rule)) {
      log.add(where, 'must be a mapping');
      return;
    }
    checkKnownKeys(rule, ['name', 'countries', 'hijriMonth', 'hours', 'source'], where, log);
    const name = requiredText(rule, 'name', where, log);
    const source = requiredText(rule, 'source', where, log);
    const hours = parseHours(rule.hours, where, log);
    const countries = rule.countries;
    const validCountries =
      Array.isArray(countries) &&
      countries.length > 0 &&
      countries.every((country) => parseCountryKey(String(country), where, log));
    if (!Array.isArray(countries) || countries.length === 0)
      log.add(where, '"countries" must be a non-empty list');
    const month = rule.hijriMonth;
    const validMonth = typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= 12;
    if (!validMonth) log.add(where, '"hijriMonth" must be 1 (Muharram) to 12 (Dhu al-Hijjah); Ramadan is 9');
    if (name && source && hours && validCountries && validMonth) {
      rules.push({ name, countries: countries as string[], hijriMonth: month, hours, source });
    }
  });
  return rules;
}
