import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** When a report's asks of the client are next checked for having waited too long. */
export class AskChecks1764700000000 implements MigrationInterface {
  name = 'AskChecks1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'status_report',
      new TableColumn({ name: 'ask_check_at', type: 'varchar', length: '24', isNullable: true }),
    );
    await queryRunner.createIndex(
      'status_report',
      new TableIndex({
        name: 'status_report_ask_check',
        columnNames: ['ask_check_at'],
        where: 'ask_check_at IS NOT NULL',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('status_report', 'status_report_ask_check');
    await queryRunner.dropColumn('status_report', 'ask_check_at');
  }
}
