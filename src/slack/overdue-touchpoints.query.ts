import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { Cadence } from '../cadences/cadence.entity';
import { utcIso } from '../cadences/domain/instant-format';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { Clock } from '../core/clock/clock';
import type { Engagement } from '../engagements/engagement.entity';
import { defaultTouchpointTitle } from '../follow-ups/domain/touchpoint-title';
import type { OverdueTouchpoint } from '../notifications/slack/slack-domain.port';

/**
 * How far back `/cadence overdue` looks. A missed meeting stays `missed` for
 * good (unless marked held later), so without a limit the list would grow
 * with every old lapse; a month covers what can still be acted on.
 */
export const OVERDUE_LOOK_BACK_DAYS = 30;

/** Late and missed touchpoints of some engagements, oldest first. */
@Injectable()
export class OverdueTouchpointsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async of(engagements: readonly Engagement[]): Promise<OverdueTouchpoint[]> {
    if (engagements.length === 0) return [];
    const since = this.clock.now().minus({ days: OVERDUE_LOOK_BACK_DAYS });
    const touchpoints = await this.dataSource.getRepository(Touchpoint).find({
      where: {
        engagementId: In(engagements.map((e) => e.id)),
        status: In(['late', 'missed']),
        scheduledAt: MoreThanOrEqual(since.toJSDate()),
      },
      order: { scheduledAt: 'ASC', id: 'ASC' },
    });
    // A late report that has since come in is no longer overdue (it keeps the status `late`).
    const open = touchpoints.filter((t) => t.submittedAt === null && t.heldAt === null);
    const titles = await this.cadenceTitles(open);
    const names = new Map(engagements.map((e) => [e.id, e.name]));
    return open.map((t) => ({
      touchpointId: t.id,
      engagementName: names.get(t.engagementId) ?? '',
      kind: t.kind,
      title: titles.get(t.cadenceId) ?? defaultTouchpointTitle(t.kind),
      dueAt: utcIso(t.scheduledAt),
      status: t.status === 'late' ? 'late' : 'missed',
    }));
  }

  private async cadenceTitles(touchpoints: readonly Touchpoint[]): Promise<Map<string, string>> {
    const ids = [...new Set(touchpoints.map((t) => t.cadenceId))];
    if (ids.length === 0) return new Map();
    const cadences = await this.dataSource
      .getRepository(Cadence)
      .find({ where: { id: In(ids) }, select: { id: true, title: true } });
    return new Map(cadences.map((c) => [c.id, c.title]));
  }
}
