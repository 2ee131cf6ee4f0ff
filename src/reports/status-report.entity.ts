import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn } from '../database/columns';
import type { ReportColour, StoredAsk, StoredBlocker } from './domain/report.types';

/** The status report of one report touchpoint; edits change it in place and raise `revision`. */
@Entity('status_report')
@Index('status_report_touchpoint', ['touchpointId'], { unique: true })
@Index('status_report_engagement_submitted', ['engagementId', 'submittedAt'])
@Index('status_report_ask_check', ['askCheckAt'], { where: 'ask_check_at IS NOT NULL' })
export class StatusReport {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  touchpointId!: string;

  @Column({ type: 'varchar', length: 36 })
  engagementId!: string;

  /** The vendor contact whose link sent it; null when it came through the API. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  submittedByPersonId!: string | null;

  @Column({ type: 'varchar', length: 5 })
  status!: ReportColour;

  /** KPI key → value. */
  @JsonColumn()
  kpiValues!: Record<string, number>;

  @Column({ type: 'text' })
  highlights!: string;

  @JsonColumn()
  blockers!: StoredBlocker[];

  @JsonColumn()
  asks!: StoredAsk[];

  @Column({ type: 'text' })
  nextWeekPlan!: string;

  /** Set by the first submission (after the due time plus grace); an edit does not change it. */
  @Column({ type: 'boolean' })
  late!: boolean;

  /** The first submission. */
  @InstantColumn()
  submittedAt!: Date;

  @InstantColumn()
  updatedAt!: Date;

  /** When its unanswered asks of the client are next checked (follow-ups' ask_unanswered); null when none wait. */
  @InstantColumn({ nullable: true })
  askCheckAt!: Date | null;

  /** 1 on the first submission, +1 on every edit. */
  @Column({ type: 'integer' })
  revision!: number;
}
