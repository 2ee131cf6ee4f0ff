import { testCalendar } from '../../../test/support/test-calendar';
import { describeMeeting, localLabel } from '../../../test/cadences/occurrence-view';
import type { MeetingRule } from './cadence.types';
import { calendarsOf, person } from '../../../test/cadences/real-calendars';
import { planMeetings, planMeetingsMillis, type MeetingPlanInput } from './meeting-placement';

const NY = 'America/New_York';
const newYork = testCalendar({ personId: 'am', zone: NY, side: 'client' });
const bogota = (off: Record<string, string> = {}) =>
  testCalendar({
    personId: 'co',
    zone: 'America/Bogota',
    side: 'vendor',
    hours: { start: '08:00', end: '17:00' },
    off,
  });

const weekly = (overrides: Partial<MeetingRule> = {}): MeetingRule => ({
  frequency: 'weekly',
  durationMinutes: 45,
  preferredWeekdays: [],
  holidayPolicy: 'shift',
  startsOn: '2027-03-01',
  anchor: { weekday: 'tue', time: '10:00' },
  ...overrides,
});

const plan = (input: Partial<MeetingPlanInput> & Pick<MeetingPlanInput, 'participants'>) =>
  planMeetings({
    rule: weekly(),
    organizerId: 'am',
    range: { from: '2027-03-01', to: '2027-03-31' },
    ...input,
  });

describe('meeting placement', () => {
  it("keeps the organizer's local time across the organizer's own DST change", () => {
    const { occurrences } = plan({ participants: [newYork, bogota()] });
    expect(occurrences.map((o) => [o.periodKey, localLabel(o.scheduledAt, NY), o.adjustment])).toEqual([
      ['2027-W09', 'Tue 2027-03-02 10:00', null],
      ['2027-W10', 'Tue 2027-03-09 10:00', null],
      ['2027-W11', 'Tue 2027-03-16 10:00', null],
      ['2027-W12', 'Tue 2027-03-23 10:00', null],
      ['2027-W13', 'Tue 2027-03-30 10:00', null],
    ]);
    // Bogotá has no DST, so its side sees the meeting an hour earlier from Mar 14.
    expect(localLabel(occurrences[1].scheduledAt, 'America/Bogota')).toBe('Tue 2027-03-09 10:00');
    expect(localLabel(occurrences[2].scheduledAt, 'America/Bogota')).toBe('Tue 2027-03-16 09:00');
    expect(occurrences.every((o) => o.originalAt.equals(o.scheduledAt!))).toBe(true);
  });

  it('moves an occurrence hit by a holiday to a preferred weekday of the same week first', () => {
    const { occurrences } = plan({
      rule: weekly({ preferredWeekdays: ['tue', 'thu'] }),
      participants: [newYork, bogota({ '2027-03-23': 'San José (CO)' })],
    });
    expect(describeMeeting(occurrences[3], NY)).toEqual({
      period: '2027-W12',
      at: 'Thu 2027-03-25 10:00',
      original: 'Tue 2027-03-23 10:00',
      status: 'scheduled',
      reason: 'San José (CO)',
    });
  });

  it('moves to the nearest day, the earlier one on a tie, without preferred weekdays', () => {
    const { occurrences } = plan({ participants: [newYork, bogota({ '2027-03-23': 'San José (CO)' })] });
    expect(localLabel(occurrences[3].scheduledAt, NY)).toBe('Mon 2027-03-22 10:00');
  });

  it('skips an occurrence hit by a holiday under the skip policy, keeping where it would have been', () => {
    const { occurrences } = plan({
      rule: weekly({ holidayPolicy: 'skip' }),
      participants: [newYork, bogota({ '2027-03-23': 'San José (CO)' })],
    });
    expect(occurrences[3]).toMatchObject({ status: 'skipped', scheduledAt: null, endsAt: null });
    expect(occurrences[3].adjustment).toEqual({ type: 'skipped', reason: 'San José (CO)' });
    expect(localLabel(occurrences[3].originalAt, NY)).toBe('Tue 2027-03-23 10:00');
  });

  it('skips a week without a common working day and says which days were off', () => {
    const vendor = testCalendar({
      personId: 'co',
      zone: 'America/Bogota',
      side: 'vendor',
      off: Object.fromEntries(
        ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26'].map((d) => [
          d,
          { kind: 'time_off' as const, label: 'Time off' },
        ]),
      ),
    });
    const { occurrences } = plan({ participants: [newYork, vendor] });
    expect(occurrences[3].adjustment).toEqual({
      type: 'skipped',
      reason:
        'no common working day in week 2027-W12: Time off (vendor) Mon–Fri, Weekend (client) Sat–Sun, Weekend (vendor) Sat–Sun',
    });
  });

  it('re-places an occurrence a DST change pushed out of hours, nearest the usual time, naming the change', () => {
    // A Warsaw night team (21:00–05:00) overlaps New York's afternoon by two hours, one hour
    // while the US is on summer time and Europe is not yet.
    const warsaw = testCalendar({
      personId: 'pl',
      zone: 'Europe/Warsaw',
      side: 'vendor',
      hours: { start: '21:00', end: '05:00' },
    });
    const result = planMeetings({
      rule: weekly({ anchor: undefined, preferredWeekdays: ['tue'] }),
      participants: [newYork, warsaw],
      organizerId: 'am',
      range: { from: '2027-03-01', to: '2027-04-04' },
      zoneLabels: { [NY]: 'US', 'Europe/Warsaw': 'EU' },
    });
    expect(result.anchor).toEqual({ weekday: 'tue', time: '15:30' });
    expect(result.occurrences.map((o) => describeMeeting(o, NY))).toEqual([
      {
        period: '2027-W09',
        at: 'Tue 2027-03-02 15:30',
        original: 'Tue 2027-03-02 15:30',
        status: 'scheduled',
        reason: null,
      },
      {
        period: '2027-W10',
        at: 'Tue 2027-03-09 15:30',
        original: 'Tue 2027-03-09 15:30',
        status: 'scheduled',
        reason: null,
      },
      {
        period: '2027-W11',
        at: 'Tue 2027-03-16 16:00',
        original: 'Tue 2027-03-16 15:30',
        status: 'scheduled',
        reason: 'US moved clocks on Mar 14 2027; EU on Mar 28 2027',
      },
      {
        period: '2027-W12',
        at: 'Tue 2027-03-23 16:00',
        original: 'Tue 2027-03-23 15:30',
        status: 'scheduled',
        reason: 'US moved clocks on Mar 14 2027; EU on Mar 28 2027',
      },
      {
        period: '2027-W13',
        at: 'Tue 2027-03-30 15:30',
        original: 'Tue 2027-03-30 15:30',
        status: 'scheduled',
        reason: null,
      },
    ]);
  });

  it('names seasonal hours when they push the usual time out of the window', () => {
    const london = testCalendar({ personId: 'am', zone: 'Europe/London', side: 'client' });
    const riyadh = testCalendar({
      personId: 'sa',
      zone: 'Asia/Riyadh',
      side: 'vendor',
      workWeek: ['sun', 'mon', 'tue', 'wed', 'thu'],
      seasonalHours: (date) =>
        date >= '2027-02-08' && date <= '2027-03-09'
          ? { hours: { start: '09:00', end: '14:00' }, rule: 'Ramadan hours (SA)' }
          : undefined,
    });
    const { occurrences } = planMeetings({
      rule: weekly({
        durationMinutes: 60,
        startsOn: '2027-01-04',
        anchor: { weekday: 'tue', time: '11:00' },
      }),
      participants: [london, riyadh],
      organizerId: 'am',
      range: { from: '2027-02-01', to: '2027-03-14' },
    });
    expect(
      occurrences.map((o) => [localLabel(o.scheduledAt, 'Europe/London'), o.adjustment?.reason ?? null]),
    ).toEqual([
      ['Tue 2027-02-02 11:00', null],
      ['Tue 2027-02-09 10:00', 'Ramadan hours (SA)'],
      ['Tue 2027-02-16 10:00', 'Ramadan hours (SA)'],
      ['Tue 2027-02-23 10:00', 'Ramadan hours (SA)'],
      ['Tue 2027-03-02 10:00', 'Ramadan hours (SA)'],
      ['Tue 2027-03-09 10:00', 'Ramadan hours (SA)'],
    ]);
  });

  it('plans biweekly and monthly cadences on their own rhythm', () => {
    const biweekly = plan({ rule: weekly({ frequency: 'biweekly' }), participants: [newYork, bogota()] });
    expect(biweekly.occurrences.map((o) => localLabel(o.scheduledAt, NY))).toEqual([
      'Tue 2027-03-02 10:00',
      'Tue 2027-03-16 10:00',
      'Tue 2027-03-30 10:00',
    ]);
    const monthly = planMeetings({
      rule: weekly({ frequency: 'monthly', startsOn: '2027-03-09' }),
      participants: [newYork, bogota()],
      organizerId: 'am',
      range: { from: '2027-03-01', to: '2027-05-31' },
    });
    expect(monthly.occurrences.map((o) => [o.periodKey, localLabel(o.scheduledAt, NY)])).toEqual([
      ['2027-03', 'Tue 2027-03-09 10:00'],
      ['2027-04', 'Tue 2027-04-13 10:00'],
      ['2027-05', 'Tue 2027-05-11 10:00'],
    ]);
  });

  it('gives the same plan when the caller passes back the shared-hours answer it stored', () => {
    const participants = [newYork, bogota({ '2027-03-23': 'San José (CO)' })];
    const worked = plan({ participants });
    const hinted = plan({ rule: weekly({ sharedHours: worked.sharedHours }), participants });
    expect(hinted).toEqual(worked);
  });

  it('refuses an organizer who is not a participant, and a duration that is not positive', () => {
    expect(() => plan({ participants: [bogota()] })).toThrow('Organizer am is not a participant');
    expect(() => plan({ rule: weekly({ durationMinutes: 0 }), participants: [newYork, bogota()] })).toThrow(
      'durationMinutes',
    );
  });
});

describe('meeting placement without common working hours', () => {
  const manila = (off: Record<string, string> = {}) =>
    testCalendar({
      personId: 'ph',
      zone: 'Asia/Manila',
      side: 'vendor',
      hours: { start: '09:00', end: '18:00' },
      off,
    });
  const rotating = (
    participants: MeetingPlanInput['participants'],
    from: string,
    to: string,
    ledger?: MeetingPlanInput['ledger'],
  ) =>
    planMeetings({
      rule: weekly({
        anchor: undefined,
        preferredWeekdays: ['thu'],
        startsOn: from < '2027-04-01' ? '2027-03-01' : '2027-04-01',
      }),
      participants,
      organizerId: 'am',
      range: { from, to },
      ...(ledger ? { ledger } : {}),
    });

  it('alternates which side works outside its hours and records by how much', () => {
    const result = rotating([newYork, manila()], '2027-04-01', '2027-04-30');
    expect(result.sharedHours).toBe(false);
    expect(
      result.occurrences.map((o) => [
        localLabel(o.scheduledAt, NY),
        localLabel(o.scheduledAt, 'Asia/Manila'),
        o.outOfHours,
      ]),
    ).toEqual([
      // New York (the organizer's side) goes first: 05:15–06:00 starts 3 h 45 min before 09:00.
      ['Thu 2027-04-01 05:15', 'Thu 2027-04-01 17:15', [{ personId: 'am', side: 'client', minutes: 225 }]],
      ['Thu 2027-04-08 09:00', 'Thu 2027-04-08 21:00', [{ personId: 'ph', side: 'vendor', minutes: 225 }]],
      ['Thu 2027-04-15 05:15', 'Thu 2027-04-15 17:15', [{ personId: 'am', side: 'client', minutes: 225 }]],
      ['Thu 2027-04-22 09:00', 'Thu 2027-04-22 21:00', [{ personId: 'ph', side: 'vendor', minutes: 225 }]],
      ['Thu 2027-04-29 05:15', 'Thu 2027-04-29 17:15', [{ personId: 'am', side: 'client', minutes: 225 }]],
    ]);
    expect(result.ledger).toEqual({ client: 675, vendor: 450 });
    expect(result.occurrences.every((o) => o.adjustment === null)).toBe(true);
  });

  it('gives the same plan when re-planned from the middle with the ledger so far', () => {
    const whole = rotating([newYork, manila()], '2027-04-01', '2027-06-30');
    const firstHalf = rotating([newYork, manila()], '2027-04-01', '2027-05-15');
    const secondHalf = rotating([newYork, manila()], '2027-05-16', '2027-06-30', firstHalf.ledger);
    const starts = (p: typeof whole) => p.occurrences.map((o) => o.scheduledAt?.toISO());
    expect([...starts(firstHalf), ...starts(secondHalf)]).toEqual(starts(whole));
    expect(secondHalf.ledger).toEqual(whole.ledger);
  });

  it("never puts the least-bad slot on anyone's day off", () => {
    // Thursday 21:00 in Manila would be the vendor's turn, but it is Maundy Thursday there.
    const result = rotating(
      [newYork, manila({ '2027-03-25': 'Maundy Thursday (PH)' })],
      '2027-03-22',
      '2027-03-28',
      {
        client: 225,
        vendor: 0,
      },
    );
    const [week] = result.occurrences;
    expect(localLabel(week.originalAt, NY)).toBe('Thu 2027-03-25 09:00');
    expect(localLabel(week.scheduledAt, NY)).toBe('Wed 2027-03-24 09:00');
    expect(week.adjustment).toEqual({ type: 'shifted', reason: 'Maundy Thursday (PH)' });
  });

  describe('in milliseconds', () => {
    const millisOf = (input: MeetingPlanInput) => {
      const plan = planMeetings(input);
      return {
        ...plan,
        occurrences: plan.occurrences.map(({ originalAt, scheduledAt, endsAt, ...rest }) => ({
          ...rest,
          originalMs: originalAt.toMillis(),
          scheduledMs: scheduledAt?.toMillis() ?? null,
          endsMs: endsAt?.toMillis() ?? null,
        })),
      };
    };

    it('is the same plan with numbers for instants, shared hours or rotating, holidays or not', () => {
      const inputs: MeetingPlanInput[] = [
        {
          rule: weekly({ preferredWeekdays: ['tue', 'thu'] }),
          participants: [newYork, bogota({ '2027-03-23': 'San José (CO)' })],
          organizerId: 'am',
          range: { from: '2027-03-01', to: '2027-03-31' },
        },
        {
          // Real calendars (Holy Week in Manila, US and PH day teams: no shared hours).
          rule: weekly({ anchor: undefined, preferredWeekdays: ['wed', 'thu'] }),
          participants: calendarsOf([
            person('am', NY, 'US', 'client'),
            person('ph', 'Asia/Manila', 'PH', 'vendor'),
          ]),
          organizerId: 'am',
          range: { from: '2027-03-01', to: '2027-05-31' },
          ledger: { client: 45, vendor: 0 },
        },
        {
          rule: weekly({ holidayPolicy: 'skip' }),
          participants: calendarsOf([
            person('am', NY, 'US', 'client'),
            person('pl', 'Europe/Warsaw', 'PL', 'vendor', { hours: ['08:00', '16:00'] }),
            person('gb', 'Europe/London', 'GB', 'client'),
          ]),
          organizerId: 'am',
          range: { from: '2027-03-01', to: '2027-05-31' },
        },
      ];
      for (const input of inputs) expect(planMeetingsMillis(input)).toEqual(millisOf(input));
    });
  });
});
