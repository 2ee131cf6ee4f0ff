import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** When a periodic job is next due; the row is the lock several instances race for. */
@Entity('job_state')
export class JobState {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @InstantColumn()
  nextRunAt!: Date;

  @InstantColumn({ nullable: true })
  lastRunAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  lastRunBy!: string | null;
}
