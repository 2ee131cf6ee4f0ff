import { DateTime } from 'luxon';
import { testCalendar } from '../../../test/support/test-calendar';
import { calendarsOf, person } from '../../../test/cadences/real-calendars';
import { reportRequestAt, reportRequestAtMillis } from './report-request';

const manila = (offDates: string[] = []) =>
  testCalendar({
    personId: 'vendor',
    zone: 'Asia/Manila',
    workWeek: ['mon', 'tue', 'wed', 'thu', 'fri'],
    hours: { start: '09:00', end: '18:00' },
    side: 'vendor',
    off: Object.fromEntries(offDates.map((d) => [d, 'Holiday'])),
  });
const at = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });

describe('reportRequestAt', () => {
  it('asks one working day ahead at the same local time', () => {
    expect(reportRequestAt(manila(), at('2027-04-16T17:00:00+08:00'), 1).toISO()).toBe(
      '2027-04-15T09:00:00.000Z',
    );
  });

  it('skips a holiday and the weekend going back', () => {
    // Monday due; Friday 2027-04-09 is Araw ng Kagitingan.
    expect(reportRequestAt(manila(['2027-04-09']), at('2027-04-12T17:00:00+08:00'), 1).toISO()).toBe(
      '2027-04-08T09:00:00.000Z',
    );
  });

  it('moves a due time after hours inside the window, half an hour before the day ends', () => {
    expect(reportRequestAt(manila(), at('2027-04-16T20:00:00+08:00'), 1).toISO()).toBe(
      '2027-04-15T09:30:00.000Z',
    );
  });

  it('moves a due time before hours to the start of the window', () => {
    expect(reportRequestAt(manila(), at('2027-04-16T07:00:00+08:00'), 1).toISO()).toBe(
      '2027-04-15T01:00:00.000Z',
    );
  });

  it('counts several working days', () => {
    expect(reportRequestAt(manila(), at('2027-04-16T17:00:00+08:00'), 3).toISO()).toBe(
      '2027-04-13T09:00:00.000Z',
    );
  });

  it('asks at the due time itself with no lead', () => {
    expect(reportRequestAt(manila(), at('2027-04-16T17:00:00+08:00'), 0).toISO()).toBe(
      '2027-04-16T17:00:00.000+08:00',
    );
  });

  it('answers the same in milliseconds, for a test calendar and a real one', () => {
    const real = calendarsOf([
      person('vendor', 'Asia/Manila', 'PH', 'vendor', { hours: ['09:00', '18:00'] }),
    ])[0];
    const dues = ['2027-04-16T17:00:00+08:00', '2027-04-12T20:00:00+08:00', '2027-04-16T07:00:00+08:00'];
    for (const calendar of [manila(['2027-04-09']), real]) {
      for (const due of dues) {
        for (const lead of [0, 1, 3]) {
          expect(reportRequestAtMillis(calendar, at(due).toMillis(), lead)).toBe(
            reportRequestAt(calendar, at(due), lead).toMillis(),
          );
        }
      }
    }
  });

  it('falls back to whole days earlier when no working day is in reach', () => {
    const alwaysOff = testCalendar({
      personId: 'vendor',
      zone: 'Asia/Manila',
      workWeek: [],
      hours: { start: '09:00', end: '18:00' },
      side: 'vendor',
    });
    const due = at('2027-04-16T17:00:00+08:00');
    expect(reportRequestAt(alwaysOff, due, 2).toISO()).toBe('2027-04-14T17:00:00.000+08:00');
    expect(reportRequestAtMillis(alwaysOff, due.toMillis(), 2)).toBe(due.minus({ days: 2 }).toMillis());
  });
});
