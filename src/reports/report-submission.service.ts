import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { Clock } from '../core/clock/clock';
import { AppConfig } from '../core/config/app-config';
import { Conflict, ValidationFailed } from '../core/errors/domain-error';
import { type DomainEvent, DomainEvents } from '../core/events/domain-events';
import { CachedQuery } from '../database/cached-query';
import { EntityRow } from '../database/entity-row';
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
  private readonly reports: EntityRow<StatusReport>;
  private readonly statements: ReturnType<typeof submissionStatements>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: ReportSubjectService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly events: DomainEvents,
  ) {
    this.reports = new EntityRow(dataSource, StatusReport);
    this.statements = submissionStatements(dataSource, this.reports);
  }

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
      stored = await this.dataSource.transaction(async (manager) => {
        const written = await this.store(manager, subject, validation.report, submittedBy);
        await this.events.publishInTransaction(manager, submitted(written.report));
        return written;
      });
    } catch (error) {
      // Two first submissions at once (a double click): the second finds the unique index taken.
      if (!isUniqueViolation(error)) throw error;
      throw new Conflict(
        'REPORT_CHANGED',
        'This report was just sent from elsewhere; reload it and try again.',
      );
    }
    await this.events.publish(submitted(stored.report));
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
        askCheckAt: null,
        revision: 1,
      });
      await this.statements.insertReport.execute(this.reports.storedValues(report, REPORT_COLUMNS), manager);
    } else {
      // A copy: the subject keeps the report as it was loaded.
      report = Object.assign(new StatusReport(), existing, {
        ...content,
        ...(submittedBy !== null && { submittedByPersonId: submittedBy }),
        updatedAt: at,
        revision: existing.revision + 1,
      });
      // Compare-and-set on the revision: two edits at once must not silently overwrite each other.
      const updated = await this.statements.updateReport.execute(
        { ...this.reports.storedValues(report, EDITED_COLUMNS), id: existing.id, seen: existing.revision },
        manager,
      );
      if (updated !== 1) {
        throw new Conflict(
          'REPORT_CHANGED',
          'This report was just changed from elsewhere; reload it and try again.',
        );
      }
    }

    // The touchpoint must still take a report (the planner may have withdrawn it meanwhile).
    // One statement: its first submission time is set once and kept by every edit, and
    // nothing is awaited any more, so no later check may call it late or missed.
    const marked = await this.statements.markTouchpoint.execute(
      {
        id: subject.touchpoint.id,
        status: late ? 'late' : 'submitted',
        at: at.toISOString(),
        kind: 'status_report',
        accepting: ACCEPTING,
      },
      manager,
    );
    if (marked !== 1) {
      throw new Conflict('REPORT_CLOSED', 'This report is no longer expected; nothing was stored.');
    }
    return { report, created: existing === null };
  }
}

function submitted(report: StatusReport): DomainEvent {
  return {
    type: 'report.submitted',
    touchpointId: report.touchpointId,
    engagementId: report.engagementId,
    report,
  };
}

/** What a submission writes, whether first or an edit. */
const CONTENT_COLUMNS = ['status', 'kpiValues', 'highlights', 'blockers', 'asks', 'nextWeekPlan'] as const;

/** Every column of a new report. */
const REPORT_COLUMNS = [
  'id',
  'touchpointId',
  'engagementId',
  'submittedByPersonId',
  ...CONTENT_COLUMNS,
  'late',
  'submittedAt',
  'updatedAt',
  'askCheckAt',
  'revision',
] as const satisfies readonly (keyof StatusReport)[];

/** What an edit changes: the content, who sent it, and the revision. */
const EDITED_COLUMNS = [
  ...CONTENT_COLUMNS,
  'submittedByPersonId',
  'updatedAt',
  'revision',
] as const satisfies readonly (keyof StatusReport)[];

/** The three writes of a submission, built once (see CachedQuery). */
function submissionStatements(dataSource: DataSource, reports: EntityRow<StatusReport>) {
  type Stored = string | number | boolean | null;
  return {
    insertReport: new CachedQuery<Record<(typeof REPORT_COLUMNS)[number], Stored>>(dataSource, (db, values) =>
      db
        .createQueryBuilder()
        .insert()
        .into(StatusReport)
        .values(reports.placeholders(REPORT_COLUMNS))
        .setParameters(values),
    ),
    updateReport: new CachedQuery<Record<(typeof EDITED_COLUMNS)[number] | 'id' | 'seen', Stored>>(
      dataSource,
      (db, values) =>
        db
          .createQueryBuilder()
          .update(StatusReport)
          .set(reports.placeholders(EDITED_COLUMNS))
          .where('id = :id AND revision = :seen')
          .setParameters(values),
    ),
    markTouchpoint: new CachedQuery<{
      id: string;
      status: string;
      at: string;
      kind: string;
      accepting: readonly string[];
    }>(dataSource, (db, values) =>
      db
        .createQueryBuilder()
        .update(Touchpoint)
        .set({
          status: () => ':status',
          updatedAt: () => ':at',
          submittedAt: () => 'COALESCE(submitted_at, :at)',
          checkAt: () => 'NULL',
        })
        .where('id = :id AND kind = :kind AND status IN (:...accepting)')
        .setParameters(values),
    ),
  };
}
