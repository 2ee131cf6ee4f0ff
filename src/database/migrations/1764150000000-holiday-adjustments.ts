import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './migration-columns';

/** Operators' confirmations and moves of computed holidays. */
export class HolidayAdjustments1764150000000 implements MigrationInterface {
  name = 'HolidayAdjustments1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'holiday_adjustment',
        columns: [
          col.id(),
          col.varchar('holiday_id', 120),
          col.varchar('action', 8),
          col.localDate('date', { isNullable: true }),
          col.varchar('country', 2),
          col.instant('created_at'),
        ],
        indices: [new TableIndex({ name: 'holiday_adjustment_holiday', columnNames: ['holiday_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('holiday_adjustment');
  }
}
