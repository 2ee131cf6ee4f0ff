import type { LocalDate } from './calendar.types';

/** date-holidays' holiday types; only some close offices (see config/calendars/holiday-types.yaml). */
export const HOLIDAY_TYPES = ['public', 'bank', 'optional', 'school', 'observance'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

/** One holiday as Cadence sees it: a span of whole local dates in one country (or region). */
export interface Holiday {
  /**
   * Stable id from country, region (regional holidays only), the computed first date and
   * a slug of the English name, e.g. `EG-2027-05-15-eid-al-adha`. An operator's move
   * does not change it.
   */
  id: string;
  country: string;
  /** Set when the holiday belongs to one region only (e.g. `NSW`); null for national holidays. */
  region: string | null;
  /** English name. */
  name: string;
  /** Name in the country's own language when the source has one that differs. */
  localName: string | null;
  type: HolidayType;
  /** First day off (after any operator move). */
  start: LocalDate;
  /** Last day off, included. */
  end: LocalDate;
  /** First day as computed from the rules, before any operator move. */
  computedStart: LocalDate;
  /** Computed rather than announced (Islamic calendar, almanac dates) and not yet confirmed. */
  tentative: boolean;
  /** An operator confirmed the date. */
  confirmed: boolean;
  /** The computed first date when an operator moved the holiday, else null. */
  movedFrom: LocalDate | null;
  /** A substitute ("observed") day for a holiday that fell on a weekend. */
  substitute: boolean;
  /** `date-holidays` or the overlay's `source:` line naming the authority. */
  source: string;
}

/** An operator's correction of a computed holiday, kept as plain data. */
export interface HolidayAdjustment {
  holidayId: string;
  /** `confirm` clears the tentative flag; `move` sets a new first date (the span keeps its length). */
  action: 'confirm' | 'move';
  /** The new first date, for `move`. */
  date?: LocalDate;
}

/**
 * The label people read, e.g. "Maundy Thursday (PH)", "Eid al-Adha (EG, tentative)",
 * "Bank Holiday (AU-NSW)".
 */
export function holidayLabel(holiday: Holiday): string {
  const place = holiday.region ? `${holiday.country}-${holiday.region}` : holiday.country;
  return `${holiday.name} (${place}${holiday.tentative ? ', tentative' : ''})`;
}
