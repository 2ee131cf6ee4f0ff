import { planMeetings } from '../../src/cadences/domain/meeting-placement';
import { describeOverlapChange, findOverlapChanges, weeklyOverlap } from '../../src/cadences/domain/overlap';
import { localLabel } from './occurrence-view';
import { calendarsOf, person } from './real-calendars';

// The weeks when the US has changed clocks and the EU has not (spring), or the other way round
// (autumn): Mar 8–29 and Oct 25–Nov 1 2026, Mar 14–28 and Oct 31–Nov 7 2027.

const NY = 'America/New_York';
const WARSAW = 'Europe/Warsaw';
const labels = { [NY]: 'US', [WARSAW]: 'EU' };

describe('US–EU meeting with a Warsaw night team through the DST gap weeks of 2026 and 2027', () => {
  // 21:00–05:00 in Warsaw overlaps 15:00–17:00 in New York, and only 16:00–17:00 in gap weeks.
  const calendars = calendarsOf([
    person('jim', NY, 'US', 'client'),
    person('kasia', WARSAW, 'PL', 'vendor', { hours: ['21:00', '05:00'] }),
  ]);
  const { anchor, occurrences } = planMeetings({
    rule: {
      frequency: 'weekly',
      durationMinutes: 45,
      preferredWeekdays: ['tue'],
      holidayPolicy: 'shift',
      startsOn: '2026-01-05',
    },
    participants: calendars,
    organizerId: 'jim',
    range: { from: '2026-01-05', to: '2027-12-31' },
    zoneLabels: labels,
  });

  it('re-places exactly the gap-week occurrences at 16:00, naming both changes', () => {
    expect(anchor).toEqual({ weekday: 'tue', time: '15:30' });
    const dst = occurrences.filter((o) => o.adjustment?.reason.includes('moved clocks'));
    expect(dst.map((o) => [localLabel(o.scheduledAt, NY), o.adjustment?.reason])).toEqual([
      ['Tue 2026-03-10 16:00', 'US moved clocks on Mar 8 2026; EU on Mar 29 2026'],
      ['Tue 2026-03-17 16:00', 'US moved clocks on Mar 8 2026; EU on Mar 29 2026'],
      ['Tue 2026-03-24 16:00', 'US moved clocks on Mar 8 2026; EU on Mar 29 2026'],
      ['Tue 2026-10-27 16:00', 'EU moved clocks on Oct 25 2026; US on Nov 1 2026'],
      ['Tue 2027-03-16 16:00', 'US moved clocks on Mar 14 2027; EU on Mar 28 2027'],
      ['Tue 2027-03-23 16:00', 'US moved clocks on Mar 14 2027; EU on Mar 28 2027'],
      ['Tue 2027-11-02 16:00', 'EU moved clocks on Oct 31 2027; US on Nov 7 2027'],
    ]);
  });

  it('keeps 15:30 New York time in every other week, and never leaves anyone out of hours', () => {
    for (const o of occurrences) {
      expect(o.status).toBe('scheduled');
      expect(o.outOfHours).toEqual([]);
      if (o.adjustment === null) expect(localLabel(o.scheduledAt, NY)?.slice(15)).toBe('15:30');
    }
  });

  it('forecasts the shorter overlap of each gap', () => {
    const spring = weeklyOverlap({ calendars, organizerId: 'jim', from: '2026-02-23', weeks: 8 });
    const [change] = findOverlapChanges(spring, [NY, WARSAW], NY);
    expect(describeOverlapChange(change, labels)).toBe(
      'US moved clocks on Mar 8 2026; EU on Mar 29 2026: the overlap is 1 h instead of 2 h for three weeks',
    );
    const autumn = weeklyOverlap({ calendars, organizerId: 'jim', from: '2027-10-18', weeks: 5 });
    expect(describeOverlapChange(findOverlapChanges(autumn, [NY, WARSAW], NY)[0], labels)).toBe(
      'EU moved clocks on Oct 31 2027; US on Nov 7 2027: the overlap is 1 h instead of 2 h for one week',
    );
  });
});

describe('US–EU meeting with a Warsaw day team', () => {
  it('keeps New York time; Warsaw sees it an hour earlier in the gap weeks', () => {
    const calendars = calendarsOf([person('jim', NY, 'US', 'client'), person('ola', WARSAW, 'PL', 'vendor')]);
    const { occurrences } = planMeetings({
      rule: {
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: ['wed'],
        holidayPolicy: 'shift',
        startsOn: '2027-03-01',
        anchor: { weekday: 'wed', time: '09:30' },
      },
      participants: calendars,
      organizerId: 'jim',
      range: { from: '2027-03-08', to: '2027-04-04' },
    });
    expect(occurrences.map((o) => localLabel(o.scheduledAt, WARSAW))).toEqual([
      'Wed 2027-03-10 15:30',
      'Wed 2027-03-17 14:30',
      'Wed 2027-03-24 14:30',
      'Wed 2027-03-31 15:30',
    ]);
    expect(occurrences.every((o) => o.adjustment === null)).toBe(true);
  });
});
