import { DateTime } from 'luxon';
import { planFollowUps } from '../../src/follow-ups/domain/follow-up-plan';
import type { EngagementRecipients } from '../../src/follow-ups/domain/follow-up.types';
import { addWorkingTime, nextWorkingMoment } from '../../src/follow-ups/domain/working-time';
import { defaultPlaybook, describePlan, recipient, wallClock } from './follow-up.fixture';

// Real dates where the calendars of the two sides disagree: a US holiday the vendor works
// through, and the weeks of March 2027 when New York (14 March) and Europe (28 March)
// change their clocks on different Sundays.

const MANILA = 'Asia/Manila';
const NEW_YORK = 'America/New_York';
const WARSAW = 'Europe/Warsaw';
const playbook = defaultPlaybook();

const jim = recipient('jim', { timeZone: NEW_YORK, country: 'US', side: 'client' });
const eve = recipient('eve', { timeZone: NEW_YORK, country: 'US', side: 'client' });

describe('Independence Day observed on Monday 5 July 2027 in the US', () => {
  const maria = recipient('maria', {
    timeZone: MANILA,
    country: 'PH',
    side: 'vendor',
    workingHours: { start: '09:00', end: '18:00' },
  });
  const engagement: EngagementRecipients = { accountManager: jim, executive: eve, vendorContacts: [maria] };
  const zones = { maria: MANILA, jim: NEW_YORK, eve: NEW_YORK };

  it('skips the holiday for the account manager and the executive while the vendor works through it', () => {
    // Due Friday 2 July, 17:00 in Manila (05:00 in New York).
    const plan = planFollowUps(
      {
        trigger: 'report_late',
        touchpointId: 'tp-w26',
        firedAt: DateTime.fromISO('2027-07-02T17:00', { zone: MANILA }),
      },
      playbook,
      engagement,
    );
    expect(describePlan(plan, zones)).toEqual([
      '#0 vendor_contact → maria by email at Fri 2027-07-02 17:00 +08:00',
      // Monday 5 July is a working day in Manila: 17:00–18:00 Friday, then 09:00–10:00 Monday.
      '#1 vendor_contact → maria by email at Mon 2027-07-05 10:00 +08:00',
      // From Friday 09:00 in New York, one working day on: Monday is the holiday, so Tuesday.
      '#2 account_manager → jim by slack_dm at Tue 2027-07-06 09:00 -04:00',
      '#3 executive → eve by email at Wed 2027-07-07 09:00 -04:00',
    ]);
  });

  it('holds an immediate escalation that fires on the holiday until the account manager’s next working morning', () => {
    const plan = planFollowUps(
      {
        trigger: 'red_status',
        touchpointId: 'tp-w27',
        firedAt: DateTime.fromISO('2027-07-05T10:00', { zone: MANILA }),
      },
      playbook,
      engagement,
    );
    expect(describePlan(plan, zones)).toEqual([
      '#0 account_manager → jim by slack_dm at Tue 2027-07-06 09:00 -04:00',
      '#1 executive → eve by email at Wed 2027-07-07 09:00 -04:00',
    ]);
  });
});

describe('the March 2027 weeks when New York and Europe change clocks on different Sundays', () => {
  const kasia = recipient('kasia', { timeZone: WARSAW, country: 'PL', side: 'vendor' });
  const engagement: EngagementRecipients = { accountManager: jim, executive: eve, vendorContacts: [kasia] };
  const zones = { kasia: WARSAW, jim: NEW_YORK, eve: NEW_YORK };

  it('keeps the account manager’s local time when New York springs forward (Sunday 14 March)', () => {
    // Friday 12 March, 16:00 in Warsaw = 10:00 EST = 15:00 UTC.
    const plan = planFollowUps(
      {
        trigger: 'report_late',
        touchpointId: 'tp-w10',
        firedAt: DateTime.fromISO('2027-03-12T16:00', { zone: WARSAW }),
      },
      playbook,
      engagement,
    );
    expect(describePlan(plan, zones)).toEqual([
      '#0 vendor_contact → kasia by email at Fri 2027-03-12 16:00 +01:00',
      '#1 vendor_contact → kasia by email at Mon 2027-03-15 10:00 +01:00',
      // The same 10:00 as the trigger's position in Friday's window, now on daylight time.
      '#2 account_manager → jim by slack_dm at Mon 2027-03-15 10:00 -04:00',
      '#3 executive → eve by email at Tue 2027-03-16 10:00 -04:00',
    ]);
    // One hour earlier in UTC than the same wall-clock time on Friday.
    expect(plan[2].dueAt.toISO()).toBe('2027-03-15T14:00:00.000Z');
  });

  it('keeps the vendor’s local time when Europe springs forward (Sunday 28 March), past Easter Monday in Poland', () => {
    // Friday 26 March, 16:00 in Warsaw (CET) = 11:00 EDT.
    const plan = planFollowUps(
      {
        trigger: 'report_late',
        touchpointId: 'tp-w12',
        firedAt: DateTime.fromISO('2027-03-26T16:00', { zone: WARSAW }),
      },
      playbook,
      engagement,
    );
    expect(describePlan(plan, zones)).toEqual([
      '#0 vendor_contact → kasia by email at Fri 2027-03-26 16:00 +01:00',
      '#2 account_manager → jim by slack_dm at Mon 2027-03-29 11:00 -04:00',
      // Monday 29 March is Easter Monday in Poland; Tuesday on summer time.
      '#1 vendor_contact → kasia by email at Tue 2027-03-30 10:00 +02:00',
      '#3 executive → eve by email at Tue 2027-03-30 11:00 -04:00',
    ]);
    expect(plan[2].dueAt.toISO()).toBe('2027-03-30T08:00:00.000Z');
  });

  it('counts a full working day across the change, not 24 hours', () => {
    const friday = DateTime.fromISO('2027-03-12T12:00', { zone: NEW_YORK });
    const monday = addWorkingTime(jim.calendar, friday, { days: 1 });
    expect(wallClock(monday, NEW_YORK)).toBe('Mon 2027-03-15 12:00 -04:00');
    expect(monday.diff(friday, 'hours').hours).toBe(71);
    // And 8 working hours is one whole working day of 09:00–17:00.
    expect(wallClock(addWorkingTime(jim.calendar, friday, { hours: 8 }), NEW_YORK)).toBe(
      'Mon 2027-03-15 12:00 -04:00',
    );
  });

  it('delivers at the start of the next window in the recipient’s new offset', () => {
    const sundayNight = DateTime.fromISO('2027-03-28T23:30', { zone: WARSAW });
    // Monday 29 March is Easter Monday; Tuesday 09:00 is on summer time.
    expect(wallClock(nextWorkingMoment(kasia.calendar, sundayNight), WARSAW)).toBe(
      'Tue 2027-03-30 09:00 +02:00',
    );
  });
});
