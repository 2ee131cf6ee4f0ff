import { Injectable } from '@nestjs/common';
import { HealthService } from '../health/health.service';
import type { HealthBand } from '../notifications/slack/slack-domain.port';

/** An engagement's health as the Slack answers show it. */
export interface EngagementHealthView {
  /** 0–100. */
  score: number;
  band: HealthBand;
  /** Points against four weeks ago; null before there is a snapshot to compare with. */
  trend: number | null;
  /** Most pressing first. */
  flags: { severity: 'info' | 'warning' | 'critical'; message: string }[];
  highlights: string[];
}

/**
 * Where the Slack app reads health from: an abstraction so the Slack
 * answers can be tested and built without the health feature's internals.
 * Engagements the source cannot assess are left out of the map, and Slack
 * shows them as "not assessed yet" rather than guessing.
 */
export abstract class EngagementHealthSource {
  abstract healthOf(engagementIds: readonly string[]): Promise<Map<string, EngagementHealthView>>;
}

/** Health from the health feature: each engagement assessed as of the clock's now, in one batch. */
@Injectable()
export class HealthServiceSource extends EngagementHealthSource {
  constructor(private readonly health: HealthService) {
    super();
  }

  async healthOf(engagementIds: readonly string[]): Promise<Map<string, EngagementHealthView>> {
    const assessed = await this.health.healthOfMany(engagementIds);
    return new Map(
      [...assessed].map(([id, h]) => [
        id,
        {
          score: h.score,
          band: h.band,
          trend: h.trend,
          flags: h.flags.map((f) => ({ severity: f.severity, message: f.message })),
          highlights: h.highlights.map((x) => x.message),
        },
      ]),
    );
  }
}
