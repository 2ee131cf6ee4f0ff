import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime, Interval } from 'luxon';
import { Between, DataSource } from 'typeorm';
import { CalendarService } from '../../calendars/calendar.service';
import { listHolidays } from '../../calendars/domain/holiday-listing';
import { SharedWorkingDays } from '../../calendars/domain/working-calendar';
import { Clock } from '../../core/clock/clock';
import { NotFound } from '../../core/errors/domain-error';
import type { Person } from '../../people/person.entity';
import { listDstTransitions } from '../domain/dst';
import { describeOverlapChange, findOverlapChanges, weeklyOverlap } from '../domain/overlap';
import { profileOf, zoneLabels } from '../planning/cadence-plan';
import type { PlanningContext } from '../planning/planning-context';
import { PlanningContextLoader } from '../planning/planning-context.loader';
import { Touchpoint } from '../touchpoint.entity';
import type { AffectedTouchpointView, ForecastItemView, ForecastView } from './forecast.dto';

/**
 * What will disrupt an engagement's touchpoints in the coming weeks: holidays
 * (tentative ones marked), shutdown days, time off and clock changes, each with
 * the touchpoints it moves or skips, and the weeks when the common working
 * window shrinks.
 */
@Injectable()
export class ForecastService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: PlanningContextLoader,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async forecast(engagementId: string, weeks: number): Promise<ForecastView> {
    const [context] = await this.loader.load([engagementId], null);
    if (context === undefined) throw new NotFound('engagement', engagementId);
    const now = this.clock.now();
    const from = now.startOf('day');
    const to = from.plus({ weeks }).minus({ days: 1 });
    const fromDate = from.toISODate();
    const toDate = to.toISODate();
    const touchpoints = await this.dataSource.getRepository(Touchpoint).find({
      where: {
        engagementId,
        originalAt: Between(from.minus({ days: 1 }).toJSDate(), to.plus({ days: 2 }).toJSDate()),
      },
      order: { originalAt: 'ASC' },
    });
    const titles = new Map(context.cadences.map((c) => [c.id, c.title]));
    const affectedBy = (needle: string): AffectedTouchpointView[] =>
      touchpoints
        .filter((t) => t.adjustmentType !== null && (t.adjustmentReason ?? '').includes(needle))
        .map((t) => affectedView(t, titles));

    const members = this.members(context);
    const items: ForecastItemView[] = [];
    const holidays = await this.calendars.holidays();

    const places = new Map<string, Person[]>();
    for (const person of members) {
      const key = `${person.country}|${person.region ?? ''}`;
      places.set(key, [...(places.get(key) ?? []), person]);
    }
    const seen = new Set<string>();
    for (const people of places.values()) {
      const { country, region } = people[0];
      for (const holiday of listHolidays(holidays, { country, region, from: fromDate, to: toDate })) {
        if (seen.has(holiday.id)) continue;
        seen.add(holiday.id);
        const affected = affectedBy(holiday.label);
        items.push({
          kind: 'holiday',
          date: holiday.start,
          ...(holiday.end !== holiday.start && { endDate: holiday.end }),
          label: holiday.label,
          tentative: holiday.tentative,
          holidayId: holiday.id,
          personIds: people.map((p) => p.id),
          touchpoints: affected,
          message: describe(
            holiday.label,
            affected,
            holiday.tentative ? 'the date is computed, not announced: confirm or move it' : null,
          ),
        });
      }
    }

    for (const blackout of context.blackouts.filter((b) => b.date >= fromDate && b.date <= toDate)) {
      const label = `${blackout.name} (${blackout.side} blackout)`;
      const affected = affectedBy(blackout.name);
      items.push({
        kind: 'blackout',
        date: blackout.date,
        label,
        touchpoints: affected,
        message: describe(label, affected, null),
      });
    }

    for (const person of members) {
      for (const off of context.timeOff.get(person.id) ?? []) {
        if (off.endDate < fromDate || off.startDate > toDate) continue;
        const label = `${person.name}: time off`;
        const affected = touchpoints
          .filter((t) => t.adjustmentType !== null && /time off/i.test(t.adjustmentReason ?? ''))
          .filter((t) => {
            const local = DateTime.fromJSDate(t.originalAt, { zone: person.timeZone }).toISODate();
            return local >= off.startDate && local <= off.endDate;
          })
          .map((t) => affectedView(t, titles));
        items.push({
          kind: 'time_off',
          date: off.startDate,
          ...(off.endDate !== off.startDate && { endDate: off.endDate }),
          label,
          personIds: [person.id],
          touchpoints: affected,
          message: describe(
            label,
            affected,
            off.backupPersonId ? 'a backup receives their follow-ups' : null,
          ),
        });
      }
    }

    const labels = zoneLabels(members);
    const zones = [...new Set(members.map((p) => p.timeZone))];
    for (const transition of listDstTransitions(zones, Interval.fromDateTimes(from, to.endOf('day')))) {
      const label = `${labels[transition.zone] ?? transition.zone} (${transition.zone}) moves clocks ${
        transition.offsetAfterMinutes > transition.offsetBeforeMinutes ? 'forward' : 'back'
      } ${Math.abs(transition.offsetAfterMinutes - transition.offsetBeforeMinutes)} min`;
      // Reasons name the clock change ("US moved clocks on Mar 14 2027"); keep those near this one.
      const within = transition.at.plus({ weeks: 4 }).toMillis();
      const affected = affectedBy('clocks').filter((t) => {
        const at = Date.parse(t.originalAt);
        return at >= transition.at.toMillis() && at <= within;
      });
      items.push({
        kind: 'dst',
        date: transition.localDate,
        label,
        touchpoints: affected,
        message: describe(label, affected, null),
      });
    }

    // People with the same zone, hours, holidays and days off share their computed days.
    const days = new SharedWorkingDays();
    const calendarFor = (person: Person) =>
      this.calendars.calendarFor(profileOf(person, context), holidays, context.blackouts, days);
    for (const cadence of context.cadences.filter((c) => c.kind === 'meeting' && c.active)) {
      const participants = cadence.participantIds
        .map((id) => context.people.get(id))
        .filter((p): p is Person => !!p);
      const organizer = participants.find((p) => p.id === cadence.organizerId) ?? participants[0];
      if (organizer === undefined) continue;
      const overlap = weeklyOverlap({
        calendars: participants.map(calendarFor),
        organizerId: organizer.id,
        from: fromDate,
        weeks,
      });
      for (const change of findOverlapChanges(
        overlap,
        participants.map((p) => p.timeZone),
        organizer.timeZone,
      )) {
        if (change.minutes >= change.usualMinutes) continue;
        const message = `${cadence.title}: ${describeOverlapChange(change, zoneLabels(participants))}`;
        const weekStart = overlap.find((w) => w.weekKey === change.fromWeek)?.weekStart ?? fromDate;
        items.push({
          kind: 'overlap',
          date: weekStart,
          label: `${cadence.title}: shorter common window`,
          touchpoints: [],
          message,
        });
      }
    }

    items.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
    return { engagementId, from: fromDate, to: toDate, items };
  }

  private members(context: PlanningContext): Person[] {
    const ids = new Set([
      context.engagement.accountManagerId,
      ...context.vendorContactIds,
      ...context.clientContactIds,
      ...context.cadences.flatMap((c) => c.participantIds),
    ]);
    return [...ids].map((id) => context.people.get(id)).filter((p): p is Person => p !== undefined);
  }
}

/** A touchpoint the rule moved or skipped, as the forecast lists it. */
function affectedView(t: Touchpoint, titles: ReadonlyMap<string, string>): AffectedTouchpointView {
  return {
    id: t.id,
    title: titles.get(t.cadenceId) ?? '',
    effect: t.adjustmentType as 'shifted' | 'skipped',
    originalAt: t.originalAt.toISOString(),
    scheduledAt: t.scheduledAt.toISOString(),
  };
}

function describe(label: string, affected: AffectedTouchpointView[], note: string | null): string {
  const effects = affected.map((t) => {
    const when = DateTime.fromISO(t.originalAt, { zone: 'utc' }).toFormat('ccc d LLL');
    return t.effect === 'skipped' ? `skips ${t.title} (${when})` : `moves ${t.title} (${when})`;
  });
  const what = effects.length > 0 ? `${label} ${effects.join(', ')}` : `${label}: no touchpoint affected`;
  return note ? `${what}; ${note}` : what;
}
