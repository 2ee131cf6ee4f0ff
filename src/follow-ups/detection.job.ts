import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, In, LessThan, LessThanOrEqual, MoreThan, Not, type EntityManager } from 'typeorm';
import { detect, isAwaited, type Graces } from '../cadences/domain/touchpoint-checks';
import { Touchpoint } from '../cadences/touchpoint.entity';
import { Clock } from '../core/clock/clock';
import { AppConfig } from '../core/config/app-config';
import { JOB_ORDER, type ScheduledJob } from '../core/scheduler/scheduled-job';
import { SchedulerService } from '../core/scheduler/scheduler.service';
import { FollowUpsService } from './follow-ups.service';

/** Touchpoints checked per round trip, each in its own transaction. */
const BATCH = 200;

/**
 * Notices missed touchpoints: a report not in by its due time plus grace is
 * late, and missed once the next one is due; a meeting not marked held by its
 * end plus grace is missed. Each transition and the follow-ups it starts are
 * written in one transaction; the transition is a compare-and-set, so several
 * instances never fire the same trigger twice. Skipped touchpoints are never
 * checked, so a holiday never makes anything late.
 */
@Injectable()
export class DetectionJob implements ScheduledJob, OnModuleInit {
  readonly name = 'followups.detect';
  readonly order = JOB_ORDER.detection;
  private readonly logger = new Logger('Detection');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUps: FollowUpsService,
    private readonly scheduler: SchedulerService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async nextDueAfter(instant: DateTime): Promise<DateTime | null> {
    const next = await this.dataSource.getRepository(Touchpoint).findOne({
      where: { checkAt: MoreThan(instant.toJSDate()) },
      order: { checkAt: 'ASC' },
      select: { id: true, checkAt: true },
    });
    return next?.checkAt ? DateTime.fromJSDate(next.checkAt, { zone: 'utc' }) : null;
  }

  async run(now: DateTime): Promise<number> {
    let handled = 0;
    for (;;) {
      const due = await this.dataSource.getRepository(Touchpoint).find({
        where: { checkAt: LessThanOrEqual(now.toJSDate()) },
        order: { checkAt: 'ASC' },
        take: BATCH,
      });
      let progressed = 0;
      for (const touchpoint of due) {
        try {
          if (await this.check(touchpoint, now)) progressed += 1;
        } catch (error) {
          this.logger.error({
            msg: 'checking a touchpoint failed',
            touchpointId: touchpoint.id,
            err: (error as Error).message,
          });
        }
      }
      handled += progressed;
      if (due.length < BATCH || progressed === 0) return handled;
    }
  }

  /** One touchpoint: as many transitions as are due by now (pending → late → missed). */
  private async check(touchpoint: Touchpoint, now: DateTime): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      let current = touchpoint;
      let changed = false;
      for (;;) {
        const view = {
          kind: current.kind,
          status: current.status,
          scheduledAt: current.scheduledAt.getTime(),
          endsAt: current.endsAt?.getTime() ?? null,
        };
        if (!isAwaited(view)) {
          changed = (await this.setCheck(manager, current, { checkAt: null })) || changed;
          return changed;
        }
        const next = await this.nextOccurrenceAt(manager, current);
        const detection = detect(view, now.toMillis(), this.graces(), next);
        if (detection === null) return changed;
        const won = await this.setCheck(manager, current, {
          status: detection.status,
          checkAt: detection.nextCheckAt === null ? null : new Date(detection.nextCheckAt),
        });
        if (!won) return changed;
        changed = true;
        const firedAt = DateTime.fromMillis(
          detection.trigger === 'report_missed'
            ? (next ?? now.toMillis())
            : (current.checkAt?.getTime() ?? now.toMillis()),
          { zone: 'utc' },
        );
        await this.followUps.fire(manager, {
          trigger: detection.trigger,
          engagementId: current.engagementId,
          touchpointId: current.id,
          firedAt,
        });
        if (detection.status === 'missed' && (await this.previousWasMissed(manager, current))) {
          await this.followUps.fire(manager, {
            trigger: 'two_misses_in_a_row',
            engagementId: current.engagementId,
            touchpointId: current.id,
            firedAt,
            subject: { missesInARow: 2 },
          });
        }
        current = Object.assign(new Touchpoint(), current, {
          status: detection.status,
          checkAt: detection.nextCheckAt === null ? null : new Date(detection.nextCheckAt),
        });
      }
    });
  }

  /** Compare-and-set on status and check time: the instance that wins fires the trigger. */
  private async setCheck(
    manager: EntityManager,
    seen: Touchpoint,
    change: { status?: Touchpoint['status']; checkAt: Date | null },
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Touchpoint)
      .set({ ...change, updatedAt: this.clock.now().toJSDate() })
      .where(
        `id = :id AND status = :status AND ${seen.checkAt === null ? 'check_at IS NULL' : 'check_at = :checkAt'}`,
        {
          id: seen.id,
          status: seen.status,
          checkAt: seen.checkAt?.toISOString(),
        },
      )
      .execute();
    return result.affected === 1;
  }

  /** When the next occurrence of the same cadence is due: a late report is missed from then on. */
  private async nextOccurrenceAt(manager: EntityManager, touchpoint: Touchpoint): Promise<number | null> {
    if (touchpoint.kind !== 'status_report') return null;
    const next = await manager.findOne(Touchpoint, {
      where: {
        cadenceId: touchpoint.cadenceId,
        scheduledAt: MoreThan(touchpoint.scheduledAt),
        status: Not('skipped'),
      },
      order: { scheduledAt: 'ASC' },
      select: { id: true, scheduledAt: true },
    });
    return next?.scheduledAt.getTime() ?? null;
  }

  /** The occurrence before this one was missed too (skipped and cancelled ones do not count). */
  private async previousWasMissed(manager: EntityManager, touchpoint: Touchpoint): Promise<boolean> {
    const previous = await manager.findOne(Touchpoint, {
      where: {
        cadenceId: touchpoint.cadenceId,
        scheduledAt: LessThan(touchpoint.scheduledAt),
        status: Not(In(['skipped', 'cancelled'])),
      },
      order: { scheduledAt: 'DESC' },
      select: { id: true, status: true },
    });
    return previous?.status === 'missed';
  }

  private graces(): Graces {
    return {
      reportLateMs: this.config.reports.lateGraceMinutes * 60_000,
      meetingMissedMs: this.config.followUps.meetingGraceMinutes * 60_000,
    };
  }
}
