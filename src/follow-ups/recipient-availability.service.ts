import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendars/calendar.service';
import { profileOf } from '../cadences/planning/cadence-plan';
import type { RecipientAvailability } from '../notifications/outbox/delivery';
import { OutboxWorker } from '../notifications/outbox/outbox.worker';
import { Person } from '../people/person.entity';
import { TimeOff } from '../people/time-off.entity';
import { nextWorkingMoment, NoWorkingTimeError } from './domain/working-time';

/**
 * Tells the outbox when a follow-up may reach its recipient: inside their
 * working hours, never on their holiday or time off (queued, not dropped).
 * Checked again at delivery time, so a holiday confirmed or time off entered
 * after the message was queued still holds it back.
 */
@Injectable()
export class RecipientAvailabilityService implements RecipientAvailability, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly worker: OutboxWorker,
  ) {}

  onModuleInit(): void {
    this.worker.useAvailability(this);
  }

  async nextDeliverableAt(personId: string, now: Date): Promise<Date> {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: personId });
    if (person === null) return now;
    const timeOff = await this.dataSource.getRepository(TimeOff).findBy({ personId });
    const calendar = this.calendars.calendarFor(
      profileOf(person, { timeOff: new Map([[personId, timeOff]]) }),
      await this.calendars.holidays(),
      [],
    );
    try {
      return nextWorkingMoment(calendar, DateTime.fromJSDate(now, { zone: 'utc' })).toJSDate();
    } catch (error) {
      // Nobody can be reached who never works: deliver rather than hold it for ever.
      if (error instanceof NoWorkingTimeError) return now;
      throw error;
    }
  }
}
