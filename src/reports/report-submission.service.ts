import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { Clock } from '../core/clock/clock';
import { AppConfig } from '../core/config/app-config';
import { Conflict, ValidationFailed } from '../core/errors/domain-error';
import { DomainEvents } from '../core/events/domain-events';
import { isUniqueViolation } from '../database/unique-violation';
import { assembleBlockers } from './domain/blocker-carry-over';
import { validateReport, type ReportInput, type ValidReport } from './domain/report-rules';
import { isLate } from './domain/report-window';
import { type ReportSubject, ReportSubjectService } from './report-subject.service';
import { StatusReport } from './status-report.entity';

/** Touchpoint statuses that take a report: waiting, already in (an edit), or missed (a late one). */
const ACCEPTING = ['pending', 'submitted', 'late', 'missed'];

export interface StoredSubmission {
  report: StatusReport;
  subject: ReportSubject;
  /** True for the first submission, false for an edit. */
  created: boolean;
}

/**
 * Stores a status report, from the form or the API: the same rules, one
 * transaction for the report and its touchpoint, then `report.submitted`.
 */
@Injectable()
export class ReportSubmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: ReportSubjectService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly events: DomainEvents,
  ) {}

  /**
   * @throws ValidationFailed with one message per field, NotFound, Conflict
   * (not a report, withdrawn, no longer editable, changed meanwhile).
   */
  async submit(
    touchpointId: string,
    input: ReportInput,
    submittedBy: string | null,
  ): Promise<StoredSubmission> {
    return this.submitTo(await this.subjects.load(touchpointId), input, submittedBy);
  }

  /**
   * {@link submit} for a subject the caller has just loaded (the form has it already).
   *
   * @throws ValidationFailed with one message per field, Conflict (withdrawn, no
   * longer editable, changed since `subject` was loaded).
   */
  async submitTo(
    subject: ReportSubject,
    input: ReportInput,
    submittedBy: string | null,
  ): Promise<StoredSubmission> {
    const now = this.clock.now();
    this.subjects.assertAccepting(subject, now);
    const validation = validateReport(input, {
      kpis: subject.engagement.kpis,
      previousOpenBlockers: subject.previousOpenBlockers,
    });
    if (!validation.ok) throw new ValidationFailed(validation.errors);

    let stored: { report: StatusReport; created: boolean };
    try {
      stored = await this.dataSource.transaction((manager) =>
        this.store(manager, subject, validation.report, submittedBy),
      );
    } catch (error) {
      // Two first submissions at once (a double click): the second finds the unique index taken.
      if (!isUniqueViolation(error)) throw error;
      throw new Conflict(
        'REPORT_CHANGED',
        'This report was just sent from elsewhere; reload it and try again.',
      );
    }
    await this.events.publish({
      type: 'report.submitted',
      touchpointId: subject.touchpoint.id,
      engagementId: subject.touchpoint.engagementId,
    });
    return { ...stored, subject };
  }

  private async store(
    manager: EntityManager,
    subject: ReportSubject,
    valid: ValidReport,
    submittedBy: string | null,
  ): Promise<{ report: StatusReport; created: boolean }> {
    const now = this.clock.now();
    const at = now.toJSDate();
    // The report as loaded with the subject, not read again: the compare-and-set below (or, for a
    // first submission, the unique index) refuses the write if anything was stored since.
    const existing = subject.report;
    const late = existing?.late ?? isLate(now, subject.dueAt, this.config.reports.lateGraceMinutes);
    const content = {
      status: valid.status,
      kpiValues: valid.kpis,
      highlights: valid.highlights,
      blockers: assembleBlockers(valid.blockers, {
        existing: existing?.blockers ?? [],
        dueAt: subject.dueAt.toUTC().toISO() ?? '',
        newId: randomUUID,
      }),
      asks: valid.asks.map((text) => ({ text })),
      nextWeekPlan: valid.nextWeekPlan,
    };

    let report: StatusReport;
    if (existing === null) {
      report = Object.assign(new StatusReport(), {
        id: randomUUID(),
        touchpointId: subject.touchpoint.id,
        engagementId: subject.touchpoint.engagementId,
        submittedByPersonId: submittedBy,
        ...content,
        late,
        submittedAt: at,
        updatedAt: at,
        revision: 1,
      });
      await manager.insert(StatusReport, report);
    } else {
      // A copy: the subject keeps the report as it was loaded.
      report = Object.assign(new StatusReport(), existing, {
        ...content,
        ...(submittedBy !== null && { submittedByPersonId: submittedBy }),
        updatedAt: at,
        revision: existing.revision + 1,
      });
      // Compare-and-set on the revision: two edits at once must not silently overwrite each other.
      const updated = await manager
        .createQueryBuilder()
        .update(StatusReport)
        .set({
          status: report.status,
          kpiValues: report.kpiValues,
          highlights: report.highlights,
          blockers: report.blockers,
          asks: report.asks,
          nextWeekPlan: report.nextWeekPlan,
          submittedByPersonId: report.submittedByPersonId,
          updatedAt: at,
          revision: report.revision,
        })
        .where('id = :id AND revision = :seen', { id: existing.id, seen: report.revision - 1 })
        .execute();
      if (updated.affected !== 1) {
        throw new Conflict(
          'REPORT_CHANGED',
          'This report was just changed from elsewhere; reload it and try again.',
        );
      }
    }

    // The touchpoint must still take a report (the planner may have withdrawn it meanwhile).
    // One statement: its first submission time is set once and kept by every edit, and
    // nothing is awaited any more, so no later check may call it late or missed.
    const marked = await manager
      .createQueryBuilder()
      .update(Touchpoint)
      .set({
        status: late ? 'late' : 'submitted',
        updatedAt: at,
        submittedAt: () => 'COALESCE(submitted_at, :submittedAt)',
        checkAt: null,
      })
      .where('id = :id AND kind = :kind AND status IN (:...accepting)', {
        id: subject.touchpoint.id,
        kind: 'status_report',
        accepting: ACCEPTING,
        submittedAt: at.toISOString(),
      })
      .execute();
    if (marked.affected !== 1) {
      throw new Conflict('REPORT_CLOSED', 'This report is no longer expected; nothing was stored.');
    }
    return { report, created: existing === null };
  }
}
