import { Injectable } from '@nestjs/common';
import { DomainError } from '../core/errors/domain-error';
import type { ReportView } from './dto/report.dto';
import { type ReportSubject, ReportSubjectService } from './report-subject.service';
import type { StatusReport } from './status-report.entity';

/** Reads stored reports for the API. */
@Injectable()
export class ReportQueryService {
  constructor(private readonly subjects: ReportSubjectService) {}

  /** @throws NotFound (touchpoint or report), Conflict NOT_A_REPORT. */
  async get(touchpointId: string): Promise<ReportView> {
    const subject = await this.subjects.load(touchpointId);
    if (subject.report === null) {
      throw new DomainError(
        'REPORT_NOT_FOUND',
        `No report has been sent for touchpoint ${touchpointId} yet.`,
        404,
      );
    }
    return toReportView(subject.report, subject);
  }
}

export function toReportView(report: StatusReport, subject: ReportSubject): ReportView {
  return {
    touchpointId: report.touchpointId,
    engagementId: report.engagementId,
    status: report.status,
    kpis: report.kpiValues,
    highlights: report.highlights,
    blockers: report.blockers.map((b) => ({
      id: b.id,
      text: b.text,
      status: b.status,
      carriedFrom: b.carriedFrom ?? null,
      firstSeenAt: b.firstSeenAt,
    })),
    asks: report.asks.map((a) => ({ text: a.text })),
    nextWeekPlan: report.nextWeekPlan,
    late: report.late,
    dueAt: subject.dueAt.toUTC().toISO() ?? '',
    submittedAt: report.submittedAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    revision: report.revision,
    editableUntil: subject.editableUntil.toUTC().toISO() ?? '',
    submittedByPersonId: report.submittedByPersonId,
  };
}
