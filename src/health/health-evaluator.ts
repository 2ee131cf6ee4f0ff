import { Injectable } from '@nestjs/common';
import type { DateTime } from 'luxon';
import type { EngagementHistory } from './domain/engagement-history';
import { assessHealth, type HealthAssessment } from './domain/health-score';
import { TREND_WEEKS } from './domain/health-trend';
import { HistoryBuilder } from './engagement-history.builder';
import { HealthSettings } from './health-settings';
import { SnapshotStore, type StoredWeek } from './snapshots/snapshot.store';

/**
 * Snapshots read with an assessment: enough for the four-week trend when
 * holiday weeks (which the trend skips) sit in between, for band hysteresis,
 * and for the last eight weeks a portfolio shows.
 */
const SNAPSHOT_WEEKS = TREND_WEEKS + 12;

export interface EvaluationRequest {
  engagementId: string;
  asOf: DateTime;
}

/** One engagement assessed as of an instant, with what it was assessed from. */
export interface Evaluation {
  engagementId: string;
  asOf: DateTime;
  history: EngagementHistory;
  /** Weekly snapshots taken before `asOf`, oldest first. */
  snapshots: readonly StoredWeek[];
  assessment: HealthAssessment;
}

/**
 * Assesses many engagements at once: their histories and recent snapshots in
 * a few batched queries, then the pure domain for each, with the weights and
 * bands of config/health.yaml.
 */
@Injectable()
export class HealthEvaluator {
  constructor(
    private readonly builder: HistoryBuilder,
    private readonly snapshots: SnapshotStore,
    private readonly settings: HealthSettings,
  ) {}

  /** Evaluations by engagement id; unknown engagements are absent. */
  async evaluate(requests: readonly EvaluationRequest[]): Promise<Map<string, Evaluation>> {
    const evaluations = new Map<string, Evaluation>();
    if (requests.length === 0) return evaluations;
    let earliest = requests[0].asOf;
    let latest = earliest;
    for (const { asOf } of requests) {
      if (asOf < earliest) earliest = asOf;
      if (asOf > latest) latest = asOf;
    }
    const ids = requests.map((r) => r.engagementId);
    const [histories, stored] = await Promise.all([
      this.builder.build(ids, this.builder.rangeFor(earliest, latest)),
      this.snapshots.between(ids, earliest.minus({ weeks: SNAPSHOT_WEEKS }), latest),
    ]);
    for (const { engagementId, asOf } of requests) {
      const history = histories.get(engagementId);
      if (history === undefined) continue;
      const before = (stored.get(engagementId) ?? []).filter((s) => s.asOf < asOf);
      evaluations.set(engagementId, {
        engagementId,
        asOf,
        history,
        snapshots: before,
        assessment: this.assess(history, asOf, before),
      });
    }
    return evaluations;
  }

  /** The pure assessment with this deployment's settings. */
  assess(history: EngagementHistory, asOf: DateTime, snapshots: readonly StoredWeek[]): HealthAssessment {
    return assessHealth(history, asOf, {
      weights: this.settings.weights,
      bands: this.settings.bands,
      snapshots: snapshots.map((s) => ({ at: s.asOf, score: s.score, band: s.band })),
    });
  }
}
