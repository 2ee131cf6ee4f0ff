import { Injectable } from '@nestjs/common';
import type { Engagement } from '../engagements/engagement.entity';
import type { EngagementHealthSummary } from '../notifications/slack/slack-domain.port';
import { EngagementHealthSource, type EngagementHealthView } from './engagement-health.source';

/** Engagements with their health, as `/cadence health`, `/cadence status` and the Home tab list them. */
@Injectable()
export class EngagementSummaries {
  constructor(private readonly health: EngagementHealthSource) {}

  async of(engagements: readonly Engagement[]): Promise<EngagementHealthSummary[]> {
    if (engagements.length === 0) return [];
    const health = await this.health.healthOf(engagements.map((e) => e.id));
    return engagements.map((e) => summary(e, health.get(e.id)));
  }

  /** One engagement's summary and its full health (flags, highlights), if assessed. */
  async one(
    engagement: Engagement,
  ): Promise<{ summary: EngagementHealthSummary; health?: EngagementHealthView }> {
    const health = (await this.health.healthOf([engagement.id])).get(engagement.id);
    return { summary: summary(engagement, health), ...(health === undefined ? {} : { health }) };
  }
}

function summary(engagement: Engagement, health: EngagementHealthView | undefined): EngagementHealthSummary {
  const topFlag = health?.flags[0]?.message;
  return {
    engagementId: engagement.id,
    name: engagement.name,
    vendorName: engagement.vendorName,
    score: health?.score ?? null,
    band: health?.band ?? null,
    ...(health?.trend != null && { trend: health.trend }),
    ...(topFlag !== undefined && { topFlag }),
  };
}
