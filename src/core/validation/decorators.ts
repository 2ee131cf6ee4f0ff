import { ValidateBy, type ValidationOptions } from 'class-validator';
import { DateTime, IANAZone } from 'luxon';
import { WEEKDAYS } from '../../calendars/domain/calendar.types';

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An IANA zone name Luxon (and so Node's own tz database) knows, e.g. `Asia/Manila`. */
export function IsIanaZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaZone',
      validator: {
        // Offsets and abbreviations ("UTC+8", "EST") are not zones: they have no DST rules.
        validate: (value: unknown) =>
          typeof value === 'string' && value.includes('/') && IANAZone.isValidZone(value),
        defaultMessage: () => 'must be an IANA time zone such as Asia/Manila',
      },
    },
    options,
  );
}

/** A wall-clock time `HH:mm` from 00:00 to 23:59. */
export function IsLocalTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalTime',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && LOCAL_TIME.test(value),
        defaultMessage: () => 'must be a time HH:mm from 00:00 to 23:59',
      },
    },
    options,
  );
}

/** A real calendar date `YYYY-MM-DD`. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isLocalDate(value),
        defaultMessage: () => 'must be a date YYYY-MM-DD',
      },
    },
    options,
  );
}

/** An ISO-8601 instant with an explicit offset or `Z` (`2027-03-09T14:00:00Z`). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseInstant(value) !== null,
        defaultMessage: () => 'must be an ISO-8601 instant with a zone offset, e.g. 2027-03-09T14:00:00Z',
      },
    },
    options,
  );
}

/** A weekday as the API spells it: `mon` … `sun`. */
export function IsWeekday(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWeekday',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && (WEEKDAYS as readonly string[]).includes(value),
        defaultMessage: () => `must be one of ${WEEKDAYS.join(', ')}`,
      },
    },
    options,
  );
}

/** A non-empty list of distinct weekdays. */
export function IsWeekdayList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWeekdayList',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length > 0 &&
          value.every((day) => typeof day === 'string' && (WEEKDAYS as readonly string[]).includes(day)) &&
          new Set(value).size === value.length,
        defaultMessage: () => `must be a non-empty list of distinct weekdays (${WEEKDAYS.join(', ')})`,
      },
    },
    options,
  );
}

/** A BCP 47 locale tag Intl understands, e.g. `en-PH`. */
export function IsLocale(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocale',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= 35 && isLocale(value),
        defaultMessage: () => 'must be a locale tag such as en-PH',
      },
    },
    options,
  );
}

export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  try {
    // With Settings.throwOnInvalid, 2027-02-30 throws rather than rolling over.
    return DateTime.fromObject({ year, month, day }, { zone: 'utc' }).day === day;
  } catch {
    return false;
  }
}

/** Parses an instant that carries its own offset; null when it is not one. */
export function parseInstant(value: string): DateTime<true> | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  try {
    return DateTime.fromISO(value, { setZone: false, zone: 'utc' });
  } catch {
    return null;
  }
}

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}
