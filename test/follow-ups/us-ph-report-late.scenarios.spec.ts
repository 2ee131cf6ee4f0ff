import { DateTime } from 'luxon';
import { buildFollowUpMessage } from '../../src/follow-ups/domain/follow-up-message';
import { nextEscalation, planFollowUps } from '../../src/follow-ups/domain/follow-up-plan';
import type { EngagementRecipients } from '../../src/follow-ups/domain/follow-up.types';
import { timeOffLookup } from '../../src/follow-ups/domain/time-off-calendar';
import {
  calendarOf,
  defaultPlaybook,
  describePlan,
  profile,
  recipient,
  wallClock,
} from './follow-up.fixture';

// Acme (New York and Chicago) × Manila CX Partners, with the default playbook and the
// repository's calendar data. The weekly status report is due Thursday 8 April 2027 at
// 17:00 in Manila and does not arrive. Friday 9 April is Araw ng Kagitingan (Day of Valor),
// a public holiday in the Philippines but not in the US.

const MANILA = 'Asia/Manila';
const NEW_YORK = 'America/New_York';
const CHICAGO = 'America/Chicago';

const maria = recipient('maria', {
  timeZone: MANILA,
  country: 'PH',
  side: 'vendor',
  workingHours: { start: '09:00', end: '18:00' },
});
const jose = recipient('jose', {
  timeZone: MANILA,
  country: 'PH',
  side: 'vendor',
  workingHours: { start: '09:00', end: '18:00' },
});
const jim = recipient('jim', { timeZone: NEW_YORK, country: 'US', side: 'client' });
const ana = recipient('ana', { timeZone: NEW_YORK, country: 'US', side: 'client' });
const eve = recipient('eve', {
  timeZone: CHICAGO,
  country: 'US',
  region: 'IL',
  side: 'client',
  workingHours: { start: '08:30', end: '17:00' },
});

const zones = { maria: MANILA, jose: MANILA, jim: NEW_YORK, ana: NEW_YORK, eve: CHICAGO };
const engagement: EngagementRecipients = { accountManager: jim, executive: eve, vendorContacts: [maria] };
const playbook = defaultPlaybook();
const dueAt = DateTime.fromISO('2027-04-08T17:00', { zone: MANILA });
const reportLate = { trigger: 'report_late' as const, touchpointId: 'tp-2027-w14', firedAt: dueAt };

describe('a US–PH engagement whose vendor misses the report due Thu 8 April 2027, 17:00 Manila', () => {
  const plan = planFollowUps(reportLate, playbook, engagement);

  it('runs the default report_late playbook at the right local times, skipping the PH holiday and the weekend', () => {
    expect(describePlan(plan, zones)).toEqual([
      // At once, inside Maria's hours (09:00–18:00).
      '#0 vendor_contact → maria by email at Thu 2027-04-08 17:00 +08:00',
      // The US account manager's first working day after the trigger (05:00 in New York) starts Thursday 09:00.
      '#2 account_manager → jim by slack_dm at Fri 2027-04-09 09:00 -04:00',
      // 2 vendor working hours: 17:00–18:00 Thursday, then Friday (Araw ng Kagitingan) and the weekend are skipped.
      '#1 vendor_contact → maria by email at Mon 2027-04-12 10:00 +08:00',
      '#3 executive → eve by email at Mon 2027-04-12 08:30 -05:00',
    ]);
  });

  it('gives each message its exact instant in UTC and a stable id', () => {
    expect(plan.map((step) => [step.stepId, step.dueAt.toISO()])).toEqual([
      ['tp-2027-w14:report_late:0:maria', '2027-04-08T09:00:00.000Z'],
      ['tp-2027-w14:report_late:2:jim', '2027-04-09T13:00:00.000Z'],
      ['tp-2027-w14:report_late:1:maria', '2027-04-12T02:00:00.000Z'],
      ['tp-2027-w14:report_late:3:eve', '2027-04-12T13:30:00.000Z'],
    ]);
    expect(plan.every((step) => step.route === 'direct' && !step.uncovered)).toBe(true);
  });

  it('words each message for its reader, in the reader’s own time', () => {
    const subject = {
      engagementName: 'Acme × Manila CX',
      vendorName: 'Manila CX Partners',
      touchpointId: 'tp-2027-w14',
      touchpointKind: 'status_report' as const,
      touchpointTitle: 'Weekly status',
      dueAt,
    };
    const [first, manager, reminder] = plan;
    expect(buildFollowUpMessage({ ...first, subject, readerTimeZone: MANILA }).whatHappened).toBe(
      'Your Weekly status for Acme × Manila CX was due Thu 8 Apr 17:00 GMT+8 and has not arrived yet.',
    );
    expect(buildFollowUpMessage({ ...reminder, subject, readerTimeZone: MANILA }).title).toBe(
      'Reminder: Weekly status not received yet',
    );
    const next = nextEscalation(plan, manager);
    const toJim = buildFollowUpMessage({
      ...manager,
      subject,
      readerTimeZone: NEW_YORK,
      ...(next ? { next: { role: next.role, dueAt: next.dueAt } } : {}),
    });
    expect(toJim.whatHappened).toBe(
      'The Weekly status from Manila CX Partners was due Thu 8 Apr 05:00 GMT-4 and has not arrived.',
    );
    expect(toJim.whyItMatters).toContain(
      'If nothing changes, Cadence tells the executive Mon 12 Apr 09:30 GMT-4.',
    );
  });

  it('reaches every vendor contact, each in their own hours', () => {
    const two = planFollowUps(reportLate, playbook, { ...engagement, vendorContacts: [maria, jose] });
    expect(two.filter((step) => step.role === 'vendor_contact').map((step) => step.stepId)).toEqual([
      'tp-2027-w14:report_late:0:maria',
      'tp-2027-w14:report_late:0:jose',
      'tp-2027-w14:report_late:1:maria',
      'tp-2027-w14:report_late:1:jose',
    ]);
  });
});

describe('the same miss with someone on time off', () => {
  it('gives the account manager’s step to the backup named with the time off, at the same instant', () => {
    const away = {
      ...jim,
      timeOff: timeOffLookup([{ start: '2027-04-09', end: '2027-04-09', backup: ana }]),
    };
    const plan = planFollowUps(reportLate, playbook, { ...engagement, accountManager: away });
    const step = plan.find((s) => s.role === 'account_manager');
    expect(step).toMatchObject({
      stepId: 'tp-2027-w14:report_late:2:jim',
      recipientId: 'ana',
      route: 'backup',
    });
    expect(wallClock(step!.dueAt, NEW_YORK)).toBe('Fri 2027-04-09 09:00 -04:00');
  });

  it('holds it for the account manager’s return when nobody stands in: queued, not dropped', () => {
    const away = { ...jim, timeOff: timeOffLookup([{ start: '2027-04-09', end: '2027-04-09' }]) };
    const plan = planFollowUps(reportLate, playbook, { ...engagement, accountManager: away });
    const step = plan.find((s) => s.role === 'account_manager');
    expect(step).toMatchObject({ recipientId: 'jim', route: 'after_time_off' });
    expect(wallClock(step!.plannedAt, NEW_YORK)).toBe('Fri 2027-04-09 09:00 -04:00');
    expect(wallClock(step!.dueAt, NEW_YORK)).toBe('Mon 2027-04-12 09:00 -04:00');
  });

  it('holds the vendor reminder for Maria’s return, or sends it to her backup', () => {
    const mariaAway = calendarOf(
      profile('maria', {
        timeZone: MANILA,
        country: 'PH',
        side: 'vendor',
        workingHours: { start: '09:00', end: '18:00' },
        timeOff: [{ start: '2027-04-12', end: '2027-04-12' }],
      }),
    );
    const held = planFollowUps(reportLate, playbook, {
      ...engagement,
      vendorContacts: [{ personId: 'maria', calendar: mariaAway }],
    });
    const reminder = held.find((s) => s.stepIndex === 1);
    expect(reminder?.route).toBe('after_time_off');
    expect(wallClock(reminder!.dueAt, MANILA)).toBe('Tue 2027-04-13 09:00 +08:00');

    const covered = planFollowUps(reportLate, playbook, {
      ...engagement,
      vendorContacts: [{ personId: 'maria', calendar: mariaAway, backup: jose }],
    });
    const toJose = covered.find((s) => s.stepIndex === 1);
    expect(toJose).toMatchObject({
      stepId: 'tp-2027-w14:report_late:1:maria',
      recipientId: 'jose',
      route: 'backup',
    });
    expect(wallClock(toJose!.dueAt, MANILA)).toBe('Mon 2027-04-12 10:00 +08:00');
  });
});

describe('a night-shift vendor (21:00–06:00 Manila)', () => {
  const nightMaria = recipient('maria', {
    timeZone: MANILA,
    country: 'PH',
    side: 'vendor',
    workingHours: { start: '21:00', end: '06:00' },
  });
  const nights = { ...engagement, vendorContacts: [nightMaria] };

  it('hears about the 17:00 report when the Thursday shift starts, and works that shift although Friday is a holiday', () => {
    const plan = planFollowUps(reportLate, playbook, nights).filter((step) => step.role === 'vendor_contact');
    expect(describePlan(plan, zones)).toEqual([
      '#0 vendor_contact → maria by email at Thu 2027-04-08 21:00 +08:00',
      '#1 vendor_contact → maria by email at Thu 2027-04-08 23:00 +08:00',
    ]);
  });

  it('carries a reminder from the end of the Thursday shift past the holiday and the weekend', () => {
    // Friday 05:00 is the last hour of Thursday's shift; Friday's own shift is off (Araw ng Kagitingan).
    const late = { ...reportLate, firedAt: DateTime.fromISO('2027-04-09T05:00', { zone: MANILA }) };
    const plan = planFollowUps(late, playbook, nights).filter((step) => step.role === 'vendor_contact');
    expect(describePlan(plan, zones)).toEqual([
      '#0 vendor_contact → maria by email at Fri 2027-04-09 05:00 +08:00',
      '#1 vendor_contact → maria by email at Mon 2027-04-12 22:00 +08:00',
    ]);
  });
});

describe('a trigger the engagement’s own playbook does not cover', () => {
  it('goes to the account manager at once, inside their hours, flagged as uncovered', () => {
    const plan = planFollowUps(
      {
        trigger: 'meeting_missed',
        touchpointId: 'tp-sync-14',
        firedAt: DateTime.fromISO('2027-04-08T22:00', { zone: NEW_YORK }),
      },
      { ...playbook, steps: { report_late: playbook.steps.report_late } },
      engagement,
    );
    expect(describePlan(plan, zones)).toEqual([
      '#- account_manager → jim by slack_dm at Fri 2027-04-09 09:00 -04:00',
    ]);
    expect(plan[0]).toMatchObject({ stepId: 'tp-sync-14:meeting_missed:uncovered:jim', uncovered: true });
  });
});
