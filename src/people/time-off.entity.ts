import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, LocalDateColumn } from '../database/columns';

/** A person's days away, inclusive of both ends, in their own local dates. */
@Entity('time_off')
@Index('time_off_person', ['personId', 'startDate'])
export class TimeOff {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  personId!: string;

  @LocalDateColumn()
  startDate!: string;

  @LocalDateColumn()
  endDate!: string;

  /** Receives this person's follow-ups while they are away. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  backupPersonId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @InstantColumn()
  createdAt!: Date;
}
