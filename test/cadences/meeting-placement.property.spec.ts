import fc from 'fast-check';
import { DateTime, Settings } from 'luxon';
import { WEEKDAYS, type WorkingCalendar } from '../../src/calendars/domain/calendar.types';
import { planMeetings, type MeetingPlanInput } from '../../src/cadences/domain/meeting-placement';
import type { MeetingOccurrence } from '../../src/cadences/domain/cadence.types';
import { fromEpochDay, toEpochDay, weekdayIndex } from '../../src/cadences/domain/civil-date';
import { localDayAt, localToUtcMs } from '../../src/cadences/domain/zone-offset';
import { calendarFor, personArb, startsOnArb } from './property-arbitraries';

// Properties of meeting placement over random zones (every IANA zone), work weeks, hours
// (night shifts included), days off and dates from 2025 to 2032. The oracle reads the
// calendars day by day and checks slots on a quarter-hour grid, with none of the planner's
// interval logic.

const MINUTE = 60_000;
/** Weeks planned per case: enough to see a rhythm, few enough for thousands of cases. */
const WEEKS = 3;

/** A failed check, with what to look at; fast-check then shrinks and reports the case. */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

interface Window {
  start: number;
  end: number;
}

/** A calendar read once into numbers: its windows and which local dates are working days. */
interface Timeline {
  zone: string;
  windows: Window[];
  working: Map<number, boolean>;
}

function timelineOf(calendar: WorkingCalendar, startsOn: string): Timeline {
  const first = toEpochDay(startsOn) - 9;
  const windows: Window[] = [];
  const working = new Map<number, boolean>();
  for (let day = first; day <= first + 9 + 7 * WEEKS + 9; day++) {
    const w = calendar.day(fromEpochDay(day)).window;
    working.set(day, w !== null);
    if (w !== null) windows.push({ start: w.start.toMillis(), end: w.end.toMillis() });
  }
  return { zone: calendar.timeZone, windows, working };
}

function insideWindow(t: Timeline, start: number, end: number): boolean {
  return t.windows.some((w) => w.start <= start && end <= w.end);
}

function worksAt(t: Timeline, atMs: number): boolean {
  return t.working.get(localDayAt(t.zone, atMs)) === true;
}

/** Inside a window, or at least on working dates of the person at both ends. */
function allowedFor(t: Timeline, start: number, end: number): boolean {
  return insideWindow(t, start, end) || (worksAt(t, start) && worksAt(t, end - 1));
}

function reachMinutes(t: Timeline, start: number, end: number): number {
  const reach = Math.min(...t.windows.map((w) => Math.max(0, w.start - start) + Math.max(0, end - w.end)));
  return Math.round(reach / MINUTE);
}

/** The organizer-local dates an occurrence of a period may use: its ISO week, from startsOn on. */
function periodDays(o: MeetingOccurrence, organizerZone: string, startsOn: string): number[] {
  const ruleDay = localDayAt(organizerZone, o.originalAt.toMillis());
  const monday = ruleDay - weekdayIndex(ruleDay);
  return Array.from({ length: 7 }, (_, i) => monday + i).filter((d) => d >= toEpochDay(startsOn));
}

/** Whether some slot on a quarter-hour grid of the period's days satisfies `ok` for everyone. */
function someGridSlot(
  days: number[],
  organizerZone: string,
  timelines: Timeline[],
  durationMs: number,
  ok: (t: Timeline, s: number, e: number) => boolean,
): boolean {
  for (const day of days) {
    const from = localToUtcMs(organizerZone, day, 0);
    const to = localToUtcMs(organizerZone, day + 1, 0);
    const near = timelines.map((t) => ({
      ...t,
      windows: t.windows.filter((w) => w.end > from - durationMs && w.start < to + durationMs),
    }));
    for (let s = from; s < to; s += 15 * MINUTE) {
      if (near.every((t) => ok(t, s, s + durationMs))) return true;
    }
  }
  return false;
}

const caseArb = fc.record({
  startsOn: startsOnArb,
  organizer: personArb,
  others: fc.array(fc.tuple(personArb, fc.constantFrom('client' as const, 'vendor' as const)), {
    minLength: 1,
    maxLength: 2,
  }),
  durationMinutes: fc.integer({ min: 1, max: 8 }).map((q) => q * 15),
  preferredWeekdays: fc.subarray([...WEEKDAYS]),
  anchor: fc.option(
    fc.record({
      weekday: fc.constantFrom(...WEEKDAYS),
      time: fc.integer({ min: 0, max: 287 }).map((five) => {
        const m = five * 5;
        return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      }),
    }),
    { nil: undefined },
  ),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function setUp(c: Case): { input: MeetingPlanInput; calendars: WorkingCalendar[] } {
  const calendars = [
    calendarFor(c.organizer, 'org', 'client', c.startsOn),
    ...c.others.map(([spec, side], i) => calendarFor(spec, `p${i}`, i === 0 ? 'vendor' : side, c.startsOn)),
  ];
  const to = fromEpochDay(toEpochDay(c.startsOn) + 7 * WEEKS - 1);
  return {
    calendars,
    input: {
      rule: {
        frequency: 'weekly',
        durationMinutes: c.durationMinutes,
        preferredWeekdays: c.preferredWeekdays,
        holidayPolicy: 'shift',
        startsOn: c.startsOn,
        ...(c.anchor ? { anchor: c.anchor } : {}),
      },
      participants: calendars,
      organizerId: 'org',
      range: { from: c.startsOn, to },
    },
  };
}

describe('meeting placement properties', () => {
  // Anything that silently used the default zone would now be in Kathmandu (UTC+05:45).
  const previousZone = Settings.defaultZone;
  beforeAll(() => {
    Settings.defaultZone = 'Asia/Kathmandu';
  });
  afterAll(() => {
    Settings.defaultZone = previousZone;
  });

  it('places every meeting inside everyone’s hours or records exactly who is outside and by how much, never on a day off', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { input, calendars } = setUp(c);
        const plan = planMeetings(input);
        const timelines = calendars.map((cal) => timelineOf(cal, c.startsOn));
        for (const o of plan.occurrences) {
          if (o.scheduledAt === null) continue;
          const start = o.scheduledAt.toMillis();
          const end = o.endsAt!.toMillis();
          check(end - start === c.durationMinutes * MINUTE, 'duration');
          calendars.forEach((calendar, i) => {
            const t = timelines[i];
            check(
              allowedFor(t, start, end),
              `${calendar.personId} asked on a day off at ${DateTime.fromMillis(start, { zone: 'utc' }).toISO()}`,
            );
            const recorded = o.outOfHours.find((x) => x.personId === calendar.personId)?.minutes ?? 0;
            const expected = insideWindow(t, start, end) ? 0 : reachMinutes(t, start, end);
            check(
              recorded === expected,
              `${calendar.personId} out of hours ${recorded} min, oracle ${expected}`,
            );
          });
        }
      }),
      { numRuns: 2500 },
    );
  });

  it('uses a common window whenever the week has one, and skips only when the week has no common working day', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { input, calendars } = setUp(c);
        const plan = planMeetings(input);
        const zone = calendars[0].timeZone;
        const timelines = calendars.map((cal) => timelineOf(cal, c.startsOn));
        const durationMs = c.durationMinutes * MINUTE;
        for (const o of plan.occurrences) {
          const days = periodDays(o, zone, c.startsOn);
          // Only a meeting outside someone's hours, or a skip, needs the grid searched.
          if (o.status === 'skipped' || o.outOfHours.length > 0) {
            check(
              !someGridSlot(days, zone, timelines, durationMs, insideWindow),
              `${o.periodKey} missed a common window`,
            );
          }
          if (o.status === 'skipped') {
            check(
              !someGridSlot(days, zone, timelines, durationMs, allowedFor),
              `${o.periodKey} skipped a working day`,
            );
          } else {
            // The occurrence stays in its period: its ISO week, never before startsOn.
            check(days.includes(localDayAt(zone, o.scheduledAt!.toMillis())), `${o.periodKey} left its week`);
          }
        }
      }),
      { numRuns: 2500 },
    );
  });

  it("keeps the organizer's local time and weekday, round-tripping through UTC, wherever nothing moved it", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { input, calendars } = setUp(c);
        const plan = planMeetings(input);
        const zone = calendars[0].timeZone;
        for (const o of plan.occurrences) {
          const original = o.originalAt.setZone(zone);
          check(
            o.periodKey === original.toFormat("kkkk-'W'WW"),
            `${o.periodKey} is not the week of ${original.toISO()}`,
          );
          check(o.originalAt.toMillis() % MINUTE === 0, 'whole minutes');
          if (!plan.sharedHours) continue;
          check(WEEKDAYS[original.weekday - 1] === plan.anchor.weekday, 'anchor weekday');
          // Through Luxon and back: the same wall time, unless the clock skips it that day.
          const [hour, minute] = plan.anchor.time.split(':').map(Number);
          const wall = DateTime.fromObject(
            { ...original.toObject(), hour, minute, second: 0, millisecond: 0 },
            { zone },
          );
          if (wall.hour === hour && wall.minute === minute) {
            check(
              original.toFormat('HH:mm') === plan.anchor.time,
              `${original.toISO()} is not at ${plan.anchor.time}`,
            );
            // A wall time the clock shows twice (the autumn change) is the first of the two in
            // Cadence (zoned-time.ts); Luxon takes the second.
            const firstOfRepeated =
              wall.offset !== original.offset && o.originalAt.toMillis() < wall.toMillis();
            check(
              wall.toMillis() === o.originalAt.toMillis() || firstOfRepeated,
              `${original.toISO()} is not Luxon's ${wall.toISO()}`,
            );
          }
        }
      }),
      { numRuns: 1500 },
    );
  });
});
