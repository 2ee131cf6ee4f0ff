import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock/clock';
import { NotFound, ValidationFailed } from '../core/errors/domain-error';
import { DomainEvents } from '../core/events/domain-events';
import type {
  Blackout,
  CalendarProfile,
  LocalDate,
  Weekday,
  WorkingCalendar,
  WorkingHours,
} from './domain/calendar.types';
import type { CalendarData } from './domain/calendar-data.types';
import { createHolidayCalendar, type HolidayCalendar } from './domain/holiday-calendar';
import { listHolidays, type HolidayListing } from './domain/holiday-listing';
import type { HolidayAdjustment } from './domain/holiday.types';
import { addDays, daysBetween } from './domain/local-date';
import { createSeasonalHours, type SeasonalHoursCalendar } from './domain/seasonal-hours';
import { defaultWorkWeek, defaultWorkingHours } from './domain/work-week';
import { createWorkingCalendar, type SharedWorkingDays } from './domain/working-calendar';
import { loadCalendarData } from './calendar-data.loader';
import { HolidayAdjustmentRow } from './holiday-adjustment.entity';
import { AppConfig } from '../core/config/app-config';

/**
 * Working calendars for people: the calendar data in `config/` (read and
 * validated once at start-up; a bad entry stops start-up, naming the file),
 * holidays with operators' confirmations and moves applied, seasonal hours.
 */
@Injectable()
export class CalendarService {
  readonly data: CalendarData;
  private readonly seasonal: SeasonalHoursCalendar;
  private holidayCalendar: HolidayCalendar | null = null;
  /** Identifies the adjustments the cached holiday calendar was built with. */
  private adjustmentsFingerprint = '';

  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {
    this.data = loadCalendarData(config.configDir);
    this.seasonal = createSeasonalHours(this.data.seasonalHours);
  }

  /** A country's usual work week and office hours, for people created without their own. */
  defaultsFor(country: string): { workWeek: readonly Weekday[]; workingHours: WorkingHours } {
    return {
      workWeek: defaultWorkWeek(this.data, country),
      workingHours: defaultWorkingHours(this.data, country),
    };
  }

  /**
   * The holiday calendar with every stored adjustment applied. Rebuilt only
   * when the adjustments changed (also those made through another instance).
   */
  async holidays(): Promise<HolidayCalendar> {
    const rows = await this.dataSource
      .getRepository(HolidayAdjustmentRow)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
    const fingerprint = rows.map((r) => r.id).join(',');
    if (this.holidayCalendar === null || fingerprint !== this.adjustmentsFingerprint) {
      const adjustments: HolidayAdjustment[] = rows.map((r) => ({
        holidayId: r.holidayId,
        action: r.action,
        ...(r.date !== null && { date: r.date }),
      }));
      this.holidayCalendar = createHolidayCalendar({ data: this.data, adjustments });
      this.adjustmentsFingerprint = fingerprint;
    }
    return this.holidayCalendar;
  }

  /**
   * One person's working calendar within an engagement (blackouts of their side apply). With
   * `shared`, it computes its days once with every other calendar of the same inputs.
   */
  calendarFor(
    profile: CalendarProfile,
    holidays: HolidayCalendar,
    blackouts: readonly Blackout[],
    shared?: SharedWorkingDays,
  ): WorkingCalendar {
    return createWorkingCalendar(profile, { holidays, seasonalHours: this.seasonal, blackouts, shared });
  }

  async listHolidays(query: {
    country: string;
    region: string | null;
    from: LocalDate;
    to: LocalDate;
  }): Promise<HolidayListing[]> {
    return listHolidays(await this.holidays(), query);
  }

  /**
   * Confirms a computed holiday or moves it by one day (announced Eid dates
   * differ from the computed ones by a day at most). Touchpoints it touches are
   * re-planned through the `holiday.changed` event.
   */
  async adjustHoliday(
    holidayId: string,
    change: { confirm?: boolean; date?: LocalDate },
  ): Promise<HolidayListing> {
    const calendar = await this.holidays();
    const holiday = calendar.byId(holidayId);
    if (holiday === undefined) throw new NotFound('holiday', holidayId);
    if (change.date !== undefined && Math.abs(daysBetween(holiday.computedStart, change.date)) > 1) {
      throw new ValidationFailed({
        date: `must be within one day of the computed date ${holiday.computedStart} (${addDays(holiday.computedStart, -1)} to ${addDays(holiday.computedStart, 1)})`,
      });
    }
    const now = this.clock.now().toJSDate();
    const rows: HolidayAdjustmentRow[] = [];
    const row = (action: 'confirm' | 'move', date: string | null): HolidayAdjustmentRow =>
      Object.assign(new HolidayAdjustmentRow(), {
        id: randomUUID(),
        holidayId,
        action,
        date,
        country: holiday.country,
        createdAt: now,
      });
    if (change.date !== undefined) rows.push(row('move', change.date));
    if (change.confirm === true) rows.push(row('confirm', null));
    // Within this call only this insert changes the adjustments: read them again only after it.
    let updatedCalendar = calendar;
    if (rows.length > 0) {
      await this.dataSource.getRepository(HolidayAdjustmentRow).insert(rows);
      updatedCalendar = await this.holidays();
    }

    const updated = updatedCalendar.byId(holidayId);
    if (updated === undefined) throw new NotFound('holiday', holidayId);
    await this.events.publish({
      type: 'holiday.changed',
      country: holiday.country,
      date: holiday.computedStart,
    });
    if (change.date !== undefined && change.date !== holiday.start) {
      await this.events.publish({ type: 'holiday.changed', country: holiday.country, date: change.date });
    }
    return listHolidays(updatedCalendar, {
      country: updated.country,
      region: updated.region,
      from: updated.start,
      to: updated.end,
    }).find((h) => h.id === holidayId) as HolidayListing;
  }
}
