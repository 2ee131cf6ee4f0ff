import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock/clock';
import { NotFound } from '../core/errors/domain-error';
import { Engagement } from '../engagements/engagement.entity';
import type { HealthAssessment } from './domain/health-score';
import { localWeekOf } from './domain/health-week';
import type { HealthWeekView } from './dto/health.dto';
import type { EngagementHealth, PortfolioOwner, PortfolioWeek } from './engagement-health';
import { type Evaluation, HealthEvaluator } from './health-evaluator';
import { SnapshotStore, type StoredWeek } from './snapshots/snapshot.store';

/** Weeks of history a portfolio entry carries. */
const PORTFOLIO_WEEKS = 8;

interface EngagementNames {
  id: string;
  name: string;
  vendorName: string;
  accountManagerId: string;
  executiveId: string | null;
}

/**
 * Engagement health for the API and for the features that show it (digest,
 * Slack): the current assessment, the weekly series, and portfolios. Every
 * read is computed from the database as of the clock's now, in batches.
 */
@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluator: HealthEvaluator,
    private readonly snapshots: SnapshotStore,
    private readonly clock: Clock,
  ) {}

  /** `GET /engagements/:id/health`. @throws NotFound for an unknown engagement. */
  async current(engagementId: string): Promise<HealthAssessment> {
    return (await this.evaluateOne(engagementId, this.clock.now())).assessment;
  }

  /** `GET /engagements/:id/health/history`: the weekly snapshots of the last `weeks` weeks, oldest first. */
  async history(engagementId: string, weeks: number): Promise<HealthWeekView[]> {
    if ((await this.names({ ids: [engagementId] })).length === 0)
      throw new NotFound('engagement', engagementId);
    const now = this.clock.now();
    const stored = await this.snapshots.between([engagementId], now.minus({ weeks }), now);
    return (stored.get(engagementId) ?? []).map((s) => ({
      week: s.week,
      weekStart: s.weekStart,
      score: s.score,
      band: s.band,
      trend: s.trend,
      flags: s.flags.map((f) => f.code),
      paused: s.paused,
    }));
  }

  /** One engagement as a portfolio lists it. @throws NotFound for an unknown engagement. */
  async healthOf(engagementId: string, asOf: DateTime = this.clock.now()): Promise<EngagementHealth> {
    const health = (await this.healthOfMany([engagementId], asOf)).get(engagementId);
    if (health === undefined) throw new NotFound('engagement', engagementId);
    return health;
  }

  /** Several engagements by id, assessed in one batch; unknown ids are absent from the map. */
  async healthOfMany(
    engagementIds: readonly string[],
    asOf: DateTime = this.clock.now(),
  ): Promise<Map<string, EngagementHealth>> {
    const engagements = engagementIds.length === 0 ? [] : await this.names({ ids: [...engagementIds] });
    return new Map((await this.assessAll(engagements, asOf)).map((health) => [health.engagementId, health]));
  }

  /**
   * Every engagement of an account manager or an executive, assessed in one
   * batch (a handful of queries however many there are), ordered by name.
   * `asOf` defaults to the clock's now.
   */
  async portfolioFor(owner: PortfolioOwner, asOf: DateTime = this.clock.now()): Promise<EngagementHealth[]> {
    return this.assessAll(await this.names(owner), asOf);
  }

  private async assessAll(
    engagements: readonly EngagementNames[],
    asOf: DateTime,
  ): Promise<EngagementHealth[]> {
    const evaluations = await this.evaluator.evaluate(engagements.map((e) => ({ engagementId: e.id, asOf })));
    return engagements.flatMap((names) => {
      const evaluation = evaluations.get(names.id);
      return evaluation === undefined ? [] : [toEngagementHealth(names, evaluation)];
    });
  }

  private async evaluateOne(engagementId: string, asOf: DateTime): Promise<Evaluation> {
    const evaluation = (await this.evaluator.evaluate([{ engagementId, asOf }])).get(engagementId);
    if (evaluation === undefined) throw new NotFound('engagement', engagementId);
    return evaluation;
  }

  private names(filter: PortfolioOwner | { ids: string[] }): Promise<EngagementNames[]> {
    const query = this.dataSource
      .getRepository(Engagement)
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .addSelect('e.name', 'name')
      .addSelect('e.vendor_name', 'vendorName')
      .addSelect('e.account_manager_id', 'accountManagerId')
      .addSelect('e.executive_id', 'executiveId')
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC');
    if ('ids' in filter) query.where('e.id IN (:...ids)', { ids: filter.ids });
    else if ('accountManagerId' in filter)
      query.where('e.account_manager_id = :id', { id: filter.accountManagerId });
    else query.where('e.executive_id = :id', { id: filter.executiveId });
    return query.getRawMany<EngagementNames>();
  }
}

function toEngagementHealth(names: EngagementNames, evaluation: Evaluation): EngagementHealth {
  const { assessment, snapshots, asOf, history } = evaluation;
  const last = snapshots.at(-1) ?? null;
  const lastCodes = new Set(last?.flags.map((f) => f.code) ?? []);
  return {
    engagementId: names.id,
    name: names.name,
    vendorName: names.vendorName,
    accountManagerId: names.accountManagerId,
    executiveId: names.executiveId,
    asOf: asOf.toUTC().toISO() ?? '',
    score: assessment.score,
    band: assessment.band,
    trend: assessment.trend,
    changeSinceLastWeek: last === null ? null : assessment.score - last.score,
    flags: assessment.flags.map((flag) => ({ ...flag, isNew: !lastCodes.has(flag.code) })),
    highlights: assessment.highlights,
    lastWeeks: lastWeeks(snapshots, asOf, history.timeZone),
  };
}

/** The PORTFOLIO_WEEKS complete local weeks before the one holding `asOf`, oldest first. */
function lastWeeks(snapshots: readonly StoredWeek[], asOf: DateTime, zone: string): PortfolioWeek[] {
  const byWeek = new Map(snapshots.map((s) => [s.week, s]));
  const current = localWeekOf(asOf, zone);
  const weeks: PortfolioWeek[] = [];
  for (let back = PORTFOLIO_WEEKS; back >= 1; back -= 1) {
    const week = localWeekOf(current.start.minus({ weeks: back }), zone);
    const stored = byWeek.get(week.key);
    weeks.push({
      week: week.key,
      weekStart: week.startDate,
      score: stored?.score ?? null,
      band: stored?.band ?? null,
      paused: stored?.paused ?? false,
    });
  }
  return weeks;
}
