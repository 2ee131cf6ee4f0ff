import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn } from '../database/columns';
import type { CadenceKind } from './cadence.entity';
import type { OutOfHours } from './domain/cadence.types';

export const MEETING_STATUSES = ['scheduled', 'held', 'missed', 'skipped', 'cancelled'] as const;
export const REPORT_STATUSES = ['pending', 'submitted', 'late', 'missed', 'skipped'] as const;
export type TouchpointStatus = (typeof MEETING_STATUSES)[number] | (typeof REPORT_STATUSES)[number];

/**
 * One occurrence of a cadence: a meeting or a report due. Identified by its
 * cadence and period (`2027-W12`), so re-planning updates it in place and an
 * occurrence that did not move keeps its id.
 */
@Entity('touchpoint')
@Index('touchpoint_cadence_period', ['cadenceId', 'periodKey'], { unique: true })
@Index('touchpoint_engagement_time', ['engagementId', 'scheduledAt'])
@Index('touchpoint_status_time', ['status', 'scheduledAt'])
@Index('touchpoint_request_due', ['requestAt'], { where: 'request_queued_at IS NULL' })
@Index('touchpoint_invite_pending', ['scheduledAt'], { where: 'invite_pending = true' })
@Index('touchpoint_check_due', ['checkAt'], { where: 'check_at IS NOT NULL' })
export class Touchpoint {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  engagementId!: string;

  @Column({ type: 'varchar', length: 36 })
  cadenceId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CadenceKind;

  @Column({ type: 'varchar', length: 16 })
  periodKey!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: TouchpointStatus;

  /** Meeting start or report due; for a skipped occurrence, where it would have been. */
  @InstantColumn()
  scheduledAt!: Date;

  @InstantColumn({ nullable: true })
  endsAt!: Date | null;

  /** Where the cadence rule put it before any holiday or DST adjustment. */
  @InstantColumn()
  originalAt!: Date;

  @Column({ type: 'varchar', length: 8, nullable: true })
  adjustmentType!: 'shifted' | 'skipped' | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  adjustmentReason!: string | null;

  /** Participants asked to meet outside their hours, and by how much. */
  @JsonColumn()
  outOfHours!: OutOfHours[];

  /** iCalendar SEQUENCE: raised on every move, so calendars replace the old invite. */
  @Column({ type: 'integer' })
  sequence!: number;

  /**
   * When the touchpoint is next checked: a report's due time plus grace (late),
   * then the next report's due time (missed); a meeting's end plus grace
   * (missed). Null once nothing is awaited (held, submitted, skipped…).
   */
  @InstantColumn({ nullable: true })
  checkAt!: Date | null;

  /** Meetings: the participants have not yet been sent the invite for this `sequence`. */
  @Column({ type: 'boolean' })
  invitePending!: boolean;

  /** Meetings: the sequence of the last invite issued (null: never invited). */
  @Column({ type: 'integer', nullable: true })
  invitedSequence!: number | null;

  /** Reports: when the request with the form link goes to the vendor. */
  @InstantColumn({ nullable: true })
  requestAt!: Date | null;

  @InstantColumn({ nullable: true })
  requestQueuedAt!: Date | null;

  @InstantColumn({ nullable: true })
  heldAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  heldNotes!: string | null;

  @InstantColumn({ nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'integer' })
  rescheduleCount!: number;

  /** Set when an operator moved it by hand: the planner leaves it where they put it. */
  @Column({ type: 'boolean' })
  pinned!: boolean;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
