import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Cadence } from '../cadences/cadence.entity';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { Conflict, NotFound } from '../core/errors/domain-error';
import { Engagement } from '../engagements/engagement.entity';
import { EngagementContact } from '../engagements/engagement-contact.entity';
import { EngagementsService } from '../engagements/engagements.service';
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

/** Loads a report touchpoint with its engagement, cadence, stored report and the last one's blockers. */
@Injectable()
export class ReportSubjectService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engagements: EngagementsService,
  ) {}

  /** @throws NotFound for an unknown id, Conflict NOT_A_REPORT for a meeting. */
  async load(touchpointId: string): Promise<ReportSubject> {
    const touchpoints = this.dataSource.getRepository(Touchpoint);
    const touchpoint = await touchpoints.findOneBy({ id: touchpointId });
    if (touchpoint === null) throw new NotFound('touchpoint', touchpointId);
    if (touchpoint.kind !== 'status_report') {
      throw new Conflict(
        'NOT_A_REPORT',
        `Touchpoint ${touchpointId} is a ${touchpoint.kind}, not a status report.`,
      );
    }
    // All of these depend on the touchpoint alone.
    const [cadence, engagement, report, vendorZone, next, previousOpenBlockers] = await Promise.all([
      this.dataSource.getRepository(Cadence).findOneByOrFail({ id: touchpoint.cadenceId }),
      this.engagements.find(touchpoint.engagementId),
      this.dataSource.getRepository(StatusReport).findOneBy({ touchpointId }),
      this.firstVendorZone(touchpoint.engagementId),
      this.nextReport(touchpoint),
      this.previousOpenBlockers(touchpoint),
    ]);
    const dueAt = DateTime.fromJSDate(touchpoint.scheduledAt, { zone: 'utc' });
    return {
      touchpoint,
      cadence,
      engagement,
      report,
      previousOpenBlockers,
      dueAt,
      editableUntil: editableUntil({
        dueAt,
        nextDueAt: next === null ? null : DateTime.fromJSDate(next.scheduledAt, { zone: 'utc' }),
        frequency: cadence.frequency,
        zone: vendorZone ?? 'UTC',
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

  /** The time zone of the engagement's first vendor contact (by position), in one query. */
  private async firstVendorZone(engagementId: string): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .select('p.time_zone', 'zone')
      .innerJoin(EngagementContact, 'c', 'c.person_id = p.id')
      .where('c.engagement_id = :engagementId AND c.kind = :kind', { engagementId, kind: 'vendor_contact' })
      .orderBy('c.position', 'ASC')
      .limit(1)
      .getRawOne<{ zone: string }>();
    return row?.zone ?? null;
  }

  /** The next report of the same cadence that is still expected, if any. */
  private nextReport(touchpoint: Touchpoint): Promise<Touchpoint | null> {
    // Instants are fixed-width ISO strings, so comparing them as text compares the instants.
    return (
      this.dataSource
        .getRepository(Touchpoint)
        .createQueryBuilder('t')
        // Only its due time is used: neither build nor read the rest of the row.
        .select(['t.id', 't.scheduledAt'])
        .where('t.cadence_id = :cadenceId AND t.kind = :kind AND t.scheduled_at > :dueAt', {
          cadenceId: touchpoint.cadenceId,
          kind: 'status_report',
          dueAt: touchpoint.scheduledAt.toISOString(),
        })
        .andWhere('t.status NOT IN (:...withdrawn)', { withdrawn: WITHDRAWN })
        .orderBy('t.scheduled_at', 'ASC')
        // getOne() adds no LIMIT: without one, every later report of the cadence is read and built.
        .limit(1)
        .getOne()
    );
  }

  /** The last stored report of the same cadence due before this touchpoint (a missed week is skipped over). */
  private async previousOpenBlockers(touchpoint: Touchpoint): Promise<StoredBlocker[]> {
    const previous = await this.dataSource
      .getRepository(StatusReport)
      .createQueryBuilder('r')
      .select(['r.id', 'r.blockers'])
      .innerJoin(Touchpoint, 't', 't.id = r.touchpoint_id')
      .where('t.cadence_id = :cadenceId AND t.scheduled_at < :dueAt', {
        cadenceId: touchpoint.cadenceId,
        dueAt: touchpoint.scheduledAt.toISOString(),
      })
      .orderBy('t.scheduled_at', 'DESC')
      .limit(1)
      .getOne();
    return previous === null ? [] : openBlockers(previous.blockers);
  }
}
