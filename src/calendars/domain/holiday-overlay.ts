import type { LocalDate } from './calendar.types';
import type { OverlayHoliday } from './calendar-data.types';
import { fromHijri, toHijri } from './hijri';
import { isIslamicRule } from './islamic-rule';
import type { LibraryHolidaySource } from './library-holidays';
import { addDays, yearOf } from './local-date';

/** One occurrence of an overlay holiday in a Gregorian year. */
export interface OverlayOccurrence {
  holiday: OverlayHoliday;
  start: LocalDate;
  tentative: boolean;
}

/**
 * First date of a Hijri-dated holiday in one Hijri year. The day counts from the
 * month's first day, so day 30 of a 29-day month is the next month's first day (as in
 * date-holidays), and `offsetDays` then shifts it ("the day after 29 Ramadan").
 */
function hijriStart(month: number, day: number, offsetDays: number, hijriYear: number): LocalDate {
  return addDays(fromHijri({ year: hijriYear, month, day: 1 }), day - 1 + offsetDays);
}

/**
 * The occurrences of an overlay holiday whose first day falls in `year`: listed dates,
 * Hijri dates through the Umm al-Qura calendar (tentative unless announced for that
 * Hijri year), or a date-holidays rule.
 */
export function overlayOccurrences(
  holiday: OverlayHoliday,
  year: number,
  library: LibraryHolidaySource,
): OverlayOccurrence[] {
  const timing = holiday.timing;
  switch (timing.kind) {
    case 'dates':
      return timing.dates
        .filter((date) => yearOf(date) === year)
        .map((start) => ({ holiday, start, tentative: holiday.tentative }));
    case 'hijri': {
      // A Gregorian year overlaps two Hijri years (three in rare cases); look at both ends.
      const first = toHijri(`${year}-01-01`).year - 1;
      const last = toHijri(`${year}-12-31`).year;
      const out: OverlayOccurrence[] = [];
      for (let hijriYear = first; hijriYear <= last; hijriYear++) {
        const announced = timing.announced.get(hijriYear);
        const start = announced ?? hijriStart(timing.month, timing.day, timing.offsetDays, hijriYear);
        if (yearOf(start) === year) {
          out.push({ holiday, start, tentative: announced === undefined || holiday.tentative });
        }
      }
      return out;
    }
    case 'rule':
      return library.ruleOccurrences(timing.rule, year).map(({ start }) => ({
        holiday,
        start,
        tentative: holiday.tentative || isIslamicRule(timing.rule),
      }));
  }
}
