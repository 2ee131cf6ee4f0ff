import type { CalendarData, HolidayOverlay, OverlayHoliday } from './calendar-data.types';
import { createHolidayCalendar } from './holiday-calendar';
import type { HolidayType } from './holiday.types';

type HolidayData = Pick<CalendarData, 'holidayTypes' | 'overlays'>;

function overlayHoliday(
  fields: Partial<OverlayHoliday> & Pick<OverlayHoliday, 'name' | 'timing'>,
): OverlayHoliday {
  return {
    localName: null,
    type: 'public',
    days: 1,
    regions: null,
    replaces: [],
    tentative: false,
    source: 'test',
    origin: 'test.yaml#holidays[0]',
    ...fields,
  };
}

function data(overlays: HolidayOverlay[] = [], countryTypes: [string, HolidayType[]][] = []): HolidayData {
  return {
    holidayTypes: { default: ['public'], countries: new Map(countryTypes) },
    overlays: new Map(overlays.map((overlay) => [overlay.country, overlay])),
  };
}

const names = (list: readonly { name: string }[]): string[] => list.map((holiday) => holiday.name);

describe('holiday calendar', () => {
  it('counts only the holiday types configured to close offices', () => {
    const publicOnly = createHolidayCalendar({ data: data() });
    expect(publicOnly.on('PH', null, '2027-08-21')).toEqual([]); // Ninoy Aquino Day, a special non-working day
    const withSpecialDays = createHolidayCalendar({ data: data([], [['PH', ['public', 'optional']]]) });
    expect(names(withSpecialDays.on('PH', null, '2027-08-21'))).toEqual(['Ninoy Aquino Day']);
    expect(publicOnly.on('US', null, '2027-02-14')).toEqual([]); // Valentine's Day is an observance
  });

  it('expands multi-day holidays to every date of the span', () => {
    const calendar = createHolidayCalendar({ data: data() });
    for (const date of ['2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12']) {
      expect(names(calendar.on('SA', null, date))).toEqual(['End of Ramadan (Eid al-Fitr)']);
    }
    expect(calendar.on('SA', null, '2027-03-13')).toEqual([]);
    expect(calendar.on('SA', null, '2027-03-08')).toEqual([]); // the eve does not count
  });

  it('marks Islamic-calendar holidays tentative and gives them stable ids', () => {
    const [eid] = createHolidayCalendar({ data: data() }).on('PH', null, '2027-05-16');
    expect(eid).toMatchObject({
      id: 'PH-2027-05-16-feast-of-the-sacrifice-eid-al-adha',
      tentative: true,
      confirmed: false,
      source: 'date-holidays',
    });
    const [maundy] = createHolidayCalendar({ data: data() }).on('PH', null, '2027-03-25');
    expect(maundy).toMatchObject({ name: 'Maundy Thursday', tentative: false });
  });

  it('adds overlay holidays and drops the library entries they replace', () => {
    const overlay: HolidayOverlay = {
      country: 'EG',
      holidays: [
        overlayHoliday({
          name: 'Eid al-Adha',
          timing: { kind: 'hijri', month: 12, day: 9, offsetDays: 0, announced: new Map() },
          days: 4,
          replaces: ['10 Dhu al-Hijjah P4D'],
        }),
      ],
      removals: [{ rule: '06-30', source: 'test', origin: 'test.yaml#remove[0]' }],
    };
    const calendar = createHolidayCalendar({ data: data([overlay]) });
    const span = calendar.between('EG', null, '2027-05-14', '2027-05-20');
    expect(span.map((h) => [h.name, h.start, h.end, h.tentative])).toEqual([
      ['Eid al-Adha', '2027-05-15', '2027-05-18', true],
    ]);
    expect(calendar.on('EG', null, '2027-05-19')).toEqual([]);
    expect(calendar.on('EG', null, '2027-06-30')).toEqual([]);
  });

  it('never lists the same holiday twice on a day', () => {
    const overlay: HolidayOverlay = {
      country: 'US',
      holidays: [
        overlayHoliday({ name: 'Thanksgiving Day', timing: { kind: 'dates', dates: ['2027-11-25'] } }),
      ],
      removals: [],
    };
    const calendar = createHolidayCalendar({ data: data([overlay]) });
    const thanksgiving = calendar.on('US', null, '2027-11-25');
    expect(names(thanksgiving)).toEqual(['Thanksgiving Day']);
    expect(thanksgiving[0].source).toBe('test'); // the overlay wins over the library
  });

  it('takes announced Hijri dates as firm and computed ones as tentative', () => {
    const overlay: HolidayOverlay = {
      country: 'IN',
      holidays: [
        overlayHoliday({
          name: 'Eid al-Fitr',
          timing: {
            kind: 'hijri',
            month: 10,
            day: 1,
            offsetDays: 1,
            announced: new Map([[1447, '2026-03-21']]),
          },
        }),
      ],
      removals: [],
    };
    const calendar = createHolidayCalendar({ data: data([overlay]) });
    expect(calendar.on('IN', null, '2026-03-21')[0]).toMatchObject({ name: 'Eid al-Fitr', tentative: false });
    expect(calendar.on('IN', null, '2027-03-10')[0]).toMatchObject({ name: 'Eid al-Fitr', tentative: true });
  });

  it('applies an operator move and confirmation, keyed by the computed id', () => {
    const id = 'SA-2027-03-09-end-of-ramadan-eid-al-fitr';
    const moved = createHolidayCalendar({
      data: data(),
      adjustments: [{ holidayId: id, action: 'move', date: '2027-03-10' }],
    });
    expect(moved.on('SA', null, '2027-03-09')).toEqual([]);
    expect(moved.on('SA', null, '2027-03-13')[0]).toMatchObject({
      id,
      start: '2027-03-10',
      end: '2027-03-13',
      movedFrom: '2027-03-09',
      tentative: true,
    });
    const confirmed = createHolidayCalendar({
      data: data(),
      adjustments: [
        { holidayId: id, action: 'move', date: '2027-03-10' },
        { holidayId: id, action: 'confirm' },
      ],
    });
    expect(confirmed.byId(id)).toMatchObject({ start: '2027-03-10', tentative: false, confirmed: true });
  });

  it('follows a holiday moved across New Year', () => {
    const calendar = createHolidayCalendar({
      data: data(),
      adjustments: [{ holidayId: 'PH-2027-12-30-rizal-day', action: 'move', date: '2028-01-03' }],
    });
    expect(calendar.on('PH', null, '2027-12-30')).toEqual([]);
    expect(names(calendar.on('PH', null, '2028-01-03'))).toEqual(['Rizal Day']);
    expect(names(calendar.between('PH', null, '2028-01-02', '2028-01-04'))).toEqual(['Rizal Day']);
  });

  it('follows a holiday moved back across New Year', () => {
    const calendar = createHolidayCalendar({
      data: data(),
      adjustments: [{ holidayId: 'PH-2028-01-01-new-year-s-day', action: 'move', date: '2027-12-31' }],
    });
    expect(names(calendar.on('PH', null, '2027-12-31'))).toEqual(["New Year's Day"]);
    expect(calendar.on('PH', null, '2028-01-01')).toEqual([]);
    expect(names(calendar.between('PH', null, '2027-12-31', '2027-12-31'))).toEqual(["New Year's Day"]);
  });

  it('finds holidays by id, regional ones included', () => {
    const calendar = createHolidayCalendar({ data: data() });
    expect(calendar.byId('AU-NSW-2027-10-04-labour-day')).toMatchObject({
      region: 'NSW',
      name: 'Labour Day',
    });
    expect(calendar.byId('AU-2027-01-26-australia-day')).toMatchObject({ region: null });
    expect(calendar.byId('AU-2027-01-27-australia-day')).toBeUndefined();
    expect(calendar.byId('XX-2027-01-26-australia-day')).toBeUndefined();
    expect(calendar.byId('garbage')).toBeUndefined();
  });

  it('accepts ISO 3166-2 regions and refuses unknown places', () => {
    const calendar = createHolidayCalendar({ data: data() });
    expect(calendar.on('AU', 'AU-NSW', '2027-10-04')).toEqual(calendar.on('AU', 'NSW', '2027-10-04'));
    expect(() => calendar.on('XX', null, '2027-01-01')).toThrow(/No holiday data/);
    expect(() => calendar.on('AU', 'XX', '2027-01-01')).toThrow(/not a region of AU/);
  });

  it('answers the same for a region written with or without its country, and per region', () => {
    const calendar = createHolidayCalendar({ data: data() });
    expect(names(calendar.on('AU', 'NSW', '2027-10-04'))).toEqual(['Labour Day']);
    expect(calendar.on('AU', 'AU-NSW', '2027-10-04')).toEqual(calendar.on('AU', 'NSW', '2027-10-04'));
    expect(calendar.on('AU', null, '2027-10-04')).toEqual([]);
    expect(names(calendar.on('AU', null, '2027-01-26'))).toEqual(['Australia Day']);
    expect(() => calendar.on('AU', 'XX', '2027-10-04')).toThrow(RangeError);
  });
});
