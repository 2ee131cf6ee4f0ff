import { addIsoWeeks, digestWeekOf, isoWeekOf, parseIsoWeek } from './iso-week';

describe('ISO weeks', () => {
  it('reads a real week and refuses malformed or non-existent ones', () => {
    expect(parseIsoWeek('2027-W10')).toEqual({ weekYear: 2027, weekNumber: 10 });
    expect(parseIsoWeek('2026-W53')).toEqual({ weekYear: 2026, weekNumber: 53 });
    for (const bad of ['2027-W53', '2027-W00', '2027-W1', '2027W10', '2027-w10', ' 2027-W10', '0999-W01', ''])
      expect(parseIsoWeek(bad)).toBeNull();
  });

  it('uses the week-year, not the calendar year', () => {
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });

  it('gives the Monday and Sunday of a week', () => {
    expect(digestWeekOf('2027-W44')).toEqual({ isoWeek: '2027-W44', start: '2027-11-01', end: '2027-11-07' });
    expect(() => digestWeekOf('2027-W53')).toThrow(RangeError);
  });

  it('adds weeks across a 53-week year', () => {
    expect(addIsoWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addIsoWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addIsoWeeks('2027-W01', -2)).toBe('2026-W52');
  });
});
