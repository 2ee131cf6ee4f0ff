import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './migration-columns';

/**
 * The Slack app's own state: which Slack deliveries were already taken on (so
 * Slack's retries are acknowledged but not acted on twice, across instances),
 * and who acknowledged a nudge about which touchpoint.
 */
export class Slack1764600000000 implements MigrationInterface {
  name = 'Slack1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'slack_event',
        // The key is the primary key: a second claim of it is refused by the database itself.
        columns: [col.varchar('key', 255, { isPrimary: true }), col.instant('received_at')],
        indices: [new TableIndex({ name: 'slack_event_received_at', columnNames: ['received_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'nudge_acknowledgement',
        columns: [
          col.ref('touchpoint_id', { isPrimary: true }),
          col.ref('person_id', { isPrimary: true }),
          col.ref('message_id'),
          col.instant('acknowledged_at'),
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
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('nudge_acknowledgement');
    await queryRunner.dropTable('slack_event');
  }
}
