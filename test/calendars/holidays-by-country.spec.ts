import { createHolidayCalendar } from '../../src/calendars/domain/holiday-calendar';
import { holidayLabel, type Holiday } from '../../src/calendars/domain/holiday.types';
import { listHolidays } from '../../src/calendars/domain/holiday-listing';
import { datesBetween } from '../../src/calendars/domain/local-date';
import { repoCalendarData } from './calendar-data.fixture';

// Real holidays of the countries Cadence's vendors and clients sit in, computed from
// date-holidays plus the overlays in config/holidays, as a person's calendar sees them.

const holidays = createHolidayCalendar({ data: repoCalendarData() });

function labelsOn(country: string, region: string | null, date: string): string[] {
  return holidays.on(country, region, date).map(holidayLabel);
}

function offDates(country: string, region: string | null, from: string, to: string): string[] {
  return datesBetween(from, to).filter((date) => holidays.on(country, region, date).length > 0);
}

function onlyHoliday(country: string, region: string | null, date: string): Holiday {
  const found = holidays.on(country, region, date);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('Philippines', () => {
  it('closes for Holy Week 2027: Maundy Thursday and Good Friday', () => {
    expect(labelsOn('PH', null, '2027-03-24')).toEqual([]);
    expect(labelsOn('PH', null, '2027-03-25')).toEqual(['Maundy Thursday (PH)']);
    expect(labelsOn('PH', null, '2027-03-26')).toEqual(['Good Friday (PH)']);
    expect(labelsOn('PH', null, '2027-03-27')).toEqual(['Easter Saturday (PH)']); // Black Saturday, a special day
  });

  it('counts the special non-working days the yearly proclamation declares', () => {
    expect(labelsOn('PH', null, '2027-08-21')).toEqual(['Ninoy Aquino Day (PH)']);
    expect(labelsOn('PH', null, '2027-12-24')).toEqual(['Christmas Eve (PH)']);
  });
});

describe('India', () => {
  it('has Diwali from the central government list in 2026 and from the almanac in 2027', () => {
    expect(onlyHoliday('IN', null, '2026-11-08')).toMatchObject({
      name: 'Diwali',
      tentative: false,
      localName: 'दीपावली',
    });
    expect(onlyHoliday('IN', null, '2027-10-29')).toMatchObject({ name: 'Diwali', tentative: true });
    expect(labelsOn('IN', null, '2027-10-29')).toEqual(['Diwali (IN, tentative)']);
    expect(labelsOn('IN', null, '2027-10-28')).toEqual([]);
  });

  it('has Holi on 22 March 2027 and Eid computed from the Hijri calendar', () => {
    expect(labelsOn('IN', null, '2027-03-22')).toEqual(['Holi (IN, tentative)']);
    // Umm al-Qura 1 Shawwal 1448 is 9 March; India sights the moon a day later.
    expect(labelsOn('IN', null, '2027-03-10')).toEqual(['Eid al-Fitr (IN, tentative)']);
    expect(labelsOn('IN', null, '2027-05-17')).toEqual(['Eid al-Adha (IN, tentative)']);
    // Announced on the 2026 central government list: not tentative.
    expect(onlyHoliday('IN', null, '2026-03-21')).toMatchObject({ name: 'Eid al-Fitr', tentative: false });
  });

  it('has Diwali and Holi every year from 2025 to 2032', () => {
    for (let year = 2025; year <= 2032; year++) {
      const names = listHolidays(holidays, {
        country: 'IN',
        region: null,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
      }).map((holiday) => holiday.name);
      expect(names).toEqual(expect.arrayContaining(['Diwali', 'Holi', 'Eid al-Fitr', 'Eid al-Adha']));
    }
  });
});

describe('Saudi Arabia and Egypt', () => {
  it('closes Saudi private-sector offices four days for each Eid of 2027, tentatively', () => {
    expect(offDates('SA', null, '2027-03-01', '2027-03-31')).toEqual([
      '2027-03-09',
      '2027-03-10',
      '2027-03-11',
      '2027-03-12',
    ]);
    expect(offDates('SA', null, '2027-05-10', '2027-05-25')).toEqual([
      '2027-05-15',
      '2027-05-16',
      '2027-05-17',
      '2027-05-18',
    ]);
    expect(labelsOn('SA', null, '2027-03-10')).toEqual(['Eid al-Fitr (SA, tentative)']);
    expect(labelsOn('SA', null, '2027-05-15')).toEqual(['Eid al-Adha (SA, tentative)']);
  });

  it('starts Saudi Eid al-Fitr the day after 29 Ramadan even where date-holidays drifts (2032)', () => {
    expect(offDates('SA', null, '2032-01-10', '2032-01-20')).toEqual([
      '2032-01-14',
      '2032-01-15',
      '2032-01-16',
      '2032-01-17',
    ]);
  });

  it('closes Egypt for Eid al-Fitr (1–3 Shawwal) and for Arafat plus three days of Eid al-Adha', () => {
    expect(offDates('EG', null, '2027-03-01', '2027-03-31')).toEqual([
      '2027-03-09',
      '2027-03-10',
      '2027-03-11',
    ]);
    expect(offDates('EG', null, '2027-05-10', '2027-05-25')).toEqual([
      '2027-05-15',
      '2027-05-16',
      '2027-05-17',
      '2027-05-18',
    ]);
    expect(onlyHoliday('EG', null, '2027-05-16')).toMatchObject({
      id: 'EG-2027-05-15-eid-al-adha',
      tentative: true,
      localName: 'عيد الأضحى',
    });
    expect(labelsOn('EG', null, '2027-05-15')).toEqual(['Eid al-Adha (EG, tentative)']);
  });
});

describe('China and Viet Nam', () => {
  it('closes China for the four statutory days of Spring Festival 2027', () => {
    expect(offDates('CN', null, '2027-01-30', '2027-02-15')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    expect(labelsOn('CN', null, '2027-02-08')).toEqual(['Spring Festival (CN)']);
  });

  it('keeps Chinese offices open on the half-day observances and closes for two days of Labour Day', () => {
    for (const date of ['2027-03-08', '2027-05-04', '2027-06-01', '2027-08-01'])
      expect(labelsOn('CN', null, date)).toEqual([]);
    expect(offDates('CN', null, '2027-04-30', '2027-05-05')).toEqual(['2027-05-01', '2027-05-02']);
  });

  it('closes Viet Nam for five days of Tết 2027, each listed once', () => {
    expect(offDates('VN', null, '2027-01-30', '2027-02-15')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
    ]);
    expect(labelsOn('VN', null, '2027-02-06')).toEqual(['Vietnamese New Year Holidays (VN)']);
  });
});

describe('United States', () => {
  it('has Thanksgiving on the fourth Thursday of November', () => {
    expect(labelsOn('US', null, '2027-11-25')).toEqual(['Thanksgiving Day (US)']);
    expect(labelsOn('US', null, '2027-11-26')).toEqual([]); // the day after is an observance only
  });

  it('observes Independence Day 2027 (a Sunday) on Monday 5 July', () => {
    expect(labelsOn('US', null, '2027-07-05')).toEqual(['Independence Day (substitute day) (US)']);
    expect(labelsOn('US', null, '2026-07-03')).toEqual(['Independence Day (substitute day) (US)']); // 4 July 2026 is a Saturday
  });
});

describe('United Kingdom', () => {
  it('has the English bank holidays of 2027, with substitutes for a weekend Christmas', () => {
    expect(offDates('GB', 'ENG', '2027-01-01', '2027-12-31')).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-25',
      '2027-12-26',
      '2027-12-27',
      '2027-12-28',
    ]);
  });

  it('gives Scotland its own: 2 January, early August, St Andrew’s Day, and no Easter Monday', () => {
    expect(labelsOn('GB', 'SCT', '2027-01-04')).toEqual(['January 2nd (substitute day) (GB-SCT)']);
    expect(labelsOn('GB', 'SCT', '2027-08-02')).toEqual(['Summer bank holiday (GB-SCT)']);
    expect(labelsOn('GB', 'SCT', '2027-11-30')).toEqual(['St Andrew’s Day (GB-SCT)']);
    expect(labelsOn('GB', 'SCT', '2027-03-29')).toEqual([]);
    expect(labelsOn('GB', 'ENG', '2027-08-02')).toEqual([]);
  });
});

describe('Poland', () => {
  it('has Corpus Christi, Independence Day and, since 2025, Christmas Eve', () => {
    expect(labelsOn('PL', null, '2027-05-27')).toEqual(['Corpus Christi (PL)']);
    expect(labelsOn('PL', null, '2027-11-11')).toEqual(['Independence Day (PL)']);
    expect(labelsOn('PL', null, '2027-12-24')).toEqual(['Christmas Eve (PL)']);
    expect(labelsOn('PL', null, '2024-12-24')).toEqual([]);
  });
});

describe('Colombia', () => {
  it('moves its Emiliani holidays to the following Monday', () => {
    expect(labelsOn('CO', null, '2027-01-11')).toEqual(['Epiphany (CO)']); // 6 January is a Wednesday
    expect(labelsOn('CO', null, '2027-01-06')).toEqual([]);
    expect(labelsOn('CO', null, '2027-03-22')).toEqual(['Saint Joseph (CO)']); // 19 March is a Friday
    expect(labelsOn('CO', null, '2027-08-16')).toEqual(['Assumption (CO)']);
    expect(labelsOn('CO', null, '2027-10-18')).toEqual(['Columbus Day (CO)']);
    expect(labelsOn('CO', null, '2027-11-15')).toEqual(['Independence of Cartagena (CO)']);
    expect(labelsOn('CO', null, '2027-07-20')).toEqual(['Independence Day (CO)']); // fixed, never moved
  });
});

describe('Australia', () => {
  it('gives each state its own holidays and leaves bank holidays to the banks', () => {
    expect(labelsOn('AU', 'AU-NSW', '2027-10-04')).toEqual(['Labour Day (AU-NSW)']);
    expect(labelsOn('AU', 'AU-VIC', '2027-10-04')).toEqual([]);
    expect(labelsOn('AU', 'AU-VIC', '2027-03-08')).toEqual(['Labour Day (AU-VIC)']);
    expect(labelsOn('AU', 'AU-VIC', '2027-11-02')).toEqual(['Melbourne Cup (AU-VIC)']);
    expect(labelsOn('AU', 'AU-NSW', '2027-08-02')).toEqual([]); // NSW Bank Holiday: type "bank"
    expect(labelsOn('AU', 'NSW', '2027-01-26')).toEqual(['Australia Day (AU)']);
  });
});
