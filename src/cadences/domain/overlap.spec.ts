import { testCalendar } from '../../../test/support/test-calendar';
import { describeOverlapChange, findOverlapChanges, formatMinutes, weeklyOverlap } from './overlap';

const newYork = testCalendar({ personId: 'am', zone: 'America/New_York', side: 'client' });
const warsawNight = testCalendar({
  personId: 'pl',
  zone: 'Europe/Warsaw',
  side: 'vendor',
  hours: { start: '21:00', end: '05:00' },
});
const labels = { 'America/New_York': 'US', 'Europe/Warsaw': 'EU' };

describe('overlap analysis', () => {
  const weeks = weeklyOverlap({
    calendars: [newYork, warsawNight],
    organizerId: 'am',
    from: '2027-03-01',
    weeks: 6,
  });

  it('measures the common window week by week in the organizer weeks', () => {
    expect(weeks.map((w) => [w.weekKey, w.minutes])).toEqual([
      ['2027-W09', 120],
      ['2027-W10', 120],
      ['2027-W11', 60],
      ['2027-W12', 60],
      ['2027-W13', 120],
      ['2027-W14', 120],
    ]);
    expect(weeks[0].days.map((d) => d.minutes)).toEqual([120, 120, 120, 120, 120, 0, 0]);
  });

  it('explains a shrinking window by the clock changes around it', () => {
    const changes = findOverlapChanges(weeks, ['America/New_York', 'Europe/Warsaw'], 'America/New_York');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      fromWeek: '2027-W11',
      toWeek: '2027-W12',
      weeks: 2,
      minutes: 60,
      usualMinutes: 120,
    });
    expect(describeOverlapChange(changes[0], labels)).toBe(
      'US moved clocks on Mar 14 2027; EU on Mar 28 2027: the overlap is 1 h instead of 2 h for two weeks',
    );
  });

  it('names seasonal hours and open-ended changes', () => {
    const london = testCalendar({ personId: 'am', zone: 'Europe/London', side: 'client' });
    const riyadh = testCalendar({
      personId: 'sa',
      zone: 'Asia/Riyadh',
      side: 'vendor',
      workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
      seasonalHours: (date) =>
        date >= '2027-02-08'
          ? { hours: { start: '09:00', end: '14:00' }, rule: 'Ramadan hours (SA)' }
          : undefined,
    });
    const ramadan = weeklyOverlap({
      calendars: [london, riyadh],
      organizerId: 'am',
      from: '2027-01-25',
      weeks: 4,
    });
    const [change] = findOverlapChanges(ramadan, ['Europe/London', 'Asia/Riyadh'], 'Europe/London');
    expect(describeOverlapChange(change)).toBe(
      'Ramadan hours (SA): the overlap is 2 h instead of 5 h from 2027-W06',
    );
  });

  it('formats durations briefly', () => {
    expect([0, 45, 60, 90].map(formatMinutes)).toEqual(['0 h', '45 min', '1 h', '1 h 30 min']);
  });
});
