import fc from 'fast-check';
import { DateTime } from 'luxon';
import { WEEKDAYS } from '../../src/calendars/domain/calendar.types';
import { fromEpochDay, toEpochDay } from '../../src/cadences/domain/civil-date';
import { planReportDueDates } from '../../src/cadences/domain/report-due';
import { calendarFor, personArb, startsOnArb } from './property-arbitraries';

// Status-report due dates over random vendor zones, work weeks, days off and dates 2025–2032.

const caseArb = fc.record({
  vendor: personArb,
  startsOn: startsOnArb,
  frequency: fc.constantFrom('weekly' as const, 'biweekly' as const, 'monthly' as const),
  weekday: fc.constantFrom(...WEEKDAYS),
  minute: fc.integer({ min: 0, max: 287 }).map((five) => five * 5),
  holidayPolicy: fc.constantFrom('shift' as const, 'skip' as const),
});

function fail(what: string): never {
  throw new Error(what);
}

describe('report due date properties', () => {
  it('fall due at the vendor’s local time on a vendor working day, no earlier than needed, or are skipped for a reason', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const calendar = calendarFor(c.vendor, 'vendor', 'vendor', c.startsOn);
        const zone = c.vendor.zone;
        const time = `${String(Math.floor(c.minute / 60)).padStart(2, '0')}:${String(c.minute % 60).padStart(2, '0')}`;
        const startsOn = toEpochDay(c.startsOn);
        const reports = planReportDueDates({
          rule: {
            frequency: c.frequency,
            due: { weekday: c.weekday, time },
            holidayPolicy: c.holidayPolicy,
            startsOn: c.startsOn,
          },
          vendor: calendar,
          range: { from: c.startsOn, to: fromEpochDay(startsOn + 62) },
        });
        const works = (day: number) => calendar.day(fromEpochDay(day)).window !== null;
        for (const r of reports) {
          const ruleDay = toEpochDay(r.originalAt.setZone(zone).toISODate());
          if (WEEKDAYS[DateTime.fromISO(fromEpochDay(ruleDay), { zone: 'utc' }).weekday - 1] !== c.weekday)
            fail('rule weekday');
          const earliest = Math.max(startsOn, ruleDay - 6);
          if (r.status === 'skipped') {
            if (r.dueAt !== null) fail('skipped with a due date');
            const ruleDayOff = !works(ruleDay);
            const noneBefore = Array.from({ length: ruleDay - earliest + 1 }, (_, i) => earliest + i).every(
              (d) => !works(d),
            );
            if (!(ruleDayOff && (c.holidayPolicy === 'skip' || noneBefore)))
              fail(`skipped ${r.periodKey} without cause`);
            continue;
          }
          const due = r.dueAt!.setZone(zone);
          const dueDay = toEpochDay(due.toISODate());
          if (!works(dueDay)) fail(`due on a day off: ${due.toISO()}`);
          if (dueDay < earliest || dueDay > ruleDay) fail(`due outside its week: ${due.toISO()}`);
          // The latest working day at or before the rule date: nothing working in between.
          for (let d = dueDay + 1; d <= ruleDay; d++)
            if (works(d)) fail(`moved too far back: ${due.toISO()}`);
          if (dueDay !== ruleDay && r.adjustment?.type !== 'shifted') fail('moved without saying so');
          if (
            dueDay === ruleDay &&
            r.adjustment !== null &&
            !r.adjustment.reason.includes('does not exist')
          ) {
            fail(`not moved, yet adjusted: ${r.adjustment.reason}`);
          }
          if (due.toFormat('HH:mm') !== time) {
            // Only when the clock skips the due time that day: then it is due at the jump.
            const wall = DateTime.fromISO(due.toISODate(), { zone }).set({
              hour: Math.floor(c.minute / 60),
              minute: c.minute % 60,
            });
            if (wall.hour * 60 + wall.minute === c.minute) fail(`due at ${due.toISO()} instead of ${time}`);
            if (due.hour * 60 + due.minute <= c.minute)
              fail('a skipped time must fall due later on the clock');
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
