import { Column, Entity, Index } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/**
 * When an engagement's next weekly snapshot is due: the end of its current
 * week in the account manager's zone. The row is also the claim several
 * instances race for (compare-and-set on `nextSnapshotAt`).
 */
@Entity('health_schedule')
@Index('health_schedule_due', ['nextSnapshotAt'])
export class HealthSchedule {
  @Column({ type: 'varchar', length: 36, primary: true })
  engagementId!: string;

  @InstantColumn()
  nextSnapshotAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
