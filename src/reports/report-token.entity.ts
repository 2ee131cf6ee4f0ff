import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn } from '../database/columns';

/**
 * A personal link to one report's form, for one vendor contact. Only the
 * SHA-256 of the token is stored: a copy of the database opens no form.
 */
@Entity('report_token')
@Index('report_token_hash', ['tokenHash'], { unique: true })
@Index('report_token_touchpoint', ['touchpointId'])
export class ReportToken {
  @IdColumn()
  id!: string;

  /** Lower-case hex SHA-256 of the token as sent. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 36 })
  touchpointId!: string;

  @Column({ type: 'varchar', length: 36 })
  personId!: string;

  @InstantColumn()
  expiresAt!: Date;

  @InstantColumn()
  createdAt!: Date;
}
