import { createLibraryHolidaySource, libraryHolidayDate } from './library-holidays';

describe('date-holidays, reduced to whole local dates', () => {
  const library = createLibraryHolidaySource();

  it('puts evening-start holidays on their own day in both spellings', () => {
    expect(libraryHolidayDate('2027-03-09 00:00:00 -0600')).toBe('2027-03-09');
    expect(libraryHolidayDate('2027-03-08 18:00:00 -0600')).toBe('2027-03-09');
    expect(libraryHolidayDate('2027-12-31 18:00:00 -0600')).toBe('2028-01-01');
    expect(libraryHolidayDate('2027-03-08 12:00:00')).toBe('2027-03-08');
    expect(libraryHolidayDate('2027-01-01 00:00:00')).toBe('2027-01-01');
    expect(() => libraryHolidayDate('8 March 2027')).toThrow(/Unexpected date-holidays date/);
  });

  it('keeps multi-day spans, English names, local names and the Islamic flag', () => {
    const eid = library.holidays('SA', null, 2027).find((h) => h.rule === '30 Ramadan P4D');
    expect(eid).toMatchObject({
      start: '2027-03-09',
      days: 4,
      name: 'End of Ramadan (Eid al-Fitr)',
      localName: 'عيد الفطر',
      islamic: true,
      national: true,
    });
    const tet = library.holidays('VN', null, 2027).find((h) => h.name === 'Vietnamese New Year Holidays');
    expect(tet).toMatchObject({ start: '2027-02-05', days: 5, islamic: false });
  });

  it('gives English names however often a year is asked for', () => {
    // getHolidays(year, lang) grows the instance's language list on every call; we never pass one.
    const fresh = createLibraryHolidaySource();
    for (let year = 2025; year <= 2032; year++) fresh.holidays('EG', null, year);
    expect(fresh.holidays('EG', null, 2032).map((h) => h.name)).toContain('Sham El Nessim');
  });

  it('tells national holidays from regional ones', () => {
    const nsw = library.holidays('AU', 'NSW', 2027);
    expect(nsw.find((h) => h.name === 'Australia Day')?.national).toBe(true);
    expect(nsw.find((h) => h.name === 'Labour Day')?.national).toBe(false);
  });

  it('evaluates rules written in date-holidays grammar', () => {
    expect(library.ruleOccurrences('chinese 01-0-03 since 2025', 2027)).toEqual([
      { start: '2027-02-08', days: 1 },
    ]);
    expect(library.ruleOccurrences('chinese 01-0-03 since 2025', 2024)).toEqual([]);
    const libraryComplaint = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => library.ruleOccurrences('every blue moon', 2027)).toThrow(/does not understand/);
    libraryComplaint.mockRestore();
  });

  it('answers the same objects from its cache', () => {
    expect(library.holidays('PH', null, 2027)).toBe(library.holidays('PH', null, 2027));
  });
});
