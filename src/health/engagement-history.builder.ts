import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { Engagement } from '../engagements/engagement.entity';
import { OutboxMessage } from '../notifications/outbox/outbox-message.entity';
import { Person } from '../people/person.entity';
import { StatusReport } from '../reports/status-report.entity';
import { NudgeAcknowledgement } from '../slack/nudge-acknowledgement.entity';
import { AskAnswer } from './asks/ask-answer.entity';
import { CachedQuery } from '../database/cached-query';
import type { EngagementHistory } from './domain/engagement-history';
import {
  type AcknowledgementRow,
  type AnswerRow,
  type EngagementRow,
  mapHistory,
  type NudgeRow,
  type ReportRow,
  type TouchpointRow,
} from './engagement-history.mapper';
import { HealthSettings } from './health-settings';
import { storedForm } from './stored-instant';

/** Engagements per round of queries: one IN list each, well under either database's bind limit. */
const CHUNK = 500;

/**
 * The span of history read for assessments as of some instants: from
 * `historyWeeks` before the earliest to a week after the latest, since the
 * domain needs the whole current week's touchpoints to tell a paused holiday
 * week from an ordinary one (anything after `asOf` itself it ignores).
 */
export interface HistoryRange {
  from: DateTime;
  to: DateTime;
}

/**
 * Reads engagements' histories from the database into the domain's
 * EngagementHistory, many at a time: six queries per 500 engagements
 * (engagements with their account manager's zone, touchpoints, reports,
 * follow-ups sent, acknowledgements of them, answers to asks), whatever the
 * number of weeks.
 */
@Injectable()
export class HistoryBuilder {
  private readonly sql: ReturnType<typeof historyQueries>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly settings: HealthSettings,
  ) {
    this.sql = historyQueries(dataSource);
  }

  /** The range to read for assessments as of `earliest` … `latest`. */
  rangeFor(earliest: DateTime, latest: DateTime = earliest): HistoryRange {
    return { from: earliest.minus({ weeks: this.settings.historyWeeks }), to: latest.plus({ days: 8 }) };
  }

  /** Histories by engagement id; an unknown id is simply absent. */
  async build(
    engagementIds: readonly string[],
    range: HistoryRange,
  ): Promise<Map<string, EngagementHistory>> {
    const histories = new Map<string, EngagementHistory>();
    const unique = [...new Set(engagementIds)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      for (const [id, history] of await this.buildChunk(unique.slice(i, i + CHUNK), range)) {
        histories.set(id, history);
      }
    }
    return histories;
  }

  /** The raw rows only, for the benchmark's baseline: the same queries without the mapping. */
  async rows(engagementIds: readonly string[], range: HistoryRange): Promise<number> {
    const tables = await this.query(engagementIds, range);
    return tables.reduce((total, rows) => total + rows.length, 0);
  }

  private async buildChunk(
    ids: readonly string[],
    range: HistoryRange,
  ): Promise<Map<string, EngagementHistory>> {
    const [engagements, touchpoints, reports, nudges, acknowledgements, answers] = await this.query(
      ids,
      range,
    );
    const touchpointsOf = groupBy(touchpoints);
    const reportsOf = groupBy(reports);
    const nudgesOf = groupBy(nudges);
    const acknowledgementsOf = groupBy(acknowledgements);
    const answersOf = groupBy(answers);
    const histories = new Map<string, EngagementHistory>();
    for (const engagement of engagements) {
      histories.set(
        engagement.id,
        mapHistory({
          engagement,
          touchpoints: touchpointsOf.get(engagement.id) ?? [],
          reports: reportsOf.get(engagement.id) ?? [],
          nudges: nudgesOf.get(engagement.id) ?? [],
          acknowledgements: acknowledgementsOf.get(engagement.id) ?? [],
          answers: answersOf.get(engagement.id) ?? [],
        }),
      );
    }
    return histories;
  }

  private query(
    ids: readonly string[],
    range: HistoryRange,
  ): Promise<
    [
      EngagementRow[],
      TouchpointRow[],
      ReportRow[],
      (NudgeRow & Grouped)[],
      (AcknowledgementRow & Grouped)[],
      (AnswerRow & Grouped)[],
    ]
  > {
    if (ids.length === 0) return Promise.resolve([[], [], [], [], [], []]);
    // Instants are fixed-width UTC ISO strings: comparing them as text compares the instants.
    const from = storedForm(range.from);
    const to = storedForm(range.to);
    const list = ids;
    const sql = this.sql;
    return Promise.all([
      sql.engagements.getRawMany<EngagementRow>({ list }),
      sql.touchpoints.getRawMany<TouchpointRow>({ list, from, to }),
      sql.reports.getRawMany<ReportRow>({ list, from, to }),
      sql.nudges.getRawMany<NudgeRow & Grouped>({ list, from, to }),
      sql.acknowledgements.getRawMany<AcknowledgementRow & Grouped>({ list, from, to }),
      sql.answers.getRawMany<AnswerRow & Grouped>({ list }),
    ]);
  }
}

type ListParameters = { list: readonly string[] };
type RangeParameters = ListParameters & { from: string; to: string };

/** The six reads of a history, each built once per IN-list length (see CachedQuery). */
function historyQueries(dataSource: DataSource) {
  return {
    engagements: new CachedQuery<ListParameters>(dataSource, (db, { list }) =>
      db
        .createQueryBuilder()
        .from(Engagement, 'e')
        .leftJoin(Person, 'p', 'p.id = e.account_manager_id')
        .select('e.id', 'id')
        .addSelect('e.created_at', 'createdAt')
        .addSelect('e.kpis', 'kpis')
        .addSelect('p.time_zone', 'timeZone')
        .where('e.id IN (:...list)', { list }),
    ),
    touchpoints: new CachedQuery<RangeParameters>(dataSource, (db, { list, from, to }) =>
      selectColumns(db.createQueryBuilder().from(Touchpoint, 't'), 't', {
        id: 'id',
        engagementId: 'engagement_id',
        kind: 'kind',
        status: 'status',
        scheduledAt: 'scheduled_at',
        endsAt: 'ends_at',
        originalAt: 'original_at',
        adjustmentType: 'adjustment_type',
        adjustmentReason: 'adjustment_reason',
        heldAt: 'held_at',
        submittedAt: 'submitted_at',
        rescheduleCount: 'reschedule_count',
      })
        .where('t.engagement_id IN (:...list)', { list })
        .andWhere('t.scheduled_at >= :from AND t.scheduled_at < :to', { from, to }),
    ),
    reports: new CachedQuery<RangeParameters>(dataSource, (db, { list, from, to }) =>
      selectColumns(db.createQueryBuilder().from(StatusReport, 'r'), 'r', {
        touchpointId: 'touchpoint_id',
        engagementId: 'engagement_id',
        status: 'status',
        kpiValues: 'kpi_values',
        blockers: 'blockers',
        asks: 'asks',
        submittedAt: 'submitted_at',
      })
        .innerJoin(Touchpoint, 't', 't.id = r.touchpoint_id')
        .where('r.engagement_id IN (:...list)', { list })
        .andWhere('t.scheduled_at >= :from AND t.scheduled_at < :to', { from, to }),
    ),
    nudges: new CachedQuery<RangeParameters>(dataSource, (db, { list, from, to }) =>
      selectColumns(db.createQueryBuilder().from(OutboxMessage, 'o'), 'o', {
        engagementId: 'engagement_id',
        touchpointId: 'touchpoint_id',
        followUpTrigger: 'follow_up_trigger',
        sentAt: 'sent_at',
        recipientPersonId: 'recipient_person_id',
      })
        .leftJoin(Person, 'p', 'p.id = o.recipient_person_id')
        .addSelect('p.role', 'recipientRole')
        .where('o.engagement_id IN (:...list)', { list })
        .andWhere("o.purpose = 'nudge' AND o.status = 'sent'")
        .andWhere('o.sent_at >= :from AND o.sent_at < :to', { from, to }),
    ),
    acknowledgements: new CachedQuery<RangeParameters>(dataSource, (db, { list, from, to }) =>
      selectColumns(db.createQueryBuilder().from(NudgeAcknowledgement, 'k'), 'k', {
        touchpointId: 'touchpoint_id',
        personId: 'person_id',
        acknowledgedAt: 'acknowledged_at',
      })
        .innerJoin(Touchpoint, 't', 't.id = k.touchpoint_id')
        .addSelect('t.engagement_id', 'engagementId')
        .where('t.engagement_id IN (:...list)', { list })
        .andWhere('k.acknowledged_at >= :from AND k.acknowledged_at < :to', { from, to }),
    ),
    answers: new CachedQuery<ListParameters>(dataSource, (db, { list }) =>
      selectColumns(db.createQueryBuilder().from(AskAnswer, 'a'), 'a', {
        engagementId: 'engagement_id',
        touchpointId: 'touchpoint_id',
        askIndex: 'ask_index',
        askText: 'ask_text',
        answeredAt: 'answered_at',
      }).where('a.engagement_id IN (:...list)', { list }),
    ),
  };
}

interface Grouped {
  engagementId: string;
}

function selectColumns<T extends object>(
  query: SelectQueryBuilder<T>,
  alias: string,
  columns: Readonly<Record<string, string>>,
): SelectQueryBuilder<T> {
  const [first, ...rest] = Object.entries(columns);
  let selected = query.select(`${alias}.${first[1]}`, first[0]);
  for (const [name, column] of rest) selected = selected.addSelect(`${alias}.${column}`, name);
  return selected;
}

function groupBy<R extends Grouped>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const list = groups.get(row.engagementId);
    if (list) list.push(row);
    else groups.set(row.engagementId, [row]);
  }
  return groups;
}
