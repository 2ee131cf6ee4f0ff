import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { profileOf } from '../cadences/planning/cadence-plan';
import { CalendarService } from '../calendars/calendar.service';
import type { WorkingCalendar } from '../calendars/domain/calendar.types';
import { AppConfig } from '../core/config/app-config';
import { Person } from '../people/person.entity';
import { DigestIssue } from './digest-issue.entity';
import { DigestSubscription } from './digest-subscription.entity';
import { type DigestPreference, type DigestSlot, nextDigestSlot } from './domain/digest-schedule';
import { addIsoWeeks, isoWeekOf } from './domain/iso-week';

/** What deciding an executive's next digest needs, loaded once per batch. */
export interface ReaderSchedule {
  person: Person;
  preference: DigestPreference;
  calendar: WorkingCalendar;
  /** ISO weeks already sent, recent ones only (enough for every slot still in play). */
  sent: ReadonlySet<string>;
}

/** Executives enrolled or re-planned per round trip. */
const BATCH = 200;
/** How far back sent weeks are read: a slot can lie up to two weeks past its own week. */
const SENT_LOOKBACK_WEEKS = 4;

/**
 * Keeps `digest_subscription.nextSendAt` right: enrols executives the first
 * time they are seen (the configured default slot), and re-plans the next
 * slot when a preference, a person or a holiday changes. Knows nothing of
 * what a digest says.
 */
@Injectable()
export class DigestScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly config: AppConfig,
  ) {}

  /** The reader's chosen slot, or the configured default for what they left unset. */
  preferenceOf(subscription: Pick<DigestSubscription, 'weekday' | 'sendTime'> | null): DigestPreference {
    return {
      weekday: subscription?.weekday ?? this.config.digests.weekday,
      time: subscription?.sendTime ?? this.config.digests.time,
    };
  }

  /** Everything needed to place this executive's digests, as of `now`. */
  async readerSchedule(
    person: Person,
    subscription: DigestSubscription | null,
    now: DateTime,
  ): Promise<ReaderSchedule> {
    const [schedule] = await this.readerSchedules([person], new Map([[person.id, subscription]]), now);
    return schedule;
  }

  /** The next digest strictly after `after`, or null when none should go (unsubscribed, not an executive). */
  nextSlot(
    schedule: ReaderSchedule,
    subscription: DigestSubscription | null,
    after: DateTime,
  ): DigestSlot | null {
    if (schedule.person.role !== 'executive' || subscription?.unsubscribedAt) return null;
    return nextDigestSlot(after, schedule.preference, schedule.calendar, (week) => schedule.sent.has(week));
  }

  /**
   * Gives every executive without a subscription row one, due at their next
   * default slot after `now`. Also re-plans rows left without a next slot
   * although still subscribed (a person who became an executive again).
   * Returns how many rows it wrote.
   */
  async enrol(now: DateTime): Promise<number> {
    let written = 0;
    for (;;) {
      const people = await this.dataSource
        .getRepository(Person)
        .createQueryBuilder('p')
        .leftJoin(DigestSubscription, 's', 's.executive_id = p.id')
        .where('p.role = :role', { role: 'executive' })
        .andWhere('(s.executive_id IS NULL OR (s.next_send_at IS NULL AND s.unsubscribed_at IS NULL))')
        .orderBy('p.id')
        .limit(BATCH)
        .getMany();
      if (people.length === 0) return written;
      written += await this.replan(people, now);
      if (people.length < BATCH) return written;
    }
  }

  /** Re-plans the next digest of these people (any role: a former executive's row is cleared). */
  async reschedule(personIds: readonly string[], now: DateTime): Promise<void> {
    for (let i = 0; i < personIds.length; i += BATCH) {
      const ids = personIds.slice(i, i + BATCH);
      const people = await this.dataSource.getRepository(Person).findBy({ id: In(ids) });
      await this.replan(people, now);
    }
  }

  /** Re-plans every subscribed executive of a country whose holidays changed. */
  async rescheduleCountry(country: string, now: DateTime): Promise<void> {
    const rows = await this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .where('p.role = :role AND p.country = :country', { role: 'executive', country })
      .getRawMany<{ id: string }>();
    await this.reschedule(
      rows.map((r) => r.id),
      now,
    );
  }

  /**
   * Writes each person's next slot after `now`, creating their row when an
   * executive has none yet. Returns how many rows it wrote.
   */
  private async replan(people: readonly Person[], now: DateTime): Promise<number> {
    if (people.length === 0) return 0;
    const repository = this.dataSource.getRepository(DigestSubscription);
    const existing = await repository.findBy({ executiveId: In(people.map((p) => p.id)) });
    const byId = new Map<string, DigestSubscription | null>(existing.map((s) => [s.executiveId, s]));
    const schedules = await this.readerSchedules(people, byId, now);
    const at = now.toJSDate();
    let written = 0;
    for (const schedule of schedules) {
      const subscription = byId.get(schedule.person.id) ?? null;
      const next = this.nextSlot(schedule, subscription, now);
      if (subscription === null) {
        if (next === null) continue;
        // Another instance may enrol the same executive at the same moment: the first insert wins.
        await repository
          .createQueryBuilder()
          .insert()
          .values({
            executiveId: schedule.person.id,
            weekday: null,
            sendTime: null,
            unsubscribedAt: null,
            nextSendAt: next.at.toJSDate(),
            nextWeek: next.isoWeek,
            createdAt: at,
            updatedAt: at,
          })
          .orIgnore()
          .execute();
      } else {
        await repository.update(
          { executiveId: schedule.person.id },
          { nextSendAt: next?.at.toJSDate() ?? null, nextWeek: next?.isoWeek ?? null, updatedAt: at },
        );
      }
      written += 1;
    }
    return written;
  }

  private async readerSchedules(
    people: readonly Person[],
    subscriptions: ReadonlyMap<string, DigestSubscription | null>,
    now: DateTime,
  ): Promise<ReaderSchedule[]> {
    const holidays = await this.calendars.holidays();
    const sinceWeek = addIsoWeeks(isoWeekOf(now.toUTC().toISODate()), -SENT_LOOKBACK_WEEKS);
    const sent = await this.dataSource.getRepository(DigestIssue).find({
      select: { executiveId: true, isoWeek: true },
      where: { executiveId: In(people.map((p) => p.id)), isoWeek: MoreThanOrEqual(sinceWeek) },
    });
    const sentBy = new Map<string, Set<string>>();
    for (const issue of sent)
      sentBy.set(issue.executiveId, (sentBy.get(issue.executiveId) ?? new Set()).add(issue.isoWeek));
    return people.map((person) => ({
      person,
      preference: this.preferenceOf(subscriptions.get(person.id) ?? null),
      // Only holidays and the work week move a digest: no time off (it waits in the inbox),
      // no blackouts (those belong to an engagement, not to the reader).
      calendar: this.calendars.calendarFor(profileOf(person, { timeOff: new Map() }), holidays, []),
      sent: sentBy.get(person.id) ?? new Set<string>(),
    }));
  }
}
