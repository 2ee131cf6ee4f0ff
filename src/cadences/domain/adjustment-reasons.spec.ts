import { DateTime } from 'luxon';
import { testCalendar } from '../../../test/support/test-calendar';
import {
  dayOffHits,
  describeDayOffHits,
  describeDaysOff,
  describeNoCommonDay,
  type DayOffHit,
} from './adjustment-reasons';
import { createCalendarView } from './calendar-view';
import { fromEpochDay, toEpochDay } from './civil-date';

const ms = (iso: string): number => DateTime.fromISO(iso, { setZone: true }).toMillis();
const hit = (
  date: string,
  label: string,
  side: 'client' | 'vendor' = 'vendor',
  kind: 'holiday' | 'weekend' = 'holiday',
): DayOffHit => ({
  personId: side,
  side,
  day: toEpochDay(date),
  off: [{ kind, label }],
});

describe('adjustment reasons', () => {
  it('finds the holiday of the shift a night-shift slot belongs to', () => {
    const manila = createCalendarView(
      testCalendar({
        personId: 'ph',
        zone: 'Asia/Manila',
        side: 'vendor',
        hours: { start: '21:00', end: '06:00' },
        off: { '2027-03-25': 'Maundy Thursday (PH)' },
      }),
    );
    // Friday 00:30 in Manila is part of Thursday's shift, so Maundy Thursday is what blocks it.
    const hits = dayOffHits([manila], ms('2027-03-26T00:30:00+08:00'), ms('2027-03-26T01:15:00+08:00'));
    expect(hits.map((h) => [fromEpochDay(h.day), describeDayOffHits([h])])).toEqual([
      ['2027-03-25', 'Maundy Thursday (PH)'],
    ]);
    expect(dayOffHits([manila], ms('2027-03-24T22:00:00+08:00'), ms('2027-03-24T23:00:00+08:00'))).toEqual(
      [],
    );
  });

  it('names weekends by the side whose weekend they are', () => {
    expect(
      describeDayOffHits([
        hit('2027-03-26', 'Weekend', 'vendor', 'weekend'),
        hit('2027-03-27', 'Weekend', 'client', 'weekend'),
      ]),
    ).toBe('Weekend (vendor); Weekend (client)');
  });

  it('explains a week without a common day, each day off with the weekdays it covers', () => {
    const hits = [
      hit('2027-03-09', 'Eid al-Fitr (EG, tentative)'),
      hit('2027-03-10', 'Eid al-Fitr (EG, tentative)'),
      hit('2027-03-11', 'Eid al-Fitr (EG, tentative)'),
      hit('2027-03-12', 'Weekend', 'vendor', 'weekend'),
      hit('2027-03-13', 'Weekend', 'vendor', 'weekend'),
      hit('2027-03-08', 'Time off (Omar)'),
    ];
    expect(describeNoCommonDay('2027-W10', hits)).toBe(
      'no common working day in week 2027-W10: Time off (Omar) Mon, Eid al-Fitr (EG, tentative) Tue–Thu, Weekend (vendor) Fri–Sat',
    );
  });

  it('lists separate runs of the same day off', () => {
    expect(
      describeDaysOff('closed', [
        hit('2027-03-08', 'Strike'),
        hit('2027-03-10', 'Strike'),
        hit('2027-03-11', 'Strike'),
      ]),
    ).toBe('closed: Strike Mon and Wed–Thu');
    expect(describeDaysOff('closed', [])).toBe('closed');
  });
});
