import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendars/calendar.service';
import { profileOf } from '../cadences/planning/cadence-plan';
import { NoWorkingTimeError, nextWorkingMoment } from '../follow-ups/domain/working-time';
import type { Person } from '../people/person.entity';
import { TimeOff } from '../people/time-off.entity';

/**
 * "Tomorrow", as a snooze means it: the start of the person's working hours
 * on their next working day after today (their zone, work week, holidays and
 * time off), even when today's hours have not begun yet.
 */
@Injectable()
export class NextWorkingMorning {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  async after(person: Person, now: DateTime): Promise<DateTime> {
    const timeOff = await this.dataSource.getRepository(TimeOff).findBy({ personId: person.id });
    const calendar = this.calendars.calendarFor(
      profileOf(person, { timeOff: new Map([[person.id, timeOff]]) }),
      await this.calendars.holidays(),
      [],
    );
    // Local midnight ending today, in the person's zone: calendar math in the local zone.
    const tomorrow = now.setZone(person.timeZone).startOf('day').plus({ days: 1 });
    try {
      return nextWorkingMoment(calendar, tomorrow).toUTC();
    } catch (error) {
      // Someone with no working time for two months: a day later is the honest best.
      if (error instanceof NoWorkingTimeError) return tomorrow.toUTC();
      throw error;
    }
  }
}
