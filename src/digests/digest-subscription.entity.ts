import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LocalTime, Weekday } from '../calendars/domain/calendar.types';
import { InstantColumn, LocalTimeColumn } from '../database/columns';

/**
 * One executive's weekly digest: when they want it, whether they unsubscribed,
 * and when it is next due. A row is created for every executive the first
 * time the digest job sees them, so the default needs no set-up.
 *
 * `nextSendAt` only says when to look: the job recomputes the due week from the
 * preference and the calendar when it gets there, and `digest_issue` decides
 * whether that week went out. A stale value costs a wasted look, never a
 * second digest.
 */
@Entity('digest_subscription')
@Index('digest_subscription_due', ['nextSendAt'], { where: 'next_send_at IS NOT NULL' })
export class DigestSubscription {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  executiveId!: string;

  /** Null: the configured default (`digests.weekday`). */
  @Column({ type: 'varchar', length: 3, nullable: true })
  weekday!: Weekday | null;

  /** Local `HH:mm` in the executive's zone; null: the configured default (`digests.time`). */
  @LocalTimeColumn({ nullable: true })
  sendTime!: LocalTime | null;

  /** Set by one-click unsubscribe (or the settings API); no digest goes out while it is set. */
  @InstantColumn({ nullable: true })
  unsubscribedAt!: Date | null;

  /** When the next digest is due, UTC; null while unsubscribed or not an executive. */
  @InstantColumn({ nullable: true })
  nextSendAt!: Date | null;

  /** The ISO week of that next digest (`2027-W22`). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  nextWeek!: string | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
