import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn } from '../database/columns';
import type { DigestModel } from './domain/digest.model';

/**
 * One digest that went out: one row per executive per ISO week (the unique
 * index is the last word on "once per week", whatever the instances race).
 * It names the outbox message holding the exact bytes mailed, which the web
 * version serves, and keeps the model they were rendered from.
 */
@Entity('digest_issue')
@Index('digest_issue_week', ['executiveId', 'isoWeek'], { unique: true })
@Index('digest_issue_unsubscribe', ['unsubscribeTokenHash'], { unique: true })
@Index('digest_issue_web', ['webTokenHash'], { unique: true })
export class DigestIssue {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  executiveId!: string;

  @Column({ type: 'varchar', length: 8 })
  isoWeek!: string;

  /** The slot it was due at (after any holiday move), UTC. */
  @InstantColumn()
  scheduledAt!: Date;

  @Column({ type: 'varchar', length: 36 })
  outboxMessageId!: string;

  /** Lower-case hex SHA-256 of the unsubscribe token in this digest's links; the token itself is never stored. */
  @Column({ type: 'varchar', length: 64 })
  unsubscribeTokenHash!: string;

  /** Hex SHA-256 of the token of this digest's "view in your browser" link; null for digests sent before links existed. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  webTokenHash!: string | null;

  @JsonColumn()
  model!: DigestModel;

  @InstantColumn()
  createdAt!: Date;
}
