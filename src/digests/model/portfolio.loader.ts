import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, In } from 'typeorm';
import { Cadence } from '../../cadences/cadence.entity';
import { Touchpoint } from '../../cadences/touchpoint.entity';
import { Engagement } from '../../engagements/engagement.entity';
import { defaultTouchpointTitle } from '../../follow-ups/domain/touchpoint-title';
import { AskAnswer } from '../../health/asks/ask-answer.entity';
import { answerTo } from '../../health/asks/ask-matching';
import { storedForm } from '../../health/stored-instant';
import { Person } from '../../people/person.entity';
import { StatusReport } from '../../reports/status-report.entity';
import type { ReportRow, TouchpointRow } from '../domain/digest-sections';

/** One executive's portfolio as the digest reads it, loaded with one query per table. */
export interface PortfolioData {
  engagements: Engagement[];
  /** Account managers and report senders, by id. */
  people: ReadonlyMap<string, Person>;
  /** Touchpoints scheduled last week, by engagement. */
  lastWeek: ReadonlyMap<string, TouchpointRow[]>;
  /** Engagements that had a status report due last week (not skipped). */
  reportDue: ReadonlySet<string>;
  /** Submitted reports of the look-back, by engagement, oldest due first. */
  reports: ReadonlyMap<string, ReportRow[]>;
}

/** Reports further back than this cannot date an ask that is still open: the chain is cut there. */
const REPORT_LOOKBACK_WEEKS = 8;

/**
 * Reads what the digest shows of an executive's engagements, in a fixed
 * number of queries however large the portfolio: engagements, then
 * touchpoints, reports, cadences and people, each for all engagements at once.
 */
@Injectable()
export class PortfolioLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `lastWeek` is the reader's previous local week, `[start, end)`; reports are
   * those submitted by `asOf`.
   */
  async load(
    executiveId: string,
    lastWeek: { start: DateTime; end: DateTime },
    asOf: DateTime,
  ): Promise<PortfolioData> {
    const engagements = await this.dataSource
      .getRepository(Engagement)
      .find({ where: { executiveId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const ids = engagements.map((e) => e.id);
    if (ids.length === 0)
      return {
        engagements,
        people: new Map(),
        lastWeek: new Map(),
        reportDue: new Set(),
        reports: new Map(),
      };

    const [touchpoints, reports] = await Promise.all([
      this.dataSource
        .getRepository(Touchpoint)
        .createQueryBuilder('t')
        .where('t.engagement_id IN (:...ids)', { ids })
        .andWhere('t.scheduled_at >= :start AND t.scheduled_at < :end', {
          start: storedForm(lastWeek.start),
          end: storedForm(lastWeek.end),
        })
        .orderBy('t.scheduled_at', 'ASC')
        .getMany(),
      this.dataSource
        .getRepository(StatusReport)
        .createQueryBuilder('r')
        .where('r.engagement_id IN (:...ids)', { ids })
        .andWhere('r.submitted_at <= :asOf AND r.submitted_at >= :since', {
          asOf: storedForm(asOf),
          since: storedForm(lastWeek.start.minus({ weeks: REPORT_LOOKBACK_WEEKS })),
        })
        .getMany(),
    ]);
    const personIds = [
      ...engagements.map((e) => e.accountManagerId),
      ...reports.map((r) => r.submittedByPersonId).filter((id): id is string => id !== null),
    ];
    // `IN ()` is not SQL: an empty list reads nothing.
    const reportTouchpointIds = unique(reports.map((r) => r.touchpointId));
    const cadenceIds = unique(touchpoints.map((t) => t.cadenceId));
    const [reportTouchpoints, answers, cadences, people] = await Promise.all([
      reportTouchpointIds.length === 0
        ? []
        : this.dataSource.getRepository(Touchpoint).findBy({ id: In(reportTouchpointIds) }),
      reportTouchpointIds.length === 0
        ? []
        : this.dataSource.getRepository(AskAnswer).findBy({ touchpointId: In(reportTouchpointIds) }),
      cadenceIds.length === 0 ? [] : this.dataSource.getRepository(Cadence).findBy({ id: In(cadenceIds) }),
      this.dataSource.getRepository(Person).findBy({ id: In(unique(personIds)) }),
    ]).then(([t, a, c, p]) => [byId(t), a, byId(c), byId(p)] as const);
    const answersOf = new Map<string, AskAnswer[]>();
    for (const answer of answers) push(answersOf, answer.touchpointId, answer);

    const lastWeekRows = new Map<string, TouchpointRow[]>();
    const reportDue = new Set<string>();
    for (const t of touchpoints) {
      if (t.kind === 'status_report' && t.status !== 'skipped' && t.adjustmentType !== 'skipped')
        reportDue.add(t.engagementId);
      push(lastWeekRows, t.engagementId, {
        kind: t.kind,
        status: t.status,
        title: cadences.get(t.cadenceId)?.title ?? defaultTouchpointTitle(t.kind),
        scheduledAt: instant(t.scheduledAt),
        submittedAt: t.submittedAt === null ? null : instant(t.submittedAt),
        adjustmentType: t.adjustmentType,
        adjustmentReason: t.adjustmentReason,
      });
    }

    const reportRows = new Map<string, ReportRow[]>();
    for (const report of reports) {
      const due = reportTouchpoints.get(report.touchpointId)?.scheduledAt ?? report.submittedAt;
      push(reportRows, report.engagementId, {
        dueAt: instant(due),
        submittedAt: instant(report.submittedAt),
        kpiValues: report.kpiValues,
        highlights: report.highlights,
        asks: report.asks.map((ask, index) => {
          const answer = answerTo(answersOf.get(report.touchpointId) ?? [], index, ask.text);
          return { text: ask.text, answeredAt: answer ? instant(answer.answeredAt) : null };
        }),
        submittedBy:
          report.submittedByPersonId === null ? null : (people.get(report.submittedByPersonId)?.name ?? null),
      });
    }
    for (const rows of reportRows.values()) rows.sort((a, b) => a.dueAt.toMillis() - b.dueAt.toMillis());
    return { engagements, people, lastWeek: lastWeekRows, reportDue, reports: reportRows };
  }
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function instant(date: Date): DateTime {
  return DateTime.fromJSDate(date, { zone: 'utc' });
}
