import { DateTime } from 'luxon';
import type { CalendarProfile } from '../../calendars/domain/calendar.types';
import { createHolidayCalendar } from '../../calendars/domain/holiday-calendar';
import { createSeasonalHours } from '../../calendars/domain/seasonal-hours';
import { createWorkingCalendar } from '../../calendars/domain/working-calendar';
import { nextEscalation, planFollowUps } from './follow-up-plan';
import type { EngagementRecipients, FollowUpRecipient, PlannedFollowUpStep } from './follow-up.types';
import type { Playbook } from './playbook.types';
import { validatePlaybook } from './playbook.validator';
import { timeOffLookup } from './time-off-calendar';

// A quiet week (15–19 March 2027: no PH or US holiday, New York already on daylight time).
const context = {
  holidays: createHolidayCalendar({
    data: { holidayTypes: { default: ['public'], countries: new Map() }, overlays: new Map() },
  }),
  seasonalHours: createSeasonalHours([]),
  blackouts: [],
};
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

function person(personId: string, profile: Partial<CalendarProfile> = {}): FollowUpRecipient {
  const full: CalendarProfile = {
    personId,
    timeZone: 'America/New_York',
    country: 'US',
    region: null,
    workWeek: weekdays,
    workingHours: { start: '09:00', end: '17:00' },
    side: 'client',
    timeOff: [],
    ...profile,
  };
  return { personId, calendar: createWorkingCalendar(full, context) };
}

const manila = {
  timeZone: 'Asia/Manila',
  country: 'PH',
  side: 'vendor' as const,
  workingHours: { start: '09:00', end: '18:00' },
};
const maria = person('maria', manila);
const jose = person('jose', manila);
const jim = person('jim');
const eve = person('eve');
const ana = person('ana');

function playbook(steps: unknown): Playbook {
  const result = validatePlaybook('test', { steps });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.playbook;
}

const reportLate = playbook({
  report_late: [
    { after: 0, to: 'vendor_contact', via: 'email' },
    { after: '2 vendor working hours', to: 'vendor_contact', via: 'email' },
    { after: '1 client working day', to: 'account_manager', via: 'slack_dm' },
    { after: '2 client working days', to: 'executive', via: 'email' },
  ],
});

const recipients: EngagementRecipients = { accountManager: jim, executive: eve, vendorContacts: [maria] };
// Wednesday 17 March 2027, 17:00 in Manila = 09:00 UTC = 05:00 in New York.
const firedAt = DateTime.fromISO('2027-03-17T17:00', { zone: 'Asia/Manila' });
const event = { trigger: 'report_late' as const, touchpointId: 'tp-1', firedAt };

/** Each step as "recipient channel local-time-of-recipient". */
function summary(plan: readonly PlannedFollowUpStep[], zones: Record<string, string>): string[] {
  return plan.map(
    (step) =>
      `${step.recipientId} ${step.channel} ${step.dueAt.setZone(zones[step.recipientId] ?? 'utc').toFormat('ccc dd HH:mm')}`,
  );
}
const zones = {
  maria: 'Asia/Manila',
  jose: 'Asia/Manila',
  jim: 'America/New_York',
  eve: 'America/New_York',
  ana: 'America/New_York',
};

describe('planFollowUps', () => {
  it('puts each step at its delay in its recipient’s working time, counted from the trigger', () => {
    const plan = planFollowUps(event, reportLate, recipients);
    expect(summary(plan, zones)).toEqual([
      'maria email Wed 17 17:00',
      'maria email Thu 18 10:00',
      'jim slack_dm Thu 18 09:00',
      'eve email Fri 19 09:00',
    ]);
    expect(plan.map((step) => step.stepIndex)).toEqual([0, 1, 2, 3]);
    expect(plan[2]).toMatchObject({
      role: 'account_manager',
      route: 'direct',
      template: 'notice',
      uncovered: false,
    });
    expect(plan[3].template).toBe('escalation');
  });

  it('orders the plan by due instant, whatever the order of the steps', () => {
    const reversed = playbook({
      report_late: [
        { after: '2 client working days', to: 'executive', via: 'email' },
        { after: 0, to: 'vendor_contact', via: 'email' },
      ],
    });
    expect(planFollowUps(event, reversed, recipients).map((step) => step.stepIndex)).toEqual([1, 0]);
  });

  it('gives every message a stable id from touchpoint, trigger, step and recipient', () => {
    const plan = planFollowUps(event, reportLate, recipients);
    expect(plan.map((step) => step.stepId)).toEqual([
      'tp-1:report_late:0:maria',
      'tp-1:report_late:1:maria',
      'tp-1:report_late:2:jim',
      'tp-1:report_late:3:eve',
    ]);
    expect(planFollowUps(event, reportLate, recipients)).toEqual(plan);
  });

  it('sends vendor-contact steps to every vendor contact, each with their own id', () => {
    const plan = planFollowUps(event, reportLate, { ...recipients, vendorContacts: [maria, jose] });
    expect(plan.filter((step) => step.stepIndex === 0).map((step) => step.stepId)).toEqual([
      'tp-1:report_late:0:maria',
      'tp-1:report_late:0:jose',
    ]);
  });

  it('escalates a trigger the playbook does not cover to the account manager, inside their hours', () => {
    const plan = planFollowUps({ ...event, trigger: 'meeting_missed' }, reportLate, recipients);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      stepId: 'tp-1:meeting_missed:uncovered:jim',
      stepIndex: null,
      role: 'account_manager',
      recipientId: 'jim',
      channel: 'slack_dm',
      uncovered: true,
    });
    expect(plan[0].dueAt.setZone('America/New_York').toFormat('ccc HH:mm')).toBe('Wed 09:00');
  });

  it('gives the steps of a role nobody holds to the account manager, saying so', () => {
    const plan = planFollowUps(event, reportLate, { ...recipients, executive: null, vendorContacts: [] });
    expect(plan.map((step) => [step.stepId, step.reroutedFrom])).toEqual([
      ['tp-1:report_late:0:jim', 'vendor_contact'],
      ['tp-1:report_late:1:jim', 'vendor_contact'],
      ['tp-1:report_late:2:jim', undefined],
      ['tp-1:report_late:3:jim', 'executive'],
    ]);
    // Vendor working hours become the account manager's: 09:00 New York is the first moment.
    expect(summary(plan, zones)[0]).toBe('jim email Wed 17 09:00');
  });

  it('posts to a Slack channel on the account manager’s working time, even while they are away', () => {
    const away: FollowUpRecipient = {
      ...jim,
      timeOff: timeOffLookup([{ start: '2027-03-17', end: '2027-03-19' }]),
    };
    const channel = playbook({
      red_status: [
        { after: '4 working hours', to: 'slack_channel', via: 'slack_channel', slackChannel: 'C0123ABCD' },
      ],
    });
    const [step] = planFollowUps({ ...event, trigger: 'red_status' }, channel, {
      ...recipients,
      accountManager: away,
    });
    expect(step).toMatchObject({
      stepId: 'tp-1:red_status:0:#C0123ABCD',
      recipientId: '#C0123ABCD',
      channel: 'slack_channel',
      slackChannel: 'C0123ABCD',
      route: 'direct',
    });
    expect(step.dueAt.setZone('America/New_York').toFormat('ccc HH:mm')).toBe('Wed 13:00');
  });

  describe('with a recipient on time off', () => {
    const awayThuFri = timeOffLookup([{ start: '2027-03-18', end: '2027-03-19', backup: ana }]);

    it('gives the step to the backup named with the time off, keeping the intended recipient in the id', () => {
      const plan = planFollowUps(event, reportLate, {
        ...recipients,
        accountManager: { ...jim, timeOff: awayThuFri },
      });
      const step = plan.find((s) => s.stepIndex === 2);
      expect(step).toMatchObject({
        stepId: 'tp-1:report_late:2:jim',
        intendedRecipientId: 'jim',
        recipientId: 'ana',
        route: 'backup',
      });
      expect(step?.dueAt.toISO()).toBe(step?.plannedAt.toISO());
    });

    it('holds the step until the recipient is back when nobody stands in', () => {
      const plan = planFollowUps(event, reportLate, {
        ...recipients,
        accountManager: { ...jim, timeOff: timeOffLookup([{ start: '2027-03-18', end: '2027-03-19' }]) },
      });
      const step = plan.find((s) => s.stepIndex === 2);
      expect(step).toMatchObject({ recipientId: 'jim', route: 'after_time_off' });
      expect(step?.plannedAt.setZone('America/New_York').toFormat('ccc dd HH:mm')).toBe('Thu 18 09:00');
      expect(step?.dueAt.setZone('America/New_York').toFormat('ccc dd HH:mm')).toBe('Mon 22 09:00');
    });

    it('reads time off from a calendar built with it, and uses the recipient’s standing backup', () => {
      const built = person('jim', { timeOff: [{ start: '2027-03-18', end: '2027-03-19' }] });
      const held = planFollowUps(event, reportLate, { ...recipients, accountManager: built });
      expect(held.find((s) => s.stepIndex === 2)?.route).toBe('after_time_off');
      const covered = planFollowUps(event, reportLate, {
        ...recipients,
        accountManager: { ...built, backup: ana },
      });
      expect(covered.find((s) => s.stepIndex === 2)).toMatchObject({ recipientId: 'ana', route: 'backup' });
    });

    it('delivers to a backup inside the backup’s own hours', () => {
      const manilaBackup = person('jose', manila);
      const plan = planFollowUps(event, reportLate, {
        ...recipients,
        accountManager: {
          ...jim,
          timeOff: timeOffLookup([{ start: '2027-03-18', end: '2027-03-18', backup: manilaBackup }]),
        },
      });
      const step = plan.find((s) => s.stepIndex === 2);
      // Thursday 09:00 New York is 21:00 in Manila: the backup gets it on Friday morning, their time.
      expect(step?.recipientId).toBe('jose');
      expect(step?.dueAt.setZone('Asia/Manila').toFormat('ccc dd HH:mm')).toBe('Fri 19 09:00');
    });
  });

  it('keeps the playbook’s text and the Slack channel on the planned step', () => {
    const custom = playbook({
      red_status: [{ after: 0, to: 'account_manager', via: 'email', text: 'Call Maria.' }],
    });
    const [step] = planFollowUps({ ...event, trigger: 'red_status' }, custom, recipients);
    expect(step.text).toBe('Call Maria.');
    expect(step.slackChannel).toBeUndefined();
  });

  it('tells what comes next for another role', () => {
    const plan = planFollowUps(event, reportLate, recipients);
    expect(nextEscalation(plan, plan[0])?.stepId).toBe('tp-1:report_late:2:jim');
    expect(nextEscalation(plan, plan[2])?.stepId).toBe('tp-1:report_late:3:eve');
    expect(nextEscalation(plan, plan[3])).toBeUndefined();
  });
});
