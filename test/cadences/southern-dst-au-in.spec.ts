import { planMeetings } from '../../src/cadences/domain/meeting-placement';
import { describeMeeting, localLabel } from './occurrence-view';
import { calendarsOf, person } from './real-calendars';

// Sydney (DST from the first Sunday of October to the first Sunday of April) and Bengaluru
// (no DST): the common window is 2.5 h in the southern winter and 1.5 h in its summer.

const SYDNEY = 'Australia/Sydney';
const calendars = calendarsOf([
  person('liam', SYDNEY, 'AU', 'client'),
  person('divya', 'Asia/Kolkata', 'IN', 'vendor', { hours: ['10:00', '19:00'] }),
]);
const plan = (startsOn: string, from: string, to: string) =>
  planMeetings({
    rule: {
      frequency: 'weekly',
      durationMinutes: 60,
      preferredWeekdays: ['wed'],
      holidayPolicy: 'shift',
      startsOn,
    },
    participants: calendars,
    organizerId: 'liam',
    range: { from, to },
    zoneLabels: { [SYDNEY]: 'AU', 'Asia/Kolkata': 'IN' },
  });

describe('AU–IN weekly meeting across southern-hemisphere DST', () => {
  it('re-places a winter anchor when Sydney moves its clocks forward in October', () => {
    const { anchor, occurrences } = plan('2027-06-07', '2027-09-20', '2027-12-08');
    // Winter window 14:30–17:00 Sydney: starts 14:30–16:00, centred on 15:15.
    expect(anchor).toEqual({ weekday: 'wed', time: '15:15' });
    const [lastWinter, firstSummer, ...rest] = occurrences.slice(1);
    expect(describeMeeting(lastWinter, SYDNEY)).toEqual({
      period: '2027-W39',
      at: 'Wed 2027-09-29 15:15',
      original: 'Wed 2027-09-29 15:15',
      status: 'scheduled',
      reason: null,
    });
    // 15:15 AEDT is 09:45 in Bengaluru, before the team starts: the nearest fit is 15:30.
    expect(describeMeeting(firstSummer, SYDNEY)).toEqual({
      period: '2027-W40',
      at: 'Wed 2027-10-06 15:30',
      original: 'Wed 2027-10-06 15:15',
      status: 'scheduled',
      reason: 'AU moved clocks on Oct 3 2027',
    });
    expect(localLabel(firstSummer.scheduledAt, 'Asia/Kolkata')).toBe('Wed 2027-10-06 10:00');
    // Months later the reason still names the change that moved the window.
    expect(rest.at(-1)!.adjustment).toEqual({ type: 'shifted', reason: 'AU moved clocks on Oct 3 2027' });
  });

  it('keeps a summer anchor through the April change, the Indian side an hour later', () => {
    const { anchor, occurrences } = plan('2027-02-01', '2027-03-29', '2027-04-18');
    expect(anchor).toEqual({ weekday: 'wed', time: '15:45' });
    expect(
      occurrences.map((o) => [
        localLabel(o.scheduledAt, SYDNEY),
        localLabel(o.scheduledAt, 'Asia/Kolkata'),
        o.adjustment,
      ]),
    ).toEqual([
      ['Wed 2027-03-31 15:45', 'Wed 2027-03-31 10:15', null],
      ['Wed 2027-04-07 15:45', 'Wed 2027-04-07 11:15', null],
      ['Tue 2027-04-13 15:45', 'Tue 2027-04-13 11:15', { type: 'shifted', reason: 'Ambedkar Jayanti (IN)' }],
    ]);
  });
});
