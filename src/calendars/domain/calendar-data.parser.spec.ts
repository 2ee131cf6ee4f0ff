import { parseCalendarData, type CalendarDataSources } from './calendar-data.parser';
import { CalendarDataError } from './calendar-data.problems';

function sources(overrides: Partial<CalendarDataSources> = {}): CalendarDataSources {
  return {
    holidayOverlays: [],
    holidayTypes: {
      path: 'config/calendars/holiday-types.yaml',
      content: { default: { types: ['public'], source: 'x' } },
    },
    workWeeks: {
      path: 'config/calendars/work-weeks.yaml',
      content: {
        default: {
          workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
          hours: { start: '09:00', end: '17:00' },
          source: 'x',
        },
        countries: { SA: { workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'], source: 'y' } },
      },
    },
    seasonalHours: {
      path: 'config/calendars/seasonal-hours.yaml',
      content: {
        rules: [
          {
            name: 'Ramadan hours',
            countries: ['SA'],
            hijriMonth: 9,
            hours: { start: '09:00', end: '15:00' },
            source: 'z',
          },
        ],
      },
    },
    ...overrides,
  };
}

function problemsOf(input: CalendarDataSources): readonly string[] {
  try {
    parseCalendarData(input);
  } catch (error) {
    if (error instanceof CalendarDataError) return error.problems;
    throw error;
  }
  throw new Error('expected a CalendarDataError');
}

describe('calendar data validation', () => {
  it('accepts well-formed data and fills defaults', () => {
    const data = parseCalendarData(
      sources({
        holidayOverlays: [
          {
            path: 'config/holidays/in.yaml',
            content: {
              country: 'IN',
              holidays: [{ name: 'Diwali', dates: ['2027-10-29'], source: 'almanac' }],
            },
          },
        ],
      }),
    );
    expect(data.workWeeks.countries.get('SA')).toEqual({
      workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
      hours: { start: '09:00', end: '17:00' },
      source: 'y',
    });
    expect(data.overlays.get('IN')?.holidays[0]).toMatchObject({
      name: 'Diwali',
      type: 'public',
      days: 1,
      tentative: false,
      regions: null,
      timing: { kind: 'dates', dates: ['2027-10-29'] },
      origin: 'config/holidays/in.yaml#holidays[0]',
    });
  });

  it('names the file and entry of every bad overlay entry', () => {
    const problems = problemsOf(
      sources({
        holidayOverlays: [
          {
            path: 'config/holidays/in.yaml',
            content: {
              country: 'IN',
              holidays: [
                { name: 'Diwali', dates: ['2027-10-29', '2027-13-01'], source: 'almanac' },
                { name: 'Holi', dates: ['2027-03-22'] },
                { name: 'Eid al-Fitr', hijri: { month: 13, day: 1 }, source: 'x' },
                { name: 'Both', dates: ['2027-01-01'], rule: '01-01', source: 'x' },
                { name: 'Typo', dates: ['2027-01-01'], soruce: 'x', source: 'x' },
                { name: 'Regional', dates: ['2027-01-01'], regions: ['ZZ'], source: 'x' },
              ],
            },
          },
          { path: 'config/holidays/xx.yaml', content: { country: 'XX', holidays: [] } },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'config/holidays/in.yaml: holidays[0] (Diwali): dates[1] "2027-13-01" is not a date (YYYY-MM-DD)',
        'config/holidays/in.yaml: holidays[1] (Holi): "source" must be a non-empty string',
        'config/holidays/in.yaml: holidays[2] (Eid al-Fitr): hijri.month must be 1 (Muharram) to 12 (Dhu al-Hijjah)',
        'config/holidays/in.yaml: holidays[3] (Both): needs exactly one of "dates", "hijri" or "rule"',
        expect.stringContaining('config/holidays/in.yaml: holidays[4] (Typo): unknown key "soruce"'),
        'config/holidays/in.yaml: holidays[5] (Regional): region "ZZ" is not a region of IN',
        expect.stringContaining('config/holidays/xx.yaml: "country" "XX"'),
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('rejects a rule date-holidays cannot parse', () => {
    const libraryComplaint = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const problems = problemsOf(
      sources({
        holidayOverlays: [
          {
            path: 'config/holidays/cn.yaml',
            content: { country: 'CN', holidays: [{ name: 'Odd', rule: 'every blue moon', source: 'x' }] },
          },
        ],
      }),
    );
    libraryComplaint.mockRestore();
    expect(problems).toEqual([
      'config/holidays/cn.yaml: holidays[0] (Odd): "rule" "every blue moon" is not a rule date-holidays understands',
    ]);
  });

  it('names bad work weeks, hours, holiday types and seasonal rules', () => {
    const problems = problemsOf(
      sources({
        holidayTypes: {
          path: 'config/calendars/holiday-types.yaml',
          content: {
            default: { types: ['public'], source: 'x' },
            countries: { PH: { types: ['holiday'], source: 'x' } },
          },
        },
        workWeeks: {
          path: 'config/calendars/work-weeks.yaml',
          content: {
            default: { workWeek: ['mon'], hours: { start: '09:00', end: '17:00' }, source: 'x' },
            countries: {
              SA: { workWeek: ['sun', 'sun'], source: 'y' },
              PH: { workWeek: ['mon'], hours: { start: '9:00', end: '18:00' }, source: 'y' },
              ZZ: { workWeek: ['mon'], source: 'y' },
            },
          },
        },
        seasonalHours: {
          path: 'config/calendars/seasonal-hours.yaml',
          content: {
            rules: [
              {
                name: 'Ramadan hours',
                countries: ['SA'],
                hijriMonth: 0,
                hours: { start: '09:00', end: '15:00' },
                source: 'z',
              },
            ],
          },
        },
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^config\/calendars\/holiday-types\.yaml: countries\.PH: "types" must be/),
      expect.stringMatching(
        /^config\/calendars\/work-weeks\.yaml: countries\.SA: "workWeek" must list distinct weekdays/,
      ),
      expect.stringMatching(/^config\/calendars\/work-weeks\.yaml: countries\.PH: "hours" must be/),
      expect.stringMatching(/^config\/calendars\/work-weeks\.yaml: countries\.ZZ: "ZZ" is not/),
      expect.stringMatching(/^config\/calendars\/seasonal-hours\.yaml: rules\[0\]: "hijriMonth" must be/),
    ]);
  });

  it('merges overlays for one country spread over two files', () => {
    const data = parseCalendarData(
      sources({
        holidayOverlays: [
          {
            path: 'a.yaml',
            content: { country: 'CN', holidays: [{ name: 'A', dates: ['2027-01-02'], source: 'x' }] },
          },
          { path: 'b.yaml', content: { country: 'CN', remove: [{ rule: '06-01', source: 'y' }] } },
        ],
      }),
    );
    expect(data.overlays.get('CN')?.holidays).toHaveLength(1);
    expect(data.overlays.get('CN')?.removals).toEqual([
      { rule: '06-01', source: 'y', origin: 'b.yaml#remove[0]' },
    ]);
  });
});
