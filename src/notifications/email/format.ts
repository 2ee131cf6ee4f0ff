import { DateTime } from 'luxon';

/** Locale used when the recipient's locale is malformed or unknown to this Node's ICU. */
export const FALLBACK_LOCALE = 'en';

export interface InstantFormatOptions {
  /** IANA zone of the reader, e.g. `Asia/Manila`. */
  zone: string;
  /** BCP 47 locale of the reader, e.g. `en-PH`. Falls back to `en`. */
  locale?: string | null;
}

/**
 * Returns a locale this process can format in, or `en`.
 *
 * Intl throws a RangeError on a malformed tag (`en_US`) and silently uses the
 * machine's default locale for a well-formed unknown one (`xx-YY`); both would
 * make an email depend on where it was rendered, so both fall back to `en`.
 */
export function resolveLocale(locale: string | null | undefined): string {
  if (!locale) return FALLBACK_LOCALE;
  try {
    const [supported] = Intl.DateTimeFormat.supportedLocalesOf([locale]);
    return supported ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

function toDateTime(instant: Date | DateTime): DateTime {
  return instant instanceof Date ? DateTime.fromJSDate(instant) : instant;
}

/**
 * Shows an instant in the reader's zone and locale, with the zone named twice:
 * the short name ICU has for that locale (`GMT+8`, `EDT`, `CET`), which the
 * reader recognises, and the IANA name, which is unambiguous.
 *
 * `formatInstant(2027-03-25T14:00Z, { zone: 'Asia/Manila', locale: 'en-PH' })`
 * → `Thu, Mar 25, 2027, 10:00 PM GMT+8 (Asia/Manila)`.
 *
 * ICU has no "PHT"-style abbreviation for many zones and we do not keep our own
 * table (abbreviations are ambiguous and offsets change), hence `GMT+8`.
 *
 * @throws when `zone` is not a valid IANA zone (Settings.throwOnInvalid).
 */
export function formatInstant(instant: Date | DateTime, options: InstantFormatOptions): string {
  const local = toDateTime(instant).setZone(options.zone).setLocale(resolveLocale(options.locale));
  const shown = local.toLocaleString({
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  // "UTC (UTC)" says nothing twice.
  return shown.endsWith(` ${options.zone}`) ? shown : `${shown} (${options.zone})`;
}

/**
 * Shows only the local time of an instant, zone named the same way:
 * `10:00 PM GMT+8 (Asia/Manila)`.
 */
export function formatLocalTime(instant: Date | DateTime, options: InstantFormatOptions): string {
  const local = toDateTime(instant).setZone(options.zone).setLocale(resolveLocale(options.locale));
  const shown = local.toLocaleString({ hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  return shown.endsWith(` ${options.zone}`) ? shown : `${shown} (${options.zone})`;
}

/**
 * Shows a calendar date (a holiday, a report period) in the reader's locale:
 * `formatLocalDate('2027-04-09', { locale: 'en-PH' })` → `Fri, Apr 9, 2027`.
 *
 * A local date has no zone; a `YYYY-MM-DD` string is read as that date, never
 * shifted through the machine's zone. A DateTime is shown as its own local date.
 */
export function formatLocalDate(date: string | DateTime, options: { locale?: string | null }): string {
  const local = typeof date === 'string' ? DateTime.fromISO(date, { zone: 'UTC' }) : date;
  return local.setLocale(resolveLocale(options.locale)).toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY);
}
