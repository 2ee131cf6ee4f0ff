import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { bulkInsert } from '../../database/bulk-insert';
import { CachedQuery } from '../../database/cached-query';
import type { HealthBand } from '../domain/health-band';
import type { HealthFlag } from '../domain/health-flags';
import { instant, storedForm } from '../stored-instant';
import { HealthSnapshotRecord } from './health-snapshot.entity';

/** A weekly snapshot as the assessments, the history and the portfolio read it (signals left out). */
export interface StoredWeek {
  engagementId: string;
  week: string;
  weekStart: string;
  asOf: DateTime;
  score: number;
  band: HealthBand;
  trend: number | null;
  paused: boolean;
  flags: readonly HealthFlag[];
}

interface WeekRow {
  engagementId: string;
  week: string;
  weekStart: string;
  asOf: string;
  score: number;
  band: HealthBand;
  trend: number | null;
  paused: boolean | number;
  flags: string;
}

const CHUNK = 500;

/** Reads and writes `health_snapshot`. */
@Injectable()
export class SnapshotStore {
  /** Built once per IN-list length: the health view reads one engagement's weeks per request. */
  private readonly weeks: CachedQuery<{ list: readonly string[]; from: string; to: string }>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.weeks = new CachedQuery(dataSource, (db, { list, from, to }) =>
      db
        .createQueryBuilder()
        .from(HealthSnapshotRecord, 's')
        .select('s.engagement_id', 'engagementId')
        .addSelect('s.week', 'week')
        .addSelect('s.week_start', 'weekStart')
        .addSelect('s.as_of', 'asOf')
        .addSelect('s.score', 'score')
        .addSelect('s.band', 'band')
        .addSelect('s.trend', 'trend')
        .addSelect('s.paused', 'paused')
        .addSelect('s.flags', 'flags')
        .where('s.engagement_id IN (:...list)', { list })
        .andWhere('s.as_of >= :from AND s.as_of < :to', { from, to })
        .orderBy('s.as_of', 'ASC'),
    );
  }

  /** Snapshots taken in `[from, to)`, by engagement, oldest first. */
  async between(
    engagementIds: readonly string[],
    from: DateTime,
    to: DateTime,
  ): Promise<Map<string, StoredWeek[]>> {
    const weeks = new Map<string, StoredWeek[]>();
    const ids = [...new Set(engagementIds)];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.weeks.getRawMany<WeekRow>({
        list: ids.slice(i, i + CHUNK),
        from: storedForm(from),
        to: storedForm(to),
      });
      for (const row of rows) {
        const week: StoredWeek = {
          engagementId: row.engagementId,
          week: row.week,
          weekStart: row.weekStart,
          asOf: instant(row.asOf),
          score: Number(row.score),
          band: row.band,
          trend: row.trend === null ? null : Number(row.trend),
          // SQLite hands booleans back as 0/1.
          paused: row.paused === true || row.paused === 1,
          flags: JSON.parse(row.flags) as HealthFlag[],
        };
        const list = weeks.get(row.engagementId);
        if (list) list.push(week);
        else weeks.set(row.engagementId, [week]);
      }
    }
    return weeks;
  }

  /**
   * Writes a snapshot unless its engagement already has one for that week
   * (another instance, or a re-run); true when this call wrote it.
   */
  async insert(manager: EntityManager, record: HealthSnapshotRecord): Promise<boolean> {
    await bulkInsert(manager, HealthSnapshotRecord, [record]);
    const stored = await manager.findOne(HealthSnapshotRecord, {
      where: { engagementId: record.engagementId, week: record.week },
      select: { id: true },
    });
    return stored?.id === record.id;
  }
}
