import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { utcIso } from '../../cadences/domain/instant-format';
import { Clock } from '../../core/clock/clock';
import type { Person } from '../../people/person.entity';
import { DigestScheduleService } from '../digest-schedule.service';
import { DigestSubscription } from '../digest-subscription.entity';
import type { DigestSettingsView, UpdateDigestSettingsDto } from '../dto/digest-settings.dto';
import { ExecutiveLookupService } from '../executive-lookup.service';

/** An executive's digest preferences: read them, change them, and re-plan the next digest. */
@Injectable()
export class DigestSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly executives: ExecutiveLookupService,
    private readonly schedule: DigestScheduleService,
    private readonly clock: Clock,
  ) {}

  /** Reads only: an executive the digest job has not enrolled yet shows the defaults. */
  async get(executiveId: string): Promise<DigestSettingsView> {
    const person = await this.executives.find(executiveId);
    return this.view(person, await this.subscriptionOf(person.id));
  }

  async update(executiveId: string, dto: UpdateDigestSettingsDto): Promise<DigestSettingsView> {
    const person = await this.executives.find(executiveId);
    const now = this.clock.now();
    const at = now.toJSDate();
    const current = await this.subscriptionOf(person.id);
    let unsubscribedAt = current?.unsubscribedAt ?? null;
    if (dto.subscribed === false) unsubscribedAt ??= at;
    if (dto.subscribed === true) unsubscribedAt = null;
    // Only the preference columns: the next slot is re-planned from them right after.
    await this.dataSource.getRepository(DigestSubscription).upsert(
      {
        executiveId: person.id,
        weekday: dto.weekday === undefined ? (current?.weekday ?? null) : dto.weekday,
        sendTime: dto.time === undefined ? (current?.sendTime ?? null) : dto.time,
        unsubscribedAt,
        createdAt: current?.createdAt ?? at,
        updatedAt: at,
      },
      { conflictPaths: ['executiveId'] },
    );
    await this.schedule.reschedule([person.id], now);
    return this.view(person, await this.subscriptionOf(person.id));
  }

  private subscriptionOf(executiveId: string): Promise<DigestSubscription | null> {
    return this.dataSource.getRepository(DigestSubscription).findOneBy({ executiveId });
  }

  private async view(person: Person, subscription: DigestSubscription | null): Promise<DigestSettingsView> {
    const now = this.clock.now();
    const schedule = await this.schedule.readerSchedule(person, subscription, now);
    const next = this.schedule.nextSlot(schedule, subscription, now);
    return {
      executiveId: person.id,
      weekday: schedule.preference.weekday,
      time: schedule.preference.time,
      timeZone: person.timeZone,
      chosen: subscription !== null && (subscription.weekday !== null || subscription.sendTime !== null),
      subscribed: subscription?.unsubscribedAt == null,
      unsubscribedAt: subscription?.unsubscribedAt ? utcIso(subscription.unsubscribedAt) : null,
      nextDigest:
        next === null
          ? null
          : {
              week: next.isoWeek,
              at: utcIso(next.at.toJSDate()),
              local: next.at.setZone(person.timeZone).toISO({ suppressMilliseconds: true }),
              movedFor: next.movedFor,
            },
    };
  }
}
