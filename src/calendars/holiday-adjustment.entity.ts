import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, LocalDateColumn } from '../database/columns';

/** An operator's confirmation or one-day move of a computed (tentative) holiday. */
@Entity('holiday_adjustment')
@Index('holiday_adjustment_holiday', ['holidayId'])
export class HolidayAdjustmentRow {
  @IdColumn()
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  holidayId!: string;

  @Column({ type: 'varchar', length: 8 })
  action!: 'confirm' | 'move';

  @LocalDateColumn({ nullable: true })
  date!: string | null;

  @Column({ type: 'varchar', length: 2 })
  country!: string;

  @InstantColumn()
  createdAt!: Date;
}
