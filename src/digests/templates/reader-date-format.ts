import { DateTime } from 'luxon';
import { resolveLocale } from '../../notifications/email/format';
import type { DigestReader } from '../domain/digest.model';

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };
const DAY_AND_TIME: Intl.DateTimeFormatOptions = {
  ...DAY,
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};
const RANGE: Intl.DateTimeFormatOptions = DateTime.DATE_MED;
const ZONE_NAME: Intl.DateTimeFormatOptions = { timeZoneName: 'longGeneric' };

// Building an Intl formatter costs far more than formatting with it, and a
// weekly run renders thousands of digests in a handful of locales and zones,
// all for the same week. These caches hold pure functions of their keys, so
// they cannot go stale; the cap only bounds a process that runs for years.
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
const STRINGS = new Map<string, string>();
const CACHE_CAP = 10_000;

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_CAP) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * Dates and times as one digest reader sees them: in their zone and locale.
 *
 * Shorter than `formatInstant` on purpose: a digest shows dozens of times, all
 * in the same zone, so the zone is named once at the top (`zoneName`) and each
 * time carries only the short name ICU has (`EDT`, `GMT+8`), which still tells
 * the two sides of a DST change apart. Years are left out: everything is
 * within a week or two of the digest, and the weekday disambiguates.
 *
 * Luxon reads the values (strictly: an invalid date throws); display goes
 * through cached Intl formatters, which is what Luxon would call anyway.
 */
export class ReaderDateFormat {
  readonly locale: string;
  readonly zone: string;

  constructor(reader: DigestReader) {
    this.locale = resolveLocale(reader.locale);
    this.zone = reader.zone;
  }

  /** A local date: `Fri, Oct 29` (en-US), `Fri 29 Oct` (en-GB). */
  day(localDate: string): string {
    return this.formatter('UTC', DAY, 'day').format(localDateMillis(localDate));
  }

  /** The reader's own date of an instant: `Mon, Oct 11`. */
  dayOf(instant: string): string {
    return this.formatter(this.zone, DAY, 'day').format(instantMillis(instant));
  }

  /** An instant in the reader's zone: `Fri, Oct 29, 7:30 AM EDT`. */
  dayAndTime(instant: string): string {
    return this.formatter(this.zone, DAY_AND_TIME, 'dayAndTime').format(instantMillis(instant));
  }

  /** A range of local dates: `Nov 1 – 7, 2027`, through Intl's range formatting. */
  range(start: string, end: string): string {
    return memo(STRINGS, `range|${this.locale}|${start}|${end}`, () =>
      this.formatter('UTC', RANGE, 'range').formatRange(localDateMillis(start), localDateMillis(end)),
    );
  }

  /** The zone as people say it, with its IANA name: `Eastern Time (America/New_York)`. */
  zoneName(): string {
    return memo(STRINGS, `zone|${this.locale}|${this.zone}`, () => {
      const parts = this.formatter(this.zone, ZONE_NAME, 'zoneName').formatToParts(0);
      const generic = parts.find((p) => p.type === 'timeZoneName')?.value;
      return generic && generic !== this.zone ? `${generic} (${this.zone})` : this.zone;
    });
  }

  private formatter(
    timeZone: string,
    options: Intl.DateTimeFormatOptions,
    name: string,
  ): Intl.DateTimeFormat {
    return memo(
      FORMATTERS,
      `${name}|${this.locale}|${timeZone}`,
      () => new Intl.DateTimeFormat(this.locale, { ...options, timeZone }),
    );
  }
}

// A local date has no zone: read it as that calendar date at UTC midnight and
// show it in UTC, so no zone can move it to the day before or after.
function localDateMillis(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).toMillis();
}

// Parsed in UTC: the instant is the same in any zone, and Luxon need not work out an offset.
function instantMillis(instant: string): number {
  return DateTime.fromISO(instant, { zone: 'UTC' }).toMillis();
}
