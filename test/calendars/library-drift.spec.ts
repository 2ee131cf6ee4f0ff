import Holidays from 'date-holidays';
import { slugify } from '../../src/calendars/domain/holiday-id';
import { createHolidayCalendar } from '../../src/calendars/domain/holiday-calendar';
import { isIslamicRule } from '../../src/calendars/domain/islamic-rule';
import { sharedLibraryHolidays } from '../../src/calendars/domain/library-holidays';
import { datesBetween } from '../../src/calendars/domain/local-date';
import { repoCalendarData } from './calendar-data.fixture';

// Guards against date-holidays upgrades silently changing what our overlays assume.
// When one of these fails, read the library's changelog and revisit config/holidays.

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032];
const HEBREW_RULE =
  /\d{1,2} (?:Nisan|Iyyar|Sivan|Tamuz|Av|Elul|Tishrei|Cheshvan|Kislev|Tevet|Shvat|AdarII|Adar)\b/;
const library = sharedLibraryHolidays();
const data = repoCalendarData();

describe('date-holidays as our overlays expect it', () => {
  it('still lacks Diwali, Holi and Eid for India (issue #137), so the IN overlay adds no duplicate', () => {
    for (const year of YEARS) {
      const names = library.holidays('IN', null, year).map((holiday) => holiday.name);
      expect(names.filter((name) => /diwali|deepavali|holi\b|eid|id-ul|bakrid/i.test(name))).toEqual([]);
    }
  });

  it('still has every entry an overlay replaces or removes', () => {
    for (const [country, overlay] of data.overlays) {
      const rules = new Set(
        YEARS.flatMap((year) => library.holidays(country, null, year).map((holiday) => holiday.rule)),
      );
      const expected = [
        ...overlay.holidays.flatMap((holiday) => holiday.replaces),
        ...overlay.removals.map((r) => r.rule),
      ];
      expect({ country, missing: expected.filter((rule) => !rules.has(rule)) }).toEqual({
        country,
        missing: [],
      });
    }
  });

  it('writes every evening-start holiday with an Islamic or a Hebrew month, so none escapes the tentative flag', () => {
    const countries = Object.keys(new Holidays().getCountries());
    const unknown: string[] = [];
    for (const country of countries) {
      const entries = new Holidays(country, { timezone: 'UTC' }).getHolidays(2027);
      for (const entry of entries) {
        if (/ [+-]\d{4}$/.test(entry.date) && !isIslamicRule(entry.rule) && !HEBREW_RULE.test(entry.rule)) {
          unknown.push(`${country}: ${entry.rule}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('never lists the same holiday twice on one day in the countries we overlay', () => {
    const holidays = createHolidayCalendar({ data });
    for (const country of data.overlays.keys()) {
      for (const date of datesBetween('2025-01-01', '2032-12-31')) {
        const slugs = holidays.on(country, null, date).map((holiday) => slugify(holiday.name));
        if (new Set(slugs).size !== slugs.length) throw new Error(`${country} ${date}: ${slugs.join(', ')}`);
      }
    }
  });
});
