import { DateTime } from 'luxon';
import { localWeekOf, snapshotInstant, weekDueAt } from './health-week';

const utc = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });

describe('localWeekOf', () => {
  it('cuts Monday to Monday in the given zone, named by ISO week-year', () => {
    // Sunday 3 January 2027 in New York is still ISO week 53 of 2026.
    const week = localWeekOf(utc('2027-01-04T03:00:00Z'), 'America/New_York');
    expect(week.key).toBe('2026-W53');
    expect(week.startDate).toBe('2026-12-28');
    expect(week.end.toISO()).toBe('2027-01-04T00:00:00.000-05:00');
  });

  it('gives the week the same instant falls in on the other side of the world', () => {
    const week = localWeekOf(utc('2027-01-04T03:00:00Z'), 'Asia/Manila');
    expect(week.key).toBe('2027-W01');
    expect(week.startDate).toBe('2027-01-04');
  });

  it('spans 167 hours in the week the clocks go forward', () => {
    const week = localWeekOf(utc('2027-03-10T12:00:00Z'), 'America/New_York');
    expect(week.end.diff(week.start, 'hours').hours).toBe(167);
  });
});

describe('snapshotInstant', () => {
  it('is the last millisecond of the week, so the snapshot belongs to the week it describes', () => {
    const week = localWeekOf(utc('2027-03-03T12:00:00Z'), 'Europe/London');
    const at = snapshotInstant(week);
    expect(at.toISO()).toBe('2027-03-07T23:59:59.999+00:00');
    expect(localWeekOf(at, 'Europe/London').key).toBe(week.key);
  });
});

describe('weekDueAt', () => {
  it('names the week that ended at the due instant', () => {
    const { week, ended } = weekDueAt(
      utc('2027-03-08T05:00:00Z'),
      'America/New_York',
      utc('2027-03-08T05:00:00Z'),
    );
    expect({ key: week.key, ended }).toEqual({ key: '2027-W09', ended: true });
  });

  it('says the week has not ended when the zone moved west since it was scheduled', () => {
    // Scheduled for a Manila Monday; the account manager is now in New York, where it is still Sunday.
    const { week, ended } = weekDueAt(
      utc('2027-03-07T16:00:00Z'),
      'America/New_York',
      utc('2027-03-07T16:00:00Z'),
    );
    expect({ key: week.key, ended }).toEqual({ key: '2027-W09', ended: false });
    expect(week.end.toUTC().toISO()).toBe('2027-03-08T05:00:00.000Z');
  });
});
