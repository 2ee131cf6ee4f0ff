import type { LocalDate } from './calendar.types';
import { isLocalDate } from './local-date';

const HOLIDAY_ID = /^([A-Z]{2})(?:-([A-Za-z0-9]+))?-(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** What a holiday id is made of. */
export interface HolidayIdParts {
  country: string;
  region: string | null;
  date: LocalDate;
  slug: string;
}

/** FNV-1a, for names with no Latin letters at all (a few holidays have no English name). */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Lower-case ASCII words joined by hyphens: "Día de la Raza (Columbus)" -> "dia-de-la-raza-columbus". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `h-${shortHash(name)}`;
}

/**
 * The stable id of a holiday: country, region (regional holidays only), the computed
 * first date and a slug of the English name, e.g. `EG-2027-05-15-eid-al-adha` or
 * `AU-NSW-2027-08-02-bank-holiday`.
 */
export function holidayId(
  country: string,
  region: string | null,
  computedStart: LocalDate,
  name: string,
): string {
  return [country, region, computedStart, slugify(name)].filter((part) => part !== null).join('-');
}

/** Splits a holiday id, or returns null when the string is not one. */
export function parseHolidayId(id: string): HolidayIdParts | null {
  const m = HOLIDAY_ID.exec(id);
  if (!m || !isLocalDate(m[3])) return null;
  return { country: m[1], region: m[2] ?? null, date: m[3], slug: m[4] };
}
