import { planMeetings } from '../../src/cadences/domain/meeting-placement';
import { localLabel } from './occurrence-view';
import { calendarsOf, person } from './real-calendars';

// New York (09:00–17:00) and a Manila day team (09:00–18:00) never share an hour.

const NY = 'America/New_York';
const MANILA = 'Asia/Manila';
const [jim, maria] = calendarsOf([
  person('jim', NY, 'US', 'client'),
  person('maria', MANILA, 'PH', 'vendor', { hours: ['09:00', '18:00'] }),
]);
const quarter = planMeetings({
  rule: {
    frequency: 'weekly',
    durationMinutes: 45,
    preferredWeekdays: ['thu'],
    holidayPolicy: 'shift',
    startsOn: '2027-03-01',
  },
  participants: [jim, maria],
  organizerId: 'jim',
  range: { from: '2027-03-01', to: '2027-05-31' },
});

describe('NY–Manila weekly meeting without a common window', () => {
  it('records who stays outside their hours, and by how much, every week', () => {
    expect(quarter.sharedHours).toBe(false);
    for (const o of quarter.occurrences) {
      expect(o.status).toBe('scheduled');
      expect(o.outOfHours).toHaveLength(1);
      expect(o.outOfHours[0].minutes).toBeGreaterThan(0);
      expect(o.burden[o.outOfHours[0].side]).toBe(o.outOfHours[0].minutes);
    }
  });

  it('alternates the burden so the sides stay within one meeting of each other', () => {
    const sides = quarter.occurrences.map((o) => o.outOfHours[0].side);
    expect(sides.slice(0, 4)).toEqual(['client', 'vendor', 'client', 'vendor']);
    let client = 0;
    let vendor = 0;
    for (const o of quarter.occurrences) {
      client += o.burden.client;
      vendor += o.burden.vendor;
      expect(Math.abs(client - vendor)).toBeLessThanOrEqual(Math.max(o.burden.client, o.burden.vendor, 300));
    }
    expect(quarter.ledger).toEqual({ client, vendor });
  });

  it('never asks anyone to work on their weekend or holiday', () => {
    for (const o of quarter.occurrences) {
      for (const [calendar, zone] of [
        [jim, NY],
        [maria, MANILA],
      ] as const) {
        for (const at of [o.scheduledAt!, o.endsAt!.minus({ milliseconds: 1 })]) {
          expect(calendar.day(at.setZone(zone).toISODate()).off).toEqual([]);
        }
      }
    }
    const holyWeek = quarter.occurrences.find((o) => o.periodKey === '2027-W12')!;
    expect(localLabel(holyWeek.scheduledAt, MANILA)?.slice(0, 3)).not.toMatch(/Thu|Fri/);
  });
});
