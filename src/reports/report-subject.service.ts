import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Cadence } from '../cadences/cadence.entity';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { Conflict, NotFound } from '../core/errors/domain-error';
import { CachedQuery } from '../database/cached-query';
import { EntityRow } from '../database/entity-row';
import { Engagement } from '../engagements/engagement.entity';
import { EngagementContact } from '../engagements/engagement-contact.entity';
import { Person } from '../people/person.entity';
import { openBlockers } from './domain/blocker-carry-over';
import type { StoredBlocker } from './domain/report.types';
import { editableUntil } from './domain/report-window';
import { StatusReport } from './status-report.entity';

/** Report touchpoints in these states take no report: the planner withdrew them. */
const WITHDRAWN = ['skipped', 'cancelled'];

export function isWithdrawn(touchpoint: Touchpoint): boolean {
  return WITHDRAWN.includes(touchpoint.status);
}

/** Everything known about one report touchpoint that the form, the API and the rules need. */
export interface ReportSubject {
  touchpoint: Touchpoint;
  cadence: Cadence;
  engagement: Engagement;
  /** What was stored for this touchpoint, if anything. */
  report: StatusReport | null;
  /** The open blockers of the last report of the same cadence due before this one. */
  previousOpenBlockers: StoredBlocker[];
  dueAt: DateTime;
  /** Reports can be sent and changed until the next one of the cadence is due. */
  editableUntil: DateTime;
}

type SubjectParameters = {
  id: string;
  vendorContact: string;
  statusReport: string;
  withdrawn: readonly string[];
};

/** The subject's row: each entity's columns as `alias_column`, and what the subqueries found. */
type SubjectRow = Record<string, unknown> & {
  vendor_zone: string | null;
  next_due_at: unknown;
  previous_blockers: unknown;
};

/**
 * Loads a report touchpoint with its engagement, cadence, stored report and the last one's
 * blockers: one statement, since the form, the API and every submission start here.
 */
@Injectable()
export class ReportSubjectService {
  private readonly touchpoints: EntityRow<Touchpoint>;
  private readonly cadences: EntityRow<Cadence>;
  private readonly engagements: EntityRow<Engagement>;
  private readonly reports: EntityRow<StatusReport>;
  private readonly subject: CachedQuery<SubjectParameters>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.touchpoints = new EntityRow(dataSource, Touchpoint);
    this.cadences = new EntityRow(dataSource, Cadence);
    this.engagements = new EntityRow(dataSource, Engagement);
    this.reports = new EntityRow(dataSource, StatusReport);
    this.subject = new CachedQuery(dataSource, (db, { id, vendorContact, statusReport, withdrawn }) => {
      const query = db
        .createQueryBuilder()
        .from(Touchpoint, 't')
        .innerJoin(Cadence, 'c', 'c.id = t.cadence_id')
        .innerJoin(Engagement, 'e', 'e.id = t.engagement_id')
        .leftJoin(StatusReport, 'r', 'r.touchpoint_id = t.id')
        .select([])
        // The time zone of the engagement's first vendor contact (by position).
        .addSelect(
          (sub) =>
            sub
              .select('p.time_zone')
              .from(Person, 'p')
              .innerJoin(EngagementContact, 'ec', 'ec.person_id = p.id')
              .where('ec.engagement_id = t.engagement_id AND ec.kind = :vendorContact', { vendorContact })
              .orderBy('ec.position', 'ASC')
              .limit(1),
          'vendor_zone',
        )
        // When the next report of the same cadence that is still expected is due.
        .addSelect(
          (sub) =>
            sub
              .select('n.scheduled_at')
              .from(Touchpoint, 'n')
              .where('n.cadence_id = t.cadence_id AND n.kind = :statusReport', { statusReport })
              .andWhere('n.scheduled_at > t.scheduled_at AND n.status NOT IN (:...withdrawn)', { withdrawn })
              .orderBy('n.scheduled_at', 'ASC')
              .limit(1),
          'next_due_at',
        )
        // The blockers of the last stored report of the cadence due before this one (a missed
        // week is skipped over).
        .addSelect(
          (sub) =>
            sub
              .select('pr.blockers')
              .from(StatusReport, 'pr')
              .innerJoin(Touchpoint, 'pt', 'pt.id = pr.touchpoint_id')
              .where('pt.cadence_id = t.cadence_id AND pt.scheduled_at < t.scheduled_at')
              .orderBy('pt.scheduled_at', 'DESC')
              .limit(1),
          'previous_blockers',
        )
        .where('t.id = :id', { id });
      this.touchpoints.select(query, 't');
      this.cadences.select(query, 'c');
      this.engagements.select(query, 'e');
      return this.reports.select(query, 'r');
    });
  }

  /** @throws NotFound for an unknown id, Conflict NOT_A_REPORT for a meeting. */
  async load(touchpointId: string): Promise<ReportSubject> {
    const row = await this.subject.getRawOne<SubjectRow>({
      id: touchpointId,
      vendorContact: 'vendor_contact',
      statusReport: 'status_report',
      withdrawn: WITHDRAWN,
    });
    const touchpoint = row && this.touchpoints.from(row, 't');
    if (row === null || touchpoint === null) throw new NotFound('touchpoint', touchpointId);
    if (touchpoint.kind !== 'status_report') {
      throw new Conflict(
        'NOT_A_REPORT',
        `Touchpoint ${touchpointId} is a ${touchpoint.kind}, not a status report.`,
      );
    }
    const cadence = this.cadences.from(row, 'c')!;
    const nextDueAt = this.touchpoints.hydrated('scheduledAt', row.next_due_at);
    const previous = this.reports.hydrated('blockers', row.previous_blockers);
    const dueAt = DateTime.fromJSDate(touchpoint.scheduledAt, { zone: 'utc' });
    return {
      touchpoint,
      cadence,
      engagement: this.engagements.from(row, 'e')!,
      report: this.reports.from(row, 'r'),
      previousOpenBlockers: previous === null ? [] : openBlockers(previous),
      dueAt,
      editableUntil: editableUntil({
        dueAt,
        nextDueAt: nextDueAt === null ? null : DateTime.fromJSDate(nextDueAt, { zone: 'utc' }),
        frequency: cadence.frequency,
        zone: row.vendor_zone ?? 'UTC',
      }),
    };
  }

  /**
   * @throws Conflict REPORT_SKIPPED when the planner withdrew the touchpoint,
   * REPORT_CLOSED once the next report of the cadence is due.
   */
  assertAccepting(subject: ReportSubject, now: DateTime): void {
    if (isWithdrawn(subject.touchpoint)) {
      const why = subject.touchpoint.adjustmentReason;
      throw new Conflict(
        'REPORT_SKIPPED',
        `This report is not expected${why ? ` (${why})` : ''}; nothing can be sent for it.`,
      );
    }
    if (now >= subject.editableUntil) {
      throw new Conflict(
        'REPORT_CLOSED',
        `This report can no longer be sent or changed: that closed at ${subject.editableUntil.toISO()}, when the next report was due.`,
      );
    }
  }
}
