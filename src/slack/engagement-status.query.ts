import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThan } from 'typeorm';
import { Cadence } from '../cadences/cadence.entity';
import { utcIso } from '../cadences/domain/instant-format';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { Clock } from '../core/clock/clock';
import type { Engagement } from '../engagements/engagement.entity';
import type { EngagementStatus, EngagementStatusResult } from '../notifications/slack/slack-domain.port';
import { StatusReport } from '../reports/status-report.entity';
import { matchByName } from './domain/engagement-name-match';
import { EngagementSummaries } from './engagement-summaries.service';
import { OverdueTouchpointsQuery } from './overdue-touchpoints.query';

const UPCOMING = 5;

/** `/cadence status <query>`: one of the person's engagements, found by name, and where it stands. */
@Injectable()
export class EngagementStatusQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summaries: EngagementSummaries,
    private readonly overdue: OverdueTouchpointsQuery,
    private readonly clock: Clock,
  ) {}

  async find(query: string, among: readonly Engagement[]): Promise<EngagementStatusResult> {
    const matches = matchByName(query, among);
    const [only] = matches;
    if (only === undefined) return { kind: 'not_found' };
    if (matches.length > 1) return { kind: 'ambiguous', candidates: matches.map((e) => e.name) };
    return { kind: 'found', status: await this.statusOf(only) };
  }

  private async statusOf(engagement: Engagement): Promise<EngagementStatus> {
    const [{ summary, health }, overdue, upcoming, lastReport] = await Promise.all([
      this.summaries.one(engagement),
      this.overdue.of([engagement]),
      this.upcoming(engagement),
      this.dataSource
        .getRepository(StatusReport)
        .findOne({ where: { engagementId: engagement.id }, order: { submittedAt: 'DESC' } }),
    ]);
    return {
      engagement: summary,
      upcoming,
      overdue,
      ...(lastReport !== null && {
        lastReport: {
          status: lastReport.status,
          submittedAt: utcIso(lastReport.submittedAt),
          late: lastReport.late,
        },
      }),
      flags: health?.flags ?? [],
      highlights: health?.highlights ?? [],
    };
  }

  private async upcoming(engagement: Engagement): Promise<EngagementStatus['upcoming']> {
    const touchpoints = await this.dataSource.getRepository(Touchpoint).find({
      where: {
        engagementId: engagement.id,
        status: In(['scheduled', 'pending']),
        scheduledAt: MoreThan(this.clock.now().toJSDate()),
      },
      order: { scheduledAt: 'ASC' },
      take: UPCOMING,
    });
    const cadenceIds = [...new Set(touchpoints.map((t) => t.cadenceId))];
    const cadences =
      cadenceIds.length === 0
        ? []
        : await this.dataSource
            .getRepository(Cadence)
            .find({ where: { id: In(cadenceIds) }, select: { id: true, title: true } });
    const titles = new Map(cadences.map((c) => [c.id, c.title]));
    return touchpoints.map((t) => ({
      title: titles.get(t.cadenceId) ?? '',
      kind: t.kind,
      at: utcIso(t.scheduledAt),
    }));
  }
}
