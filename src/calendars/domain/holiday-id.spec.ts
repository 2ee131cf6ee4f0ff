import { holidayId, parseHolidayId, slugify } from './holiday-id';

describe('holiday ids', () => {
  it('slugs English names and keeps non-Latin ones distinct', () => {
    expect(slugify('Feast of the Sacrifice (Eid al-Adha)')).toBe('feast-of-the-sacrifice-eid-al-adha');
    expect(slugify('Virgin of Chiquinquirá')).toBe('virgin-of-chiquinquira');
    expect(slugify("King's Birthday")).toBe('king-s-birthday');
    expect(slugify('春节')).toMatch(/^h-[0-9a-f]{8}$/);
    expect(slugify('春节')).not.toBe(slugify('国庆节'));
  });

  it('builds ids from country, region, computed date and name, and parses them back', () => {
    expect(holidayId('EG', null, '2027-05-15', 'Eid al-Adha')).toBe('EG-2027-05-15-eid-al-adha');
    expect(holidayId('AU', 'NSW', '2027-08-02', 'Bank Holiday')).toBe('AU-NSW-2027-08-02-bank-holiday');
    expect(parseHolidayId('AU-NSW-2027-08-02-bank-holiday')).toEqual({
      country: 'AU',
      region: 'NSW',
      date: '2027-08-02',
      slug: 'bank-holiday',
    });
    expect(parseHolidayId('EG-2027-05-15-eid-al-adha')).toEqual({
      country: 'EG',
      region: null,
      date: '2027-05-15',
      slug: 'eid-al-adha',
    });
    expect(parseHolidayId('EG-2027-02-30-eid')).toBeNull();
    expect(parseHolidayId('nonsense')).toBeNull();
  });
});
