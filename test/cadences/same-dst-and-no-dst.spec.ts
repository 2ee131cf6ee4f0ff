import { planMeetings } from '../../src/cadences/domain/meeting-placement';
import { describeMeeting, localLabel } from './occurrence-view';
import { calendarsOf, person } from './real-calendars';

// Two pairs whose DST is simple: the UK and Poland change on the same days; Colombia never does.

describe('UK–PL weekly Monday meeting through Easter and both clock changes of 2027', () => {
  const calendars = calendarsOf([
    person('alice', 'Europe/London', 'GB', 'client', { hours: ['09:00', '17:30'] }),
    person('piotr', 'Europe/Warsaw', 'PL', 'vendor', { hours: ['08:00', '16:00'] }),
  ]);
  const { anchor, occurrences } = planMeetings({
    rule: {
      frequency: 'weekly',
      durationMinutes: 60,
      preferredWeekdays: ['mon'],
      holidayPolicy: 'shift',
      startsOn: '2027-03-01',
    },
    participants: calendars,
    organizerId: 'alice',
    range: { from: '2027-03-15', to: '2027-11-15' },
  });

  it('keeps the same local time on both sides all year', () => {
    // Common window 09:00–15:00 London: starts 09:00–14:00, centred on 11:30.
    expect(anchor).toEqual({ weekday: 'mon', time: '11:30' });
    for (const o of occurrences) {
      expect(localLabel(o.scheduledAt, 'Europe/London')?.slice(15)).toBe('11:30');
      expect(localLabel(o.scheduledAt, 'Europe/Warsaw')?.slice(15)).toBe('12:30');
    }
  });

  it('moves Monday holidays of either country to Tuesday, naming them', () => {
    const easter = occurrences.find((o) => o.periodKey === '2027-W13')!;
    expect(describeMeeting(easter, 'Europe/London')).toEqual({
      period: '2027-W13',
      at: 'Tue 2027-03-30 11:30',
      original: 'Mon 2027-03-29 11:30',
      status: 'scheduled',
      reason: 'Easter Monday (GB); Easter Monday (PL)',
    });
    expect(
      occurrences.filter((o) => o.adjustment !== null).map((o) => [o.periodKey, o.adjustment?.reason]),
    ).toEqual([
      ['2027-W13', 'Easter Monday (GB); Easter Monday (PL)'],
      ['2027-W18', 'Early May bank holiday (GB); Constitution Day (PL)'],
      ['2027-W22', 'Spring bank holiday (GB)'],
      // England's August bank holiday is regional, so a GB person without a region keeps it.
      ['2027-W44', "All Saints' Day (PL)"],
    ]);
  });
});

describe('US–CO weekly Thursday meeting: Colombia keeps its clocks', () => {
  const calendars = calendarsOf([
    person('jim', 'America/New_York', 'US', 'client'),
    person('camila', 'America/Bogota', 'CO', 'vendor', { hours: ['08:00', '17:00'] }),
  ]);
  const { occurrences } = planMeetings({
    rule: {
      frequency: 'weekly',
      durationMinutes: 45,
      preferredWeekdays: ['thu'],
      holidayPolicy: 'shift',
      startsOn: '2027-03-01',
      anchor: { weekday: 'thu', time: '10:00' },
    },
    participants: calendars,
    organizerId: 'jim',
    range: { from: '2027-03-01', to: '2027-04-04' },
  });

  it('keeps New York time while Bogotá sees it an hour earlier from Mar 14', () => {
    expect(occurrences.map((o) => localLabel(o.scheduledAt, 'America/Bogota'))).toEqual([
      'Thu 2027-03-04 10:00',
      'Thu 2027-03-11 10:00',
      'Thu 2027-03-18 09:00',
      'Wed 2027-03-24 09:00',
      'Thu 2027-04-01 09:00',
    ]);
  });

  it('moves Maundy Thursday, a Colombian holiday too, to Wednesday', () => {
    expect(describeMeeting(occurrences[3], 'America/New_York')).toMatchObject({
      original: 'Thu 2027-03-25 10:00',
      reason: 'Maundy Thursday (CO)',
    });
  });
});
