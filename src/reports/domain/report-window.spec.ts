import { DateTime } from 'luxon';
import { editableUntil, isLate } from './report-window';

const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });

describe('isLate', () => {
  const due = at('2027-03-26T09:00:00Z');
  it('is on time up to the due time plus grace, and late after', () => {
    expect(isLate(at('2027-03-26T09:00:00Z'), due, 0)).toBe(false);
    expect(isLate(at('2027-03-26T09:00:01Z'), due, 0)).toBe(true);
    expect(isLate(at('2027-03-26T10:00:00Z'), due, 60)).toBe(false);
    expect(isLate(at('2027-03-26T10:00:01Z'), due, 60)).toBe(true);
  });
});

describe('editableUntil', () => {
  it('is the next report’s due time when it is planned', () => {
    expect(
      editableUntil({
        dueAt: at('2027-03-26T09:00:00Z'),
        nextDueAt: at('2027-04-01T09:00:00Z'),
        frequency: 'weekly',
        zone: 'Asia/Manila',
      }).toISO(),
    ).toBe('2027-04-01T09:00:00.000Z');
  });

  it('is one period later in the vendor’s calendar otherwise, keeping the local time across DST', () => {
    // 17:00 in Warsaw on Fri 2027-03-26 is 16:00Z; clocks go forward on Sun 2027-03-28.
    const due = at('2027-03-26T16:00:00Z');
    const weekly = editableUntil({ dueAt: due, nextDueAt: null, frequency: 'weekly', zone: 'Europe/Warsaw' });
    expect(weekly.toISO()).toBe('2027-04-02T15:00:00.000Z');
    expect(weekly.setZone('Europe/Warsaw').toFormat('ccc HH:mm')).toBe('Fri 17:00');
    expect(
      editableUntil({ dueAt: due, nextDueAt: null, frequency: 'biweekly', zone: 'Europe/Warsaw' }).toISO(),
    ).toBe('2027-04-09T15:00:00.000Z');
    expect(
      editableUntil({ dueAt: due, nextDueAt: null, frequency: 'monthly', zone: 'Europe/Warsaw' }).toISO(),
    ).toBe('2027-04-26T15:00:00.000Z');
  });
});
