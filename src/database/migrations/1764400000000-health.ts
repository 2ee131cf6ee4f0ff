import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './migration-columns';

const cascadeTo = (table: string, column: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/**
 * Weekly health snapshots (one per engagement and local week), when each
 * engagement's next snapshot is due, and the client's answers to the asks of
 * status reports.
 */
export class Health1764400000000 implements MigrationInterface {
  name = 'Health1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'health_snapshot',
        columns: [
          col.id(),
          col.ref('engagement_id'),
          col.varchar('week', 8),
          col.localDate('week_start'),
          col.varchar('time_zone', 64),
          col.instant('as_of'),
          col.integer('score'),
          col.varchar('band', 8),
          col.varchar('previous_band', 8, { isNullable: true }),
          col.integer('trend', { isNullable: true }),
          col.boolean('paused'),
          col.text('signals'),
          col.text('flags'),
          col.text('highlights'),
          col.instant('created_at'),
        ],
        foreignKeys: [cascadeTo('engagement', 'engagement_id')],
        indices: [
          // The guard that makes a second writer of the same week a no-op, on any number of instances.
          new TableIndex({
            name: 'health_snapshot_engagement_week',
            columnNames: ['engagement_id', 'week'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'health_snapshot_engagement_as_of',
            columnNames: ['engagement_id', 'as_of'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'health_schedule',
        columns: [
          col.ref('engagement_id', { isPrimary: true }),
          col.instant('next_snapshot_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [cascadeTo('engagement', 'engagement_id')],
        indices: [new TableIndex({ name: 'health_schedule_due', columnNames: ['next_snapshot_at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'ask_answer',
        columns: [
          col.id(),
          col.ref('touchpoint_id'),
          col.ref('engagement_id'),
          col.integer('ask_index'),
          col.text('ask_text'),
          col.text('note', { isNullable: true }),
          col.instant('answered_at'),
        ],
        foreignKeys: [cascadeTo('touchpoint', 'touchpoint_id'), cascadeTo('engagement', 'engagement_id')],
        indices: [
          new TableIndex({
            name: 'ask_answer_touchpoint_ask',
            columnNames: ['touchpoint_id', 'ask_index'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ask_answer_engagement', columnNames: ['engagement_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['ask_answer', 'health_schedule', 'health_snapshot'])
      await queryRunner.dropTable(table);
  }
}
