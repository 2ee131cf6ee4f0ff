import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, LocalDateColumn } from '../../database/columns';
import type { HealthBand } from '../domain/health-band';
import type { HealthFlag } from '../domain/health-flags';
import type { SignalSummary } from '../domain/health-score';
import type { HealthHighlight } from '../domain/recognition';

/**
 * One engagement's health as its week ended: what `/health/history` lists,
 * what the trend and band hysteresis compare with, and where "band worsened"
 * is detected. One row per engagement and local week, whoever writes it.
 */
@Entity('health_snapshot')
@Index('health_snapshot_engagement_week', ['engagementId', 'week'], { unique: true })
@Index('health_snapshot_engagement_as_of', ['engagementId', 'asOf'])
export class HealthSnapshotRecord {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  engagementId!: string;

  /** ISO week in the account manager's zone: `2027-W10`. */
  @Column({ type: 'varchar', length: 8 })
  week!: string;

  /** Its Monday, local date. */
  @LocalDateColumn()
  weekStart!: string;

  /** The zone the week was cut in (the account manager's at the time). */
  @Column({ type: 'varchar', length: 64 })
  timeZone!: string;

  /** The instant assessed: the last millisecond of the week. */
  @InstantColumn()
  asOf!: Date;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'varchar', length: 8 })
  band!: HealthBand;

  /** The band of the snapshot before; null for the first one. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  previousBand!: HealthBand | null;

  /** Score minus the snapshot four weeks back; null before there is one. */
  @Column({ type: 'integer', nullable: true })
  trend!: number | null;

  /** Every touchpoint of the week was skipped for a holiday, time off or a shutdown: the score stood still. */
  @Column({ type: 'boolean' })
  paused!: boolean;

  @JsonColumn()
  signals!: SignalSummary[];

  @JsonColumn()
  flags!: HealthFlag[];

  @JsonColumn()
  highlights!: HealthHighlight[];

  @InstantColumn()
  createdAt!: Date;
}
