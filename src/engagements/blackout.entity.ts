import { Column, Entity, Index } from 'typeorm';
import type { Side } from '../calendars/domain/calendar.types';
import { IdColumn, InstantColumn, LocalDateColumn } from '../database/columns';

/** A shutdown day of one side of an engagement (a vendor's year-end closure, a client offsite). */
@Entity('blackout')
@Index('blackout_engagement_date_side', ['engagementId', 'date', 'side'], { unique: true })
export class BlackoutDay {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  engagementId!: string;

  @LocalDateColumn()
  date!: string;

  @Column({ type: 'varchar', length: 6 })
  side!: Side;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @InstantColumn()
  createdAt!: Date;
}
