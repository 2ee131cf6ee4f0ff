import { testCalendar } from '../../../test/support/test-calendar';
import { chooseMeetingAnchor, type AnchorInput } from './meeting-anchor';

const newYork = testCalendar({ personId: 'am', zone: 'America/New_York', side: 'client' });
const bogota = testCalendar({
  personId: 'co',
  zone: 'America/Bogota',
  side: 'vendor',
  hours: { start: '08:00', end: '17:00' },
});
const anchor = (overrides: Partial<AnchorInput>) =>
  chooseMeetingAnchor({
    durationMinutes: 45,
    preferredWeekdays: [],
    startsOn: '2027-01-06',
    participants: [newYork, bogota],
    organizerId: 'am',
    ...overrides,
  });

describe('meeting anchor', () => {
  it('centres the meeting in the common window, on a quarter hour', () => {
    // Common window 09:00–17:00 New York: starts 09:00–16:15, centred at 12:37, snapped to 12:30.
    expect(anchor({})).toEqual({ anchor: { weekday: 'mon', time: '12:30' }, sharedHours: true });
  });

  it('takes the earliest preferred weekday, whatever weekday the cadence starts on', () => {
    expect(anchor({ preferredWeekdays: ['thu', 'tue'] }).anchor.weekday).toBe('tue');
  });

  it('falls back to the earliest other weekday when no preferred one has a common window', () => {
    const riyadh = testCalendar({
      personId: 'sa',
      zone: 'Asia/Riyadh',
      side: 'vendor',
      workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
    });
    const london = testCalendar({ personId: 'am', zone: 'Europe/London', side: 'client' });
    const chosen = anchor({ preferredWeekdays: ['fri'], participants: [london, riyadh] });
    // London 09:00–17:00 and Riyadh 09:00–17:00 (06:00–14:00 GMT) share 09:00–14:00 GMT.
    expect(chosen).toEqual({ anchor: { weekday: 'mon', time: '11:00' }, sharedHours: true });
  });

  it('ignores one-off holidays in the sample week', () => {
    const closedMonday = testCalendar({
      personId: 'co',
      zone: 'America/Bogota',
      side: 'vendor',
      hours: { start: '08:00', end: '17:00' },
      off: { '2027-01-11': 'Epiphany (CO)' },
    });
    expect(anchor({ startsOn: '2027-01-11', participants: [newYork, closedMonday] }).anchor.weekday).toBe(
      'mon',
    );
  });

  it('reports no shared hours and lets the organizer side take the first inconvenient slot', () => {
    const manila = testCalendar({
      personId: 'ph',
      zone: 'Asia/Manila',
      side: 'vendor',
      hours: { start: '09:00', end: '18:00' },
    });
    // In January New York is 13 h behind Manila: 20:00 there is 09:00 next morning in Manila.
    expect(anchor({ preferredWeekdays: ['thu'], participants: [newYork, manila] })).toEqual({
      anchor: { weekday: 'thu', time: '20:00' },
      sharedHours: false,
    });
  });

  it('refuses an organizer who is not a participant', () => {
    expect(() => anchor({ organizerId: 'nobody' })).toThrow('Organizer nobody is not a participant');
  });
});
