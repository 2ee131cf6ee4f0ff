import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './migration-columns';

/** Status reports (one per report touchpoint) and the hashed tokens of the vendor form links. */
export class Reports1764200000000 implements MigrationInterface {
  name = 'Reports1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'status_report',
        columns: [
          col.id(),
          col.ref('touchpoint_id'),
          col.ref('engagement_id'),
          col.ref('submitted_by_person_id', { isNullable: true }),
          col.varchar('status', 5),
          col.text('kpi_values'),
          col.text('highlights'),
          col.text('blockers'),
          col.text('asks'),
          col.text('next_week_plan'),
          col.boolean('late'),
          col.instant('submitted_at'),
          col.instant('updated_at'),
          col.integer('revision'),
        ],
        foreignKeys: [
          {
            columnNames: ['touchpoint_id'],
            referencedTableName: 'touchpoint',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['engagement_id'],
            referencedTableName: 'engagement',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['submitted_by_person_id'],
            referencedTableName: 'person',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [
          new TableIndex({
            name: 'status_report_touchpoint',
            columnNames: ['touchpoint_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'status_report_engagement_submitted',
            columnNames: ['engagement_id', 'submitted_at'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'report_token',
        columns: [
          col.id(),
          col.varchar('token_hash', 64),
          col.ref('touchpoint_id'),
          col.ref('person_id'),
          col.instant('expires_at'),
          col.instant('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['touchpoint_id'],
            referencedTableName: 'touchpoint',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['person_id'],
            referencedTableName: 'person',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({ name: 'report_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'report_token_touchpoint', columnNames: ['touchpoint_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('report_token');
    await queryRunner.dropTable('status_report');
  }
}
