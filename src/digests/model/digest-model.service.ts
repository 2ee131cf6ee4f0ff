import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { profileOf } from '../../cadences/planning/cadence-plan';
import { ForecastService } from '../../cadences/forecast/forecast.service';
import { CalendarService } from '../../calendars/calendar.service';
import type { WorkingCalendar } from '../../calendars/domain/calendar.types';
import { addDays } from '../../calendars/domain/local-date';
import { AppConfig } from '../../core/config/app-config';
import type { Engagement } from '../../engagements/engagement.entity';
import type { Person } from '../../people/person.entity';
import {
  disruptionsFrom,
  kpiSection,
  openAsks,
  reportHighlight,
  touchpointSections,
  type ReportRow,
} from '../domain/digest-sections';
import type {
  DigestDisruption,
  DigestEngagement,
  DigestLinks,
  DigestModel,
  DigestWeek,
} from '../domain/digest.model';
import { digestWeekOf } from '../domain/iso-week';
import { ReaderDateFormat } from '../templates/reader-date-format';
import { HealthService } from '../../health/health.service';
import { digestHealthOf, type DigestHealth } from './digest-health.view';
import { PortfolioLoader, type PortfolioData } from './portfolio.loader';

/** The look-ahead: the digest's own week and the next. */
const LOOK_AHEAD_DAYS = 14;
/** A report older than this (by due date, before the digest's week) is not "the latest": it says nothing about last week. */
const REPORT_RECENCY_DAYS = 14;
/** Asks that have waited longer than this are counted up to it: the sentence reads the same. */
const MAX_WAITING_DAYS = 120;

/**
 * Builds one executive's `DigestModel` for one ISO week, as of an instant:
 * their engagements with health, new flags, last week's touchpoints, KPIs,
 * recognition, open asks, and the disruptions of the next two weeks. A fixed
 * number of queries for the portfolio, plus one forecast per engagement.
 */
@Injectable()
export class DigestModelService {
  constructor(
    private readonly loader: PortfolioLoader,
    private readonly health: HealthService,
    private readonly forecasts: ForecastService,
    private readonly calendars: CalendarService,
    private readonly config: AppConfig,
  ) {}

  async build(executive: Person, isoWeek: string, asOf: DateTime, links: DigestLinks): Promise<DigestModel> {
    const week = digestWeekOf(isoWeek);
    const zone = executive.timeZone;
    const weekStart = DateTime.fromISO(week.start, { zone });
    const lastWeek = { start: weekStart.minus({ weeks: 1 }), end: weekStart };
    const data = await this.loader.load(executive.id, lastWeek, asOf);
    const ids = data.engagements.map((e) => e.id);
    const health = new Map(
      (await this.health.portfolioFor({ executiveId: executive.id }, asOf)).map((h) => [h.engagementId, h]),
    );
    const dates = new ReaderDateFormat({ name: executive.name, zone, locale: executive.locale });
    const disruptions = await this.disruptions(ids, week, (instant) => dates.dayOf(instant));
    const holidays = await this.calendars.holidays();
    const calendarOf = (person: Person | undefined): WorkingCalendar | null =>
      person === undefined
        ? null
        : this.calendars.calendarFor(profileOf(person, { timeOff: new Map() }), holidays, []);

    const engagements = data.engagements.map((engagement) => {
      const own = health.get(engagement.id);
      // Both reads list the executive's engagements; one assigned in between is in the next digest.
      if (own === undefined) return null;
      return this.engagement(engagement, digestHealthOf(own), data, {
        zone,
        asOf,
        lastWeekStart: lastWeek.start.toISODate(),
        disruptions: disruptions.get(engagement.id) ?? [],
        managerCalendar: calendarOf(data.people.get(engagement.accountManagerId)),
      });
    });
    return {
      executive: { name: executive.name, zone, locale: executive.locale },
      week,
      engagements: engagements.filter((e): e is DigestEngagement => e !== null),
      links,
    };
  }

  private engagement(
    engagement: Engagement,
    health: DigestHealth,
    data: PortfolioData,
    context: {
      zone: string;
      asOf: DateTime;
      lastWeekStart: string;
      disruptions: DigestDisruption[];
      managerCalendar: WorkingCalendar | null;
    },
  ): DigestEngagement {
    const reports = data.reports.get(engagement.id) ?? [];
    const recentFrom = DateTime.fromISO(context.lastWeekStart, { zone: context.zone }).minus({
      days: REPORT_RECENCY_DAYS - 7,
    });
    const latest: ReportRow | null =
      reports.length > 0 && reports[reports.length - 1].dueAt >= recentFrom
        ? reports[reports.length - 1]
        : null;
    const { touchpointIssues, holidaySkips } = touchpointSections(
      data.lastWeek.get(engagement.id) ?? [],
      context.zone,
    );
    return {
      id: engagement.id,
      name: engagement.name,
      vendorName: engagement.vendorName,
      accountManagerName: data.people.get(engagement.accountManagerId)?.name ?? 'no account manager',
      url: `${this.config.server.publicUrl}/api/v1/engagements/${engagement.id}/health`,
      ...health,
      touchpointIssues,
      holidaySkips,
      kpis: kpiSection(engagement.kpis, latest, data.reportDue.has(engagement.id)),
      highlights: [...health.highlights, ...reportHighlight(latest)],
      openAsks:
        latest === null
          ? []
          : openAsks(reports, context.asOf, (from) =>
              workingDaysSince(context.managerCalendar, from, context.asOf),
            ),
      disruptions: context.disruptions,
    };
  }

  /** Each engagement's disruptions in the look-ahead, from its forecast. */
  private async disruptions(
    engagementIds: readonly string[],
    week: DigestWeek,
    day: (instant: string) => string,
  ): Promise<Map<string, DigestDisruption[]>> {
    const window = { from: week.start, to: addDays(week.start, LOOK_AHEAD_DAYS - 1) };
    const out = new Map<string, DigestDisruption[]>();
    for (const id of engagementIds) {
      // Three weeks from today: a digest sent late in its week still sees its whole look-ahead.
      const forecast = await this.forecasts.forecast(id, 3);
      out.set(id, disruptionsFrom(forecast.items, window, day));
    }
    return out;
  }
}

/** Working days of the calendar after `from`'s date, up to and including `to`'s (calendar days without one). */
function workingDaysSince(calendar: WorkingCalendar | null, from: DateTime, to: DateTime): number {
  const zone = calendar?.timeZone ?? 'UTC';
  const last = to.setZone(zone).toISODate();
  let days = 0;
  let date = addDays(from.setZone(zone).toISODate(), 1);
  for (let n = 0; date <= last && n < MAX_WAITING_DAYS; n += 1, date = addDays(date, 1)) {
    if (calendar === null || calendar.day(date).window !== null) days += 1;
  }
  return days;
}
