import type { CalendarData } from './calendar-data.types';
import { defaultWorkingHours, defaultWorkWeek } from './work-week';

const data: Pick<CalendarData, 'workWeeks'> = {
  workWeeks: {
    default: {
      workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
      hours: { start: '09:00', end: '17:00' },
      source: 'x',
    },
    countries: new Map([
      [
        'SA',
        {
          workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'] as const,
          hours: { start: '09:00', end: '17:00' },
          source: 'y',
        },
      ],
      [
        'PH',
        {
          workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
          hours: { start: '09:00', end: '18:00' },
          source: 'z',
        },
      ],
    ]),
  },
};

describe('default work weeks and hours', () => {
  it('gives listed countries their own and others the default', () => {
    expect(defaultWorkWeek(data, 'SA')).toEqual(['sun', 'mon', 'tue', 'wed', 'thu']);
    expect(defaultWorkWeek(data, 'US')).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(defaultWorkingHours(data, 'PH')).toEqual({ start: '09:00', end: '18:00' });
    expect(defaultWorkingHours(data, 'US')).toEqual({ start: '09:00', end: '17:00' });
  });

  it('hands out copies of the hours', () => {
    const hours = defaultWorkingHours(data, 'PH');
    hours.start = '10:00';
    expect(defaultWorkingHours(data, 'PH').start).toBe('09:00');
  });
});
