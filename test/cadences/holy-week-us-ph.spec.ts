import { planMeetings } from '../../src/cadences/domain/meeting-placement';
import { planReportDueDates } from '../../src/cadences/domain/report-due';
import { describeMeeting, describeReport, localLabel } from './occurrence-view';
import { calendarsOf, person } from './real-calendars';

// Acme (New York) and Manila CX Partners, whose agents work a 21:00–06:00 night shift for
// US clients, across Holy Week 2027: Maundy Thursday (Mar 25) and Good Friday (Mar 26).

const NY = 'America/New_York';
const MANILA = 'Asia/Manila';
const [jim, maria] = calendarsOf([
  person('jim', NY, 'US', 'client'),
  person('maria', MANILA, 'PH', 'vendor', { hours: ['21:00', '06:00'] }),
]);
const range = { from: '2027-03-15', to: '2027-04-04' };

describe('US–PH weekly Thursday meeting across Holy Week 2027', () => {
  const weeklyThursday = (holidayPolicy: 'shift' | 'skip') =>
    planMeetings({
      rule: {
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: ['thu'],
        holidayPolicy,
        startsOn: '2027-03-01',
      },
      participants: [jim, maria],
      organizerId: 'jim',
      range,
    });

  it('moves the Maundy Thursday occurrence to the Wednesday of the same week, saying why', () => {
    const { anchor, occurrences } = weeklyThursday('shift');
    expect(anchor).toEqual({ weekday: 'thu', time: '12:30' });
    expect(occurrences.map((o) => describeMeeting(o, NY))).toEqual([
      {
        period: '2027-W11',
        at: 'Thu 2027-03-18 12:30',
        original: 'Thu 2027-03-18 12:30',
        status: 'scheduled',
        reason: null,
      },
      {
        period: '2027-W12',
        at: 'Wed 2027-03-24 12:30',
        original: 'Thu 2027-03-25 12:30',
        status: 'scheduled',
        reason: 'Maundy Thursday (PH)',
      },
      {
        period: '2027-W13',
        at: 'Thu 2027-04-01 12:30',
        original: 'Thu 2027-04-01 12:30',
        status: 'scheduled',
        reason: null,
      },
    ]);
    // 12:30 in New York is 00:30 the next morning in Manila: inside the night shift that
    // starts on the New York date, which is why Maundy Thursday's shift is the one that matters.
    expect(localLabel(occurrences[1].scheduledAt, MANILA)).toBe('Thu 2027-03-25 00:30');
    expect(occurrences[1].adjustment?.type).toBe('shifted');
  });

  it('skips it instead under the skip policy, with the same reason', () => {
    const { occurrences } = weeklyThursday('skip');
    expect(describeMeeting(occurrences[1], NY)).toEqual({
      period: '2027-W12',
      at: null,
      original: 'Thu 2027-03-25 12:30',
      status: 'skipped',
      reason: 'Maundy Thursday (PH)',
    });
  });

  it('moves the Good Friday status report back past Maundy Thursday to Wednesday, Manila time', () => {
    const reports = planReportDueDates({
      rule: {
        frequency: 'weekly',
        due: { weekday: 'fri', time: '17:00' },
        holidayPolicy: 'shift',
        startsOn: '2027-03-01',
      },
      vendor: calendarsOf([person('ana', MANILA, 'PH', 'vendor', { hours: ['09:00', '18:00'] })])[0],
      range,
    });
    expect(reports.map((o) => describeReport(o, MANILA))).toEqual([
      { period: '2027-W11', due: 'Fri 2027-03-19 17:00', status: 'pending', reason: null },
      { period: '2027-W12', due: 'Wed 2027-03-24 17:00', status: 'pending', reason: 'Good Friday (PH)' },
      { period: '2027-W13', due: 'Fri 2027-04-02 17:00', status: 'pending', reason: null },
    ]);
  });
});
