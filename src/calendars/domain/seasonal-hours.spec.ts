import type { SeasonalHoursRule } from './calendar-data.types';
import { createSeasonalHours } from './seasonal-hours';

const ramadan: SeasonalHoursRule = {
  name: 'Ramadan hours',
  countries: ['SA', 'EG'],
  hijriMonth: 9,
  hours: { start: '09:00', end: '15:00' },
  source: 'test',
};

describe('seasonal hours', () => {
  const seasonal = createSeasonalHours([ramadan]);

  it('covers Ramadan as the Umm al-Qura calendar has it each year', () => {
    // Ramadan 1448: 8 February to 8 March 2027 (29 days).
    expect(seasonal.on('SA', '2027-02-07')).toBeNull();
    expect(seasonal.on('SA', '2027-02-08')).toMatchObject({
      label: 'Ramadan hours (SA)',
      hours: { start: '09:00', end: '15:00' },
    });
    expect(seasonal.on('SA', '2027-03-08')).not.toBeNull();
    expect(seasonal.on('SA', '2027-03-09')).toBeNull();
    // Eleven days earlier in 2028 without anyone typing a date: 1 Ramadan 1449 = 28 January 2028.
    expect(seasonal.on('EG', '2028-01-28')?.label).toBe('Ramadan hours (EG)');
    expect(seasonal.on('EG', '2028-01-27')).toBeNull();
  });

  it('handles a Ramadan that straddles New Year (1453 AH, December 2031 – January 2032)', () => {
    expect(seasonal.on('SA', '2031-12-31')).not.toBeNull();
    expect(seasonal.on('SA', '2032-01-01')).not.toBeNull();
  });

  it('applies only to the listed countries', () => {
    expect(seasonal.on('US', '2027-02-15')).toBeNull();
    expect(seasonal.on('AE', '2027-02-15')).toBeNull();
  });
});
