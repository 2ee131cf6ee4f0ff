import Holidays from 'date-holidays';
import { IANAZone } from 'luxon';

// Checks the API runs on people's calendar fields before anything is stored. The
// lists of countries and regions are date-holidays' own, so a country we accept is
// always one whose holidays we can compute.

const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

let registry: Holidays | undefined;
let countries: ReadonlySet<string> | undefined;
const regionsByCountry = new Map<string, ReadonlyMap<string, string>>();

function holidaysRegistry(): Holidays {
  registry ??= new Holidays();
  return registry;
}

/** ISO 3166-1 alpha-2 codes date-holidays knows, upper case (`PH`, `US`, …). */
function supportedCountries(): ReadonlySet<string> {
  countries ??= new Set(Object.keys(holidaysRegistry().getCountries()));
  return countries;
}

/** True for an upper-case ISO 3166-1 alpha-2 code that date-holidays supports. */
export function isSupportedCountry(code: unknown): code is string {
  return typeof code === 'string' && supportedCountries().has(code);
}

/** Upper-cased region code -> date-holidays' own spelling, for one country. */
function regionsOf(country: string): ReadonlyMap<string, string> {
  let regions = regionsByCountry.get(country);
  if (!regions) {
    const states = isSupportedCountry(country) ? (holidaysRegistry().getStates(country) ?? {}) : {};
    regions = new Map(Object.keys(states).map((code) => [code.toUpperCase(), code]));
    regionsByCountry.set(country, regions);
  }
  return regions;
}

/**
 * The library's spelling of a region (a date-holidays "state", ISO 3166-2 subdivision
 * for most countries), or null when the country has no such region. Accepts `NSW`,
 * `nsw` and the full ISO 3166-2 form `AU-NSW`.
 */
export function canonicalRegion(country: string, region: string): string | null {
  const upper = region.trim().toUpperCase();
  const bare = upper.startsWith(`${country}-`) ? upper.slice(country.length + 1) : upper;
  return regionsOf(country).get(bare) ?? null;
}

/** True when `region` names a region of `country` that date-holidays supports. */
export function isSupportedRegion(country: string, region: unknown): region is string {
  return typeof region === 'string' && canonicalRegion(country, region) !== null;
}

/** True for a wall-clock time written `HH:mm`, 00:00 to 23:59. */
export function isValidLocalTime(value: unknown): value is string {
  return typeof value === 'string' && LOCAL_TIME.test(value);
}

/** True for an IANA zone name that this Node's time-zone database knows (Luxon's check). */
export function isIanaZone(value: unknown): value is string {
  return typeof value === 'string' && IANAZone.isValidZone(value);
}
