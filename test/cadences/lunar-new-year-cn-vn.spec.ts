import { planMeetings } from '../../src/cadences/domain/meeting-placement';
import { planReportDueDates } from '../../src/cadences/domain/report-due';
import { describeMeeting, describeReport } from './occurrence-view';
import { calendarsOf, person } from './real-calendars';

// A London client with teams in Shanghai and Hanoi around the Lunar New Year 2027 (Feb 6):
// Spring Festival Feb 5–8 in China, Tết holidays Feb 5–9 in Vietnam.

const LONDON = 'Europe/London';
const calendars = calendarsOf([
  person('alice', LONDON, 'GB', 'client'),
  person('wei', 'Asia/Shanghai', 'CN', 'vendor', { hours: ['09:00', '18:00'] }),
  person('lan', 'Asia/Ho_Chi_Minh', 'VN', 'vendor', { hours: ['08:00', '17:00'] }),
]);
const weekly = (weekday: 'mon' | 'fri') =>
  planMeetings({
    rule: {
      frequency: 'weekly',
      durationMinutes: 45,
      preferredWeekdays: [weekday],
      holidayPolicy: 'shift',
      startsOn: '2027-01-04',
    },
    participants: calendars,
    organizerId: 'alice',
    range: { from: '2027-02-01', to: '2027-02-14' },
  });

describe('Lunar New Year week with CN and VN vendors', () => {
  it('moves a Monday meeting past both holidays to Wednesday', () => {
    const { anchor, occurrences } = weekly('mon');
    // All three share only 09:00–10:00 London.
    expect(anchor).toEqual({ weekday: 'mon', time: '09:00' });
    expect(occurrences.map((o) => describeMeeting(o, LONDON))).toEqual([
      {
        period: '2027-W05',
        at: 'Mon 2027-02-01 09:00',
        original: 'Mon 2027-02-01 09:00',
        status: 'scheduled',
        reason: null,
      },
      {
        period: '2027-W06',
        at: 'Wed 2027-02-10 09:00',
        original: 'Mon 2027-02-08 09:00',
        status: 'scheduled',
        reason: 'Spring Festival (CN); Vietnamese New Year Holidays (VN)',
      },
    ]);
  });

  it('moves a Friday meeting to Thursday', () => {
    const { occurrences } = weekly('fri');
    expect(describeMeeting(occurrences[0], LONDON)).toMatchObject({
      at: 'Thu 2027-02-04 09:00',
      original: 'Fri 2027-02-05 09:00',
      reason: 'Spring Festival (CN); Vietnamese New Year Holidays (VN)',
    });
  });

  it("moves the Hanoi team's Monday report back to the Thursday before Tết", () => {
    const [, tet] = planReportDueDates({
      rule: {
        frequency: 'weekly',
        due: { weekday: 'mon', time: '10:00' },
        holidayPolicy: 'shift',
        startsOn: '2027-01-04',
      },
      vendor: calendars[2],
      range: { from: '2027-02-01', to: '2027-02-14' },
    });
    expect(describeReport(tet, 'Asia/Ho_Chi_Minh')).toEqual({
      period: '2027-W06',
      due: 'Thu 2027-02-04 10:00',
      status: 'pending',
      reason: 'Vietnamese New Year Holidays (VN)',
    });
  });
});
