import type { WorkingCalendar } from '../../src/calendars/domain/calendar.types';
import { planMeetings } from '../../src/cadences/domain/meeting-placement';
import { planReportDueDates } from '../../src/cadences/domain/report-due';
import { describeMeeting, describeReport } from './occurrence-view';
import { calendarsOf, person } from './real-calendars';

// New York clients with Riyadh and Cairo teams that work Sunday–Thursday: a Friday–Saturday
// weekend, Eid al-Fitr (Mar 9–12 2027 in SA, Mar 9–11 in EG, tentative) and Ramadan hours.

const NY = 'America/New_York';
const year = { from: '2027-01-04', to: '2027-12-31' };

function weekdayIn(at: { setZone(zone: string): { weekday: number } }, zone: string): number {
  return at.setZone(zone).weekday;
}

function planYear(
  participants: WorkingCalendar[],
  preferred: ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[] = [],
) {
  return planMeetings({
    rule: {
      frequency: 'weekly',
      durationMinutes: 45,
      preferredWeekdays: preferred,
      holidayPolicy: 'shift',
      startsOn: year.from,
    },
    participants,
    organizerId: 'jim',
    range: year,
  });
}

describe.each([
  ['Riyadh', 'Asia/Riyadh', 'SA', ['08:00', '17:00'] as [string, string]],
  ['Cairo', 'Africa/Cairo', 'EG', ['09:00', '18:00'] as [string, string]],
])('US–%s with a Sunday–Thursday week', (_city, zone, country, hours) => {
  const calendars = calendarsOf([
    person('jim', NY, 'US', 'client', { hours: ['08:00', '17:00'] }),
    person('omar', zone, country, 'vendor', { workWeek: 'sun-thu', hours }),
  ]);
  const vendorCalendar = calendars[1];

  it('never places a meeting on a Friday or Saturday of the vendor, nor on any day off', () => {
    const plan = planYear(calendars, ['fri']);
    expect(plan.occurrences).toHaveLength(52);
    for (const o of plan.occurrences) {
      if (o.scheduledAt === null) continue;
      expect([5, 6]).not.toContain(weekdayIn(o.scheduledAt, zone));
      const vendorDay = vendorCalendar.day(o.scheduledAt.setZone(zone).toISODate());
      expect(vendorDay.off).toEqual([]);
    }
  });

  it('never lets a report fall due on the vendor weekend', () => {
    const reports = planReportDueDates({
      rule: {
        frequency: 'weekly',
        due: { weekday: 'fri', time: '12:00' },
        holidayPolicy: 'shift',
        startsOn: year.from,
      },
      vendor: vendorCalendar,
      range: year,
    });
    expect(reports).toHaveLength(52);
    for (const r of reports) {
      if (r.dueAt !== null) expect(weekdayIn(r.dueAt, zone)).not.toBeGreaterThanOrEqual(5);
    }
    expect(describeReport(reports[1], zone)).toEqual({
      period: '2027-W02',
      due: 'Thu 2027-01-14 12:00',
      status: 'pending',
      reason: 'Weekend (vendor)',
    });
  });
});

describe('US–SA meeting in the week of Eid al-Fitr 2027', () => {
  it('moves to the only common working day left, Monday, the last day of Ramadan hours', () => {
    const calendars = calendarsOf([
      person('jim', NY, 'US', 'client', { hours: ['08:00', '17:00'] }),
      person('omar', 'Asia/Riyadh', 'SA', 'vendor', { workWeek: 'sun-thu', hours: ['08:00', '17:00'] }),
    ]);
    const { occurrences } = planMeetings({
      rule: {
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: ['tue', 'wed', 'thu'],
        holidayPolicy: 'shift',
        startsOn: '2027-03-01',
        anchor: { weekday: 'tue', time: '08:00' },
      },
      participants: calendars,
      organizerId: 'jim',
      range: { from: '2027-03-08', to: '2027-03-14' },
    });
    // Ramadan hours (09:00–15:00 Riyadh, 01:00–07:00 New York) leave no common window on
    // Monday: either side would stay 1 h 45 min beyond its hours, and the organizer's side goes first.
    expect(describeMeeting(occurrences[0], NY)).toEqual({
      period: '2027-W10',
      at: 'Mon 2027-03-08 06:15',
      original: 'Tue 2027-03-09 08:00',
      status: 'scheduled',
      reason: 'Eid al-Fitr (SA, tentative); no common working window that week',
    });
    expect(occurrences[0].outOfHours).toEqual([{ personId: 'jim', side: 'client', minutes: 105 }]);
  });
});

describe('US–EG meeting in the week of Eid al-Fitr 2027 with the vendor lead away on Monday', () => {
  it('skips the week and names every day off', () => {
    const calendars = calendarsOf([
      person('jim', NY, 'US', 'client', { hours: ['08:00', '17:00'] }),
      person('nour', 'Africa/Cairo', 'EG', 'vendor', {
        workWeek: 'sun-thu',
        hours: ['09:00', '18:00'],
        timeOff: [{ start: '2027-03-08', end: '2027-03-08' }],
      }),
    ]);
    const { occurrences } = planMeetings({
      rule: {
        frequency: 'weekly',
        durationMinutes: 45,
        preferredWeekdays: ['tue'],
        holidayPolicy: 'shift',
        startsOn: '2027-03-01',
        anchor: { weekday: 'tue', time: '08:00' },
      },
      participants: calendars,
      organizerId: 'jim',
      range: { from: '2027-03-08', to: '2027-03-14' },
    });
    expect(describeMeeting(occurrences[0], NY)).toEqual({
      period: '2027-W10',
      at: null,
      original: 'Tue 2027-03-09 08:00',
      status: 'skipped',
      reason:
        'no common working day in week 2027-W10: Time off (vendor) Mon, Eid al-Fitr (EG, tentative) Tue–Thu, ' +
        'Weekend (vendor) Fri–Sat, Weekend (client) Sat–Sun',
    });
  });
});
