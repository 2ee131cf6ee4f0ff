import type { LocalDate } from './calendar.types';
import { fromDayNumber, toDayNumber } from './local-date';

// Gregorian <-> Hijri through ICU's Umm al-Qura calendar (Intl 'islamic-umalqura'),
// the official civil calendar of Saudi Arabia. Religious holidays follow moon
// sightings that can differ from it by a day, which is why holidays computed from
// here are marked tentative until an operator confirms them.

const DAY_MS = 86_400_000;
/** Day number (days since 1970-01-01) of 1 Muharram 1 AH in the tabular Islamic calendar. */
const TABULAR_EPOCH = -492_148;

/** A date of the Hijri calendar (month 1 = Muharram … 12 = Dhu al-Hijjah). */
export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

/** Month names as date-holidays spells them in its rules (index 0 = month 1). */
export const HIJRI_MONTHS = [
  'Muharram',
  'Safar',
  'Rabi al-awwal',
  'Rabi al-thani',
  'Jumada al-awwal',
  'Jumada al-thani',
  'Rajab',
  'Shaban',
  'Ramadan',
  'Shawwal',
  'Dhu al-Qidah',
  'Dhu al-Hijjah',
] as const;

let formatter: Intl.DateTimeFormat | undefined;
const monthStarts = new Map<string, number>();

function umalqura(): Intl.DateTimeFormat {
  if (!formatter) {
    const candidate = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    // A Node built with small-icu silently falls back to the Gregorian calendar.
    if (candidate.resolvedOptions().calendar !== 'islamic-umalqura') {
      throw new Error('This Node.js has no Umm al-Qura calendar (full ICU is required for Hijri dates)');
    }
    formatter = candidate;
  }
  return formatter;
}

function hijriOfDayNumber(dayNumber: number): HijriDate {
  // Noon UTC keeps the reading clear of any day boundary.
  const parts = umalqura().formatToParts(dayNumber * DAY_MS + DAY_MS / 2);
  const value = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day') };
}

/** The Umm al-Qura date of a Gregorian date. */
export function toHijri(date: LocalDate): HijriDate {
  return hijriOfDayNumber(toDayNumber(date));
}

function monthStart(year: number, month: number): number {
  const key = `${year}-${month}`;
  const cached = monthStarts.get(key);
  if (cached !== undefined) return cached;
  // The tabular calendar lands within a day or two of Umm al-Qura; walk to the exact start.
  const estimate =
    TABULAR_EPOCH + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + Math.ceil(29.5 * (month - 1));
  for (let delta = -5; delta <= 5; delta++) {
    const hijri = hijriOfDayNumber(estimate + delta);
    if (hijri.year === year && hijri.month === month && hijri.day === 1) {
      monthStarts.set(key, estimate + delta);
      return estimate + delta;
    }
  }
  throw new RangeError(`No Umm al-Qura date for 1/${month}/${year} AH`);
}

/** Days in a Hijri month (29 or 30) in the Umm al-Qura calendar. */
export function hijriMonthLength(year: number, month: number): number {
  const next = month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1);
  return next - monthStart(year, month);
}

/** The Gregorian date of an Umm al-Qura date; throws for a day the month does not have. */
export function fromHijri({ year, month, day }: HijriDate): LocalDate {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`Hijri month out of range: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > hijriMonthLength(year, month)) {
    throw new RangeError(`Hijri month ${month}/${year} has no day ${day}`);
  }
  return fromDayNumber(monthStart(year, month) + day - 1);
}
