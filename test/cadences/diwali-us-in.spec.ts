import { planMeetings } from '../../src/cadences/domain/meeting-placement';
import { describeMeeting, localLabel } from './occurrence-view';
import { calendarsOf, person } from './real-calendars';

// A New York client with a Pune team around Diwali (Fri Oct 29 2027, tentative; Sun Nov 8
// 2026) and the US fall-back on Nov 7 2027.

const NY = 'America/New_York';
const PUNE = 'Asia/Kolkata';

describe('US–IN weekly Friday meeting around Diwali', () => {
  it('moves the Diwali 2027 occurrence to Thursday with an evening-shift team', () => {
    const calendars = calendarsOf([
      person('jim', NY, 'US', 'client'),
      person('priya', PUNE, 'IN', 'vendor', { hours: ['14:00', '23:00'] }),
    ]);
    const { anchor, occurrences } = planMeetings({
      rule: {
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: ['fri'],
        holidayPolicy: 'shift',
        startsOn: '2027-10-01',
      },
      participants: calendars,
      organizerId: 'jim',
      range: { from: '2027-10-18', to: '2027-11-14' },
    });
    // Common window 09:00–13:30 New York (EDT): starts 09:00–12:45, centred on 10:45.
    expect(anchor).toEqual({ weekday: 'fri', time: '10:45' });
    expect(occurrences.map((o) => describeMeeting(o, NY))).toEqual([
      {
        period: '2027-W42',
        at: 'Fri 2027-10-22 10:45',
        original: 'Fri 2027-10-22 10:45',
        status: 'scheduled',
        reason: null,
      },
      {
        period: '2027-W43',
        at: 'Thu 2027-10-28 10:45',
        original: 'Fri 2027-10-29 10:45',
        status: 'scheduled',
        reason: 'Diwali (IN, tentative)',
      },
      {
        period: '2027-W44',
        at: 'Fri 2027-11-05 10:45',
        original: 'Fri 2027-11-05 10:45',
        status: 'scheduled',
        reason: null,
      },
      // After the US falls back the Pune side sees it an hour later, still inside 14:00–23:00.
      {
        period: '2027-W45',
        at: 'Fri 2027-11-12 10:45',
        original: 'Fri 2027-11-12 10:45',
        status: 'scheduled',
        reason: null,
      },
    ]);
    expect(localLabel(occurrences[2].scheduledAt, PUNE)).toBe('Fri 2027-11-05 20:15');
    expect(localLabel(occurrences[3].scheduledAt, PUNE)).toBe('Fri 2027-11-12 21:15');
  });

  it('is untouched by Diwali 2026, which falls on an Indian Sunday', () => {
    const calendars = calendarsOf([
      person('jim', NY, 'US', 'client'),
      person('priya', PUNE, 'IN', 'vendor', { hours: ['14:00', '23:00'] }),
    ]);
    const { occurrences } = planMeetings({
      rule: {
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: ['fri'],
        holidayPolicy: 'shift',
        startsOn: '2026-10-01',
        anchor: { weekday: 'fri', time: '10:45' },
      },
      participants: calendars,
      organizerId: 'jim',
      range: { from: '2026-11-02', to: '2026-11-15' },
    });
    expect(occurrences.map((o) => o.adjustment)).toEqual([null, null]);
  });

  it("rotates the burden with a day team, and never lands on the team's Diwali", () => {
    const calendars = calendarsOf([
      person('jim', NY, 'US', 'client'),
      person('ravi', PUNE, 'IN', 'vendor', { hours: ['09:00', '18:00'] }),
    ]);
    const plan = planMeetings({
      rule: {
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: ['fri'],
        holidayPolicy: 'shift',
        startsOn: '2027-10-01',
      },
      participants: calendars,
      organizerId: 'jim',
      range: { from: '2027-10-01', to: '2027-11-30' },
    });
    expect(plan.sharedHours).toBe(false);
    for (const o of plan.occurrences) {
      expect(o.status).toBe('scheduled');
      expect(o.outOfHours).toHaveLength(1);
      expect(localLabel(o.scheduledAt, PUNE)?.slice(4, 14)).not.toBe('2027-10-29');
    }
    const diwaliWeek = plan.occurrences.find((o) => o.periodKey === '2027-W43')!;
    expect(diwaliWeek.originalAt.setZone(PUNE).toISODate()).toBe('2027-10-29');
    expect(diwaliWeek.adjustment).toEqual({ type: 'shifted', reason: 'Diwali (IN, tentative)' });
    // Nine meetings: the sides have paid within one meeting's burden of each other.
    expect(Math.abs(plan.ledger.client - plan.ledger.vendor)).toBeLessThanOrEqual(
      Math.max(...plan.occurrences.flatMap((o) => o.outOfHours.map((x) => x.minutes))),
    );
  });
});
