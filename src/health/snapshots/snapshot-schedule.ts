import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { Engagement } from '../../engagements/engagement.entity';
import { Person } from '../../people/person.entity';
import { bulkInsert } from '../../database/bulk-insert';
import { localWeekOf } from '../domain/health-week';
import { instant, storedForm } from '../stored-instant';
import { HealthSchedule } from './health-schedule.entity';

/** A snapshot that has fallen due, with the zone its week is cut in now. */
export interface DueSnapshot {
  engagementId: string;
  dueAt: DateTime;
  /** The account manager's zone (UTC if they are gone). */
  timeZone: string;
}

interface DueRow {
  engagementId: string;
  dueAt: string;
  timeZone: string | null;
}

/**
 * `health_schedule`: when each engagement's next weekly snapshot is due, the
 * end of its current week in the account manager's zone. Due times differ by
 * zone, so the scheduler (and the manual clock) stops at each one exactly.
 */
@Injectable()
export class SnapshotSchedule {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Gives every engagement without a schedule its first due time: the end of
   * the week it is in now. Cheap when there is nothing to do (an anti-join on
   * the primary key), so it runs at every pass; engagements are created
   * without telling anyone.
   */
  async enrol(now: DateTime): Promise<number> {
    const fresh = await this.dataSource
      .createQueryBuilder()
      .from(Engagement, 'e')
      .leftJoin(Person, 'p', 'p.id = e.account_manager_id')
      .select('e.id', 'engagementId')
      .addSelect('p.time_zone', 'timeZone')
      .where('NOT EXISTS (SELECT 1 FROM health_schedule s WHERE s.engagement_id = e.id)')
      .getRawMany<{ engagementId: string; timeZone: string | null }>();
    if (fresh.length === 0) return 0;
    const at = now.toJSDate();
    const rows = fresh.map((row) =>
      Object.assign(new HealthSchedule(), {
        engagementId: row.engagementId,
        nextSnapshotAt: localWeekOf(now, row.timeZone ?? 'UTC').end.toJSDate(),
        updatedAt: at,
      }),
    );
    // Another instance enrolling the same engagement at once: the first row stands.
    await this.dataSource.transaction((manager) => bulkInsert(manager, HealthSchedule, rows));
    return rows.length;
  }

  /** The earliest due time strictly after `instant`. */
  async nextAfter(after: DateTime): Promise<DateTime | null> {
    const row = await this.dataSource
      .getRepository(HealthSchedule)
      .createQueryBuilder('s')
      .select('MIN(s.next_snapshot_at)', 'next')
      .where('s.next_snapshot_at > :after', { after: storedForm(after) })
      .getRawOne<{ next: string | null }>();
    return row?.next ? instant(row.next) : null;
  }

  /** Snapshots due at or before `now`, earliest first. */
  async due(now: DateTime, limit: number): Promise<DueSnapshot[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .from(HealthSchedule, 's')
      .innerJoin(Engagement, 'e', 'e.id = s.engagement_id')
      .leftJoin(Person, 'p', 'p.id = e.account_manager_id')
      .select('s.engagement_id', 'engagementId')
      .addSelect('s.next_snapshot_at', 'dueAt')
      .addSelect('p.time_zone', 'timeZone')
      .where('s.next_snapshot_at <= :now', { now: storedForm(now) })
      .orderBy('s.next_snapshot_at', 'ASC')
      .addOrderBy('s.engagement_id', 'ASC')
      .limit(limit)
      .getRawMany<DueRow>();
    return rows.map((row) => ({
      engagementId: row.engagementId,
      dueAt: instant(row.dueAt),
      timeZone: row.timeZone ?? 'UTC',
    }));
  }

  /**
   * Compare-and-set from the due time seen to the next one. The instance
   * whose update lands writes that week's snapshot; any other finds nothing
   * to update and moves on.
   */
  async claim(manager: EntityManager, due: DueSnapshot, next: DateTime, now: DateTime): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(HealthSchedule)
      .set({ nextSnapshotAt: next.toJSDate(), updatedAt: now.toJSDate() })
      .where('engagement_id = :id AND next_snapshot_at = :seen', {
        id: due.engagementId,
        seen: storedForm(due.dueAt),
      })
      .execute();
    return result.affected === 1;
  }
}
