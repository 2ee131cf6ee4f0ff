import type { LocalDate } from './calendar.types';
import type { HolidayCalendar } from './holiday-calendar';
import { holidayLabel, type Holiday } from './holiday.types';

/** A holiday as the forecast endpoint and the operators' listing show it. */
export interface HolidayListing extends Holiday {
  /** "Eid al-Adha (EG, tentative)". */
  label: string;
}

/** Which holidays to list. */
export interface HolidayListingQuery {
  country: string;
  region: string | null;
  from: LocalDate;
  to: LocalDate;
}

/**
 * Holidays of a country (and region) with at least one day in `from`…`to`, by first
 * date, each with its id (for confirm / move), tentative flag and label.
 */
export function listHolidays(holidays: HolidayCalendar, query: HolidayListingQuery): HolidayListing[] {
  return holidays
    .between(query.country, query.region, query.from, query.to)
    .map((holiday) => ({ ...holiday, label: holidayLabel(holiday) }));
}
