import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { FollowUpsService } from '../../follow-ups/follow-ups.service';
import { hasBandWorsened } from '../domain/band-change';
import type { EngagementHistory } from '../domain/engagement-history';
import { effectiveTimeline } from '../domain/effective-timeline';
import { type LocalWeek, localWeekOf, snapshotInstant, weekDueAt } from '../domain/health-week';
import { type Evaluation, HealthEvaluator } from '../health-evaluator';
import { HealthSnapshotRecord } from './health-snapshot.entity';
import { type DueSnapshot, SnapshotSchedule } from './snapshot-schedule';
import { SnapshotStore } from './snapshot.store';

/**
 * A worsened band is news for a day after its week ended. A snapshot written
 * later (catching up after an outage) is stored, but the account manager is
 * not told about a week long gone.
 */
const NEWS_HOURS = 24;

export interface WriteResult {
  /** Schedules this instance moved on (its claim won), with or without a snapshot. */
  claimed: number;
  /** Snapshots written. */
  written: number;
}

/**
 * Writes the weekly snapshots that have fallen due: each engagement assessed
 * as of the last millisecond of its week, stored, and compared with the
 * snapshot before. When the band worsened, the follow-up playbook's
 * `health_band_worsened` trigger fires in the same transaction as the
 * snapshot, so the notice exists exactly when the snapshot does.
 */
@Injectable()
export class SnapshotWriter {
  private readonly logger = new Logger('HealthSnapshots');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schedule: SnapshotSchedule,
    private readonly evaluator: HealthEvaluator,
    private readonly store: SnapshotStore,
    private readonly followUps: FollowUpsService,
  ) {}

  async write(due: readonly DueSnapshot[], now: DateTime): Promise<WriteResult> {
    const result: WriteResult = { claimed: 0, written: 0 };
    const ended: { due: DueSnapshot; week: LocalWeek }[] = [];
    for (const item of due) {
      const { week, ended: hasEnded } = weekDueAt(item.dueAt, item.timeZone, now);
      if (hasEnded) {
        ended.push({ due: item, week });
        continue;
      }
      // The account manager's zone moved west: their week has not ended yet; come back when it has.
      if (await this.dataSource.transaction((m) => this.schedule.claim(m, item, week.end, now)))
        result.claimed += 1;
    }
    const evaluations = await this.evaluator.evaluate(
      ended.map(({ due: item, week }) => ({ engagementId: item.engagementId, asOf: snapshotInstant(week) })),
    );
    for (const { due: item, week } of ended) {
      try {
        const outcome = await this.writeOne(item, week, evaluations.get(item.engagementId), now);
        if (outcome.claimed) result.claimed += 1;
        if (outcome.written) result.written += 1;
      } catch (error) {
        // One engagement's failure must not hold up the others; its schedule is unchanged, so it is retried.
        this.logger.error({
          msg: 'writing a health snapshot failed',
          engagementId: item.engagementId,
          week: week.key,
          err: (error as Error).message,
        });
      }
    }
    return result;
  }

  private writeOne(
    due: DueSnapshot,
    week: LocalWeek,
    evaluation: Evaluation | undefined,
    now: DateTime,
  ): Promise<{ claimed: boolean; written: boolean }> {
    const next = localWeekOf(week.end, due.timeZone).end;
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.schedule.claim(manager, due, next, now))) return { claimed: false, written: false };
      if (evaluation === undefined) return { claimed: true, written: false };
      const { assessment, history } = evaluation;
      const previous = evaluation.snapshots.at(-1) ?? null;
      const record = Object.assign(new HealthSnapshotRecord(), {
        id: randomUUID(),
        engagementId: due.engagementId,
        week: week.key,
        weekStart: week.startDate,
        timeZone: due.timeZone,
        asOf: evaluation.asOf.toJSDate(),
        score: assessment.score,
        band: assessment.band,
        previousBand: previous?.band ?? null,
        trend: assessment.trend,
        paused: isPaused(history, week),
        signals: assessment.signals,
        flags: assessment.flags,
        highlights: assessment.highlights,
        createdAt: now.toJSDate(),
      });
      const written = await this.store.insert(manager, record);
      const fresh = now.toMillis() < week.end.plus({ hours: NEWS_HOURS }).toMillis();
      if (written && previous !== null && hasBandWorsened(previous.band, assessment.band) && fresh) {
        await this.followUps.fire(manager, {
          trigger: 'health_band_worsened',
          engagementId: due.engagementId,
          touchpointId: latestTouchpointId(history, evaluation.asOf) ?? record.id,
          firedAt: now,
          subject: {
            health: {
              band: assessment.band,
              score: assessment.score,
              // The message reads "−6 on last week": the change since the previous snapshot.
              trend: assessment.score - previous.score,
              previousBand: previous.band,
            },
          },
        });
      }
      return { claimed: true, written };
    });
  }
}

/** True when the week was paused: every touchpoint in it skipped for a holiday, time off or a shutdown. */
function isPaused(history: EngagementHistory, week: LocalWeek): boolean {
  const start = week.start.toMillis();
  return effectiveTimeline(history).pausedWeeks.some((paused) => paused.start.toMillis() === start);
}

/**
 * What the band-worsened follow-up is about: the engagement's latest
 * touchpoint by the end of the week (the follow-ups module keys and words
 * its messages by a touchpoint). Null for an engagement with none yet.
 */
function latestTouchpointId(history: EngagementHistory, asOf: DateTime): string | null {
  let latest: { id: string; at: number } | null = null;
  for (const touchpoint of history.touchpoints) {
    const at = touchpoint.scheduledAt.toMillis();
    if (at <= asOf.toMillis() && (latest === null || at > latest.at)) latest = { id: touchpoint.id, at };
  }
  return latest?.id ?? null;
}
