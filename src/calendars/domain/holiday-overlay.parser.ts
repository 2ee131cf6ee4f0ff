import Holidays from 'date-holidays';
import type { LocalDate } from './calendar.types';
import type { HolidayOverlay, OverlayHoliday, OverlayRemoval, OverlayTiming } from './calendar-data.types';
import {
  checkKnownKeys,
  isRecord,
  requiredText,
  type ProblemLog,
  type SourceFile,
} from './calendar-data.problems';
import { canonicalRegion, isSupportedCountry } from './calendar-validation';
import { HOLIDAY_TYPES, type HolidayType } from './holiday.types';
import { isLocalDate } from './local-date';

const FILE_KEYS = ['country', 'holidays', 'remove'];
const HOLIDAY_KEYS = [
  'name',
  'localName',
  'type',
  'days',
  'regions',
  'replaces',
  'tentative',
  'dates',
  'hijri',
  'announced',
  'rule',
  'source',
];
const HIJRI_KEYS = ['month', 'day', 'offsetDays'];
const REMOVAL_KEYS = ['rule', 'source'];
const TIMING_KEYS = ['dates', 'hijri', 'rule'] as const;

function isInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
}

/** True when date-holidays' grammar accepts the rule (checked on a throwaway instance). */
function isLibraryRule(rule: string): boolean {
  try {
    return new Holidays().setHoliday(rule, { name: { en: 'check' }, type: 'public' });
  } catch {
    return false;
  }
}

function parseDates(value: unknown, where: string, log: ProblemLog): OverlayTiming | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    log.add(where, '"dates" must be a non-empty list of YYYY-MM-DD dates');
    return undefined;
  }
  const dates: LocalDate[] = [];
  value.forEach((date, i) => {
    if (!isLocalDate(date)) log.add(where, `dates[${i}] ${JSON.stringify(date)} is not a date (YYYY-MM-DD)`);
    else if (dates.includes(date)) log.add(where, `dates[${i}] ${date} is listed twice`);
    else dates.push(date);
  });
  return { kind: 'dates', dates };
}

function parseHijri(
  entry: Record<string, unknown>,
  where: string,
  log: ProblemLog,
): OverlayTiming | undefined {
  const hijri = entry.hijri;
  if (!isRecord(hijri)) {
    log.add(where, '"hijri" must be a mapping such as { month: 10, day: 1 }');
    return undefined;
  }
  checkKnownKeys(hijri, HIJRI_KEYS, `${where} hijri`, log);
  const { month, day } = hijri;
  const offsetDays = hijri.offsetDays ?? 0;
  let ok = true;
  if (!isInteger(month, 1, 12))
    ok = fail(log, where, 'hijri.month must be 1 (Muharram) to 12 (Dhu al-Hijjah)');
  if (!isInteger(day, 1, 30)) ok = fail(log, where, 'hijri.day must be 1 to 30');
  if (!isInteger(offsetDays, -3, 3))
    ok = fail(log, where, 'hijri.offsetDays must be an integer from -3 to 3');
  const announced = new Map<number, LocalDate>();
  if (entry.announced !== undefined) {
    if (!isRecord(entry.announced)) {
      ok = fail(log, where, '"announced" must map a Hijri year to the announced first date');
    } else {
      for (const [year, date] of Object.entries(entry.announced)) {
        if (!/^1[3-5]\d\d$/.test(year))
          ok = fail(log, where, `announced: ${year} is not a Hijri year (1300–1599)`);
        else if (!isLocalDate(date))
          ok = fail(log, where, `announced ${year}: ${JSON.stringify(date)} is not a date`);
        else announced.set(Number(year), date);
      }
    }
  }
  if (!ok || !isInteger(month, 1, 12) || !isInteger(day, 1, 30) || !isInteger(offsetDays, -3, 3))
    return undefined;
  return { kind: 'hijri', month, day, offsetDays, announced };
}

function fail(log: ProblemLog, where: string, message: string): false {
  log.add(where, message);
  return false;
}

function parseTiming(
  entry: Record<string, unknown>,
  where: string,
  log: ProblemLog,
): OverlayTiming | undefined {
  const present = TIMING_KEYS.filter((key) => entry[key] !== undefined);
  if (present.length !== 1) {
    log.add(where, 'needs exactly one of "dates", "hijri" or "rule"');
    return undefined;
  }
  if (entry.announced !== undefined && present[0] !== 'hijri')
    log.add(where, '"announced" only goes with "hijri"');
  switch (present[0]) {
    case 'dates':
      return parseDates(entry.dates, where, log);
    case 'hijri':
      return parseHijri(entry, where, log);
    case 'rule': {
      const rule = entry.rule;
      if (typeof rule === 'string' && isLibraryRule(rule)) return { kind: 'rule', rule };
      log.add(where, `"rule" ${JSON.stringify(rule)} is not a rule date-holidays understands`);
      return undefined;
    }
  }
}

function parseHoliday(
  country: string,
  value: unknown,
  where: string,
  origin: string,
  log: ProblemLog,
): OverlayHoliday | undefined {
  if (!isRecord(value)) {
    log.add(where, 'must be a mapping');
    return undefined;
  }
  const label = typeof value.name === 'string' ? `${where} (${value.name})` : where;
  checkKnownKeys(value, HOLIDAY_KEYS, label, log);
  const name = requiredText(value, 'name', label, log);
  const source = requiredText(value, 'source', label, log);
  const timing = parseTiming(value, label, log);
  const type = value.type ?? 'public';
  const days = value.days ?? 1;
  const tentative = value.tentative ?? false;
  const localName = value.localName ?? null;
  let ok = name !== undefined && source !== undefined && timing !== undefined;
  if (!HOLIDAY_TYPES.includes(type as HolidayType))
    ok = fail(log, label, `"type" must be one of ${HOLIDAY_TYPES.join(', ')}`);
  if (!isInteger(days, 1, 31)) ok = fail(log, label, '"days" must be a whole number of days from 1 to 31');
  if (typeof tentative !== 'boolean') ok = fail(log, label, '"tentative" must be true or false');
  if (localName !== null && typeof localName !== 'string')
    ok = fail(log, label, '"localName" must be a string');
  const replaces = value.replaces === undefined ? [] : stringList(value.replaces);
  if (replaces === null) ok = fail(log, label, '"replaces" must be a list of date-holidays rule strings');
  let regions: string[] | null = null;
  if (value.regions !== undefined) {
    const listed = stringList(value.regions);
    if (listed === null || listed.length === 0)
      ok = fail(log, label, '"regions" must be a non-empty list of region codes');
    else {
      regions = [];
      for (const region of listed) {
        const canonical = canonicalRegion(country, region);
        if (canonical === null)
          ok = fail(log, label, `region ${JSON.stringify(region)} is not a region of ${country}`);
        else regions.push(canonical);
      }
    }
  }
  if (!ok || name === undefined || source === undefined || timing === undefined || replaces === null)
    return undefined;
  return {
    name,
    localName: localName as string | null,
    type: type as HolidayType,
    days: days as number,
    regions,
    replaces,
    tentative: tentative as boolean,
    timing,
    source,
    origin,
  };
}

function parseRemoval(
  value: unknown,
  where: string,
  origin: string,
  log: ProblemLog,
): OverlayRemoval | undefined {
  if (!isRecord(value)) {
    log.add(where, 'must be a mapping with "rule" and "source"');
    return undefined;
  }
  checkKnownKeys(value, REMOVAL_KEYS, where, log);
  const rule = requiredText(value, 'rule', where, log);
  const source = requiredText(value, 'source', where, log);
  return rule !== undefined && source !== undefined ? { rule, source, origin } : undefined;
}

/**
 * Validates one config/holidays/*.yaml file: `country`, `holidays` (each with exactly
 * one of `dates`, `hijri` or `rule`, and a `source:` line) and optional `remove`.
 * Returns undefined when the file is unusable; every problem goes to `log`.
 */
export function parseHolidayOverlayFile(file: SourceFile, log: ProblemLog): HolidayOverlay | undefined {
  const { path, content } = file;
  if (!isRecord(content)) {
    log.add(path, 'must be a mapping with "country" and "holidays"');
    return undefined;
  }
  checkKnownKeys(content, FILE_KEYS, path, log);
  const country = content.country;
  if (!isSupportedCountry(country)) {
    log.add(
      path,
      `"country" ${JSON.stringify(country)} is not an ISO 3166-1 alpha-2 code date-holidays supports`,
    );
    return undefined;
  }
  const holidays: OverlayHoliday[] = [];
  const removals: OverlayRemoval[] = [];
  const rawHolidays = content.holidays ?? [];
  const rawRemovals = content.remove ?? [];
  if (!Array.isArray(rawHolidays)) log.add(path, '"holidays" must be a list');
  else
    rawHolidays.forEach((entry, i) => {
      const parsed = parseHoliday(country, entry, `${path}: holidays[${i}]`, `${path}#holidays[${i}]`, log);
      if (parsed) holidays.push(parsed);
    });
  if (!Array.isArray(rawRemovals)) log.add(path, '"remove" must be a list');
  else
    rawRemovals.forEach((entry, i) => {
      const parsed = parseRemoval(entry, `${path}: remove[${i}]`, `${path}#remove[${i}]`, log);
      if (parsed) removals.push(parsed);
    });
  return { country, holidays, removals };
}
