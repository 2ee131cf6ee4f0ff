import { DateTime } from 'luxon';
import type { Weekday } from '../../calendars/domain/calendar.types';
import { createHolidayCalendar } from '../../calendars/domain/holiday-calendar';
import { createSeasonalHours } from '../../calendars/domain/seasonal-hours';
import { createWorkingCalendar } from '../../calendars/domain/working-calendar';
import { digestSlot, dueDigestSlot, nextDigestSlot, type DigestPreference } from './digest-schedule';

const holidays = createHolidayCalendar({
  data: { holidayTypes: { default: ['public'], countries: new Map() }, overlays: new Map() },
});

function reader(
  timeZone: string,
  country: string,
  workWeek: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'],
) {
  return createWorkingCalendar(
    {
      personId: `exec-${country}`,
      timeZone,
      country,
      region: null,
      workWeek,
      workingHours: { start: '09:00', end: '17:00' },
      side: 'client',
      timeOff: [],
    },
    { holidays, seasonalHours: createSeasonalHours([]), blackouts: [] },
  );
}

const MONDAY_8: DigestPreference = { weekday: 'mon', time: '08:00' };
const newYork = reader('America/New_York', 'US');
const london = reader('Europe/London', 'GB');
const singapore = reader('Asia/Singapore', 'SG');
const local = (at: DateTime, zone: string) => at.setZone(zone).toFormat('ccc yyyy-MM-dd HH:mm');
const never = () => false;

describe('digestSlot', () => {
  it('is Monday 08:00 in the reader’s own zone', () => {
    expect(digestSlot('2027-W10', MONDAY_8, newYork).at.toISO()).toBe('2027-03-08T13:00:00.000Z');
    expect(digestSlot('2027-W10', MONDAY_8, london).at.toISO()).toBe('2027-03-08T08:00:00.000Z');
    expect(digestSlot('2027-W10', MONDAY_8, singapore).at.toISO()).toBe('2027-03-08T00:00:00.000Z');
  });

  it('follows the reader’s clock across DST: 08:00 New York is 13:00 UTC before and 12:00 UTC after', () => {
    expect(digestSlot('2027-W11', MONDAY_8, newYork).at.toISO()).toBe('2027-03-15T12:00:00.000Z');
  });

  it('reads a time the autumn clock change repeats as its first occurrence, and one it skips as after the gap', () => {
    // Sunday 7 November 2027: New York falls back at 02:00 EDT, so 01:30 happens twice.
    const sunday = (time: string) => digestSlot('2027-W44', { weekday: 'sun', time }, newYork).at.toISO();
    expect(sunday('01:30')).toBe('2027-11-07T05:30:00.000Z');
    // Sunday 14 March 2027: 02:30 does not exist; it is read as 03:30 EDT, as the planner does.
    expect(digestSlot('2027-W10', { weekday: 'sun', time: '02:30' }, newYork).at.toISO()).toBe(
      '2027-03-14T07:30:00.000Z',
    );
  });

  it('moves to Tuesday 08:00 when Monday is Memorial Day or Labor Day', () => {
    const memorial = digestSlot('2027-W22', MONDAY_8, newYork);
    expect(local(memorial.at, 'America/New_York')).toBe('Tue 2027-06-01 08:00');
    expect(memorial.movedFor).toMatch(/Memorial Day/);
    expect(local(digestSlot('2027-W36', MONDAY_8, newYork).at, 'America/New_York')).toBe(
      'Tue 2027-09-07 08:00',
    );
  });

  it('moves past a run of holidays to the next working day: Easter Monday in London', () => {
    // Good Friday 26 March, Easter Monday 29 March 2027.
    expect(local(digestSlot('2027-W13', MONDAY_8, london).at, 'Europe/London')).toBe('Tue 2027-03-30 08:00');
  });

  it('keeps a chosen day outside the work week: the reader asked for it', () => {
    const sunday = digestSlot('2027-W10', { weekday: 'sun', time: '18:00' }, newYork);
    expect(local(sunday.at, 'America/New_York')).toBe('Sun 2027-03-14 18:00');
    expect(sunday.movedFor).toBeNull();
  });

  it('skips a Friday–Saturday weekend for a Sunday–Thursday reader', () => {
    // Saudi National Day, Thursday 23 September 2027: the Thursday digest goes out on Sunday.
    const riyadh = reader('Asia/Riyadh', 'SA', ['sun', 'mon', 'tue', 'wed', 'thu']);
    const slot = digestSlot('2027-W38', { weekday: 'thu', time: '08:00' }, riyadh);
    expect(local(slot.at, 'Asia/Riyadh')).toBe('Sun 2027-09-26 08:00');
    expect(slot.movedFor).toMatch(/National Day/);
  });
});

describe('nextDigestSlot', () => {
  it('is this week’s slot before it and next week’s after it', () => {
    const before = DateTime.fromISO('2027-03-08T12:59:59Z');
    expect(nextDigestSlot(before, MONDAY_8, newYork, never).isoWeek).toBe('2027-W10');
    const at = DateTime.fromISO('2027-03-08T13:00:00Z');
    expect(nextDigestSlot(at, MONDAY_8, newYork, never)).toMatchObject({ isoWeek: '2027-W11' });
  });

  it('never gives a week already sent: a later slot chosen the same week waits for next week', () => {
    const afterSend = DateTime.fromISO('2027-03-08T14:00:00Z');
    const tuesday: DigestPreference = { weekday: 'tue', time: '08:00' };
    expect(nextDigestSlot(afterSend, tuesday, newYork, never).isoWeek).toBe('2027-W10');
    const next = nextDigestSlot(afterSend, tuesday, newYork, (week) => week === '2027-W10');
    expect(local(next.at, 'America/New_York')).toBe('Tue 2027-03-16 08:00');
  });

  it('lands on the Tuesday after Memorial Day', () => {
    const sunday = DateTime.fromISO('2027-05-30T12:00:00Z');
    const next = nextDigestSlot(sunday, MONDAY_8, newYork, never);
    expect(next.isoWeek).toBe('2027-W22');
    expect(next.at.toISO()).toBe('2027-06-01T12:00:00.000Z');
  });

  it('crosses the ISO year: Monday 4 January 2027 is week 1; Friday 1 January is week 53 of 2026', () => {
    const newYearsEve = DateTime.fromISO('2026-12-31T12:00:00Z');
    const friday: DigestPreference = { weekday: 'fri', time: '08:00' };
    // New Year's Day is a holiday: the Friday digest of 2026-W53 moves to Monday 4 January,
    // where week 1 has its own digest later that week, so week 53's goes out on Monday.
    const next = nextDigestSlot(newYearsEve, friday, newYork, never);
    expect(next.isoWeek).toBe('2026-W53');
    expect(local(next.at, 'America/New_York')).toBe('Mon 2027-01-04 08:00');
    expect(nextDigestSlot(newYearsEve, MONDAY_8, newYork, never).isoWeek).toBe('2027-W01');
  });

  it('moves a Friday digest over Christmas and New Year observed to the Mondays after', () => {
    // 2027: Christmas and New Year's Day fall on Saturdays, observed on Fridays 24 and 31 December.
    const friday: DigestPreference = { weekday: 'fri', time: '08:00' };
    const from = DateTime.fromISO('2027-12-20T00:00:00Z');
    const christmas = nextDigestSlot(from, friday, newYork, never);
    expect([christmas.isoWeek, local(christmas.at, 'America/New_York')]).toEqual([
      '2027-W51',
      'Mon 2027-12-27 08:00',
    ]);
    const newYear = nextDigestSlot(christmas.at, friday, newYork, (w) => w === '2027-W51');
    expect([newYear.isoWeek, local(newYear.at, 'America/New_York')]).toEqual([
      '2027-W52',
      'Mon 2028-01-03 08:00',
    ]);
  });

  it('drops a week whose holiday move reaches the next week’s slot: one digest per week, the fresher one', () => {
    // Memorial Day, then time off to the next Monday: the W22 digest would look for a working
    // day until Tuesday 8 June, after W23's own Monday slot (time off alone moves nothing).
    const away = createWorkingCalendar(
      {
        personId: 'away',
        timeZone: 'America/New_York',
        country: 'US',
        region: null,
        workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
        workingHours: { start: '09:00', end: '17:00' },
        side: 'client',
        timeOff: [{ start: '2027-06-01', end: '2027-06-07' }],
      },
      { holidays, seasonalHours: createSeasonalHours([]), blackouts: [] },
    );
    const next = nextDigestSlot(DateTime.fromISO('2027-05-30T00:00:00Z'), MONDAY_8, away, never);
    expect([next.isoWeek, local(next.at, 'America/New_York')]).toEqual(['2027-W23', 'Mon 2027-06-07 08:00']);
  });
});

describe('dueDigestSlot', () => {
  it('is the slot that has just come', () => {
    const now = DateTime.fromISO('2027-03-08T13:00:00Z');
    expect(dueDigestSlot(now, '2027-W10', MONDAY_8, newYork, never)?.isoWeek).toBe('2027-W10');
  });

  it('after an outage, only the freshest missed week goes out', () => {
    const now = DateTime.fromISO('2027-03-23T09:00:00Z');
    expect(dueDigestSlot(now, '2027-W10', MONDAY_8, newYork, never)?.isoWeek).toBe('2027-W12');
  });

  it('is null when the reader moved their slot later than the stored one', () => {
    const now = DateTime.fromISO('2027-03-08T13:00:00Z');
    expect(dueDigestSlot(now, '2027-W10', { weekday: 'wed', time: '08:00' }, newYork, never)).toBeNull();
  });

  it('is null when this week’s digest already went out', () => {
    const now = DateTime.fromISO('2027-03-08T13:00:00Z');
    expect(dueDigestSlot(now, '2027-W10', MONDAY_8, newYork, (w) => w === '2027-W10')).toBeNull();
  });
});
