import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './migration-columns';

/**
 * The weekly executive digest: each executive's send preference and next due
 * instant, and one row per digest sent (per executive per ISO week), with the
 * hash of its one-click unsubscribe token.
 */
export class Digests1764500000000 implements MigrationInterface {
  name = 'Digests1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'digest_subscription',
        columns: [
          col.ref('executive_id', { isPrimary: true }),
          col.varchar('weekday', 3, { isNullable: true }),
          col.varchar('send_time', 5, { isNullable: true }),
          col.instant('unsubscribed_at', { isNullable: true }),
          col.instant('next_send_at', { isNullable: true }),
          col.varchar('next_week', 8, { isNullable: true }),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['executive_id'],
            referencedTableName: 'person',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          // The job's "when next" and "what is due" read only this index.
          new TableIndex({
            name: 'digest_subscription_due',
            columnNames: ['next_send_at'],
            where: 'next_send_at IS NOT NULL',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'digest_issue',
        columns: [
          col.id(),
          col.ref('executive_id'),
          col.varchar('iso_week', 8),
          col.instant('scheduled_at'),
          col.ref('outbox_message_id'),
          col.varchar('unsubscribe_token_hash', 64),
          col.text('model'),
          col.instant('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['executive_id'],
            referencedTableName: 'person',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({
            name: 'digest_issue_week',
            columnNames: ['executive_id', 'iso_week'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'digest_issue_unsubscribe',
            columnNames: ['unsubscribe_token_hash'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('digest_issue');
    await queryRunner.dropTable('digest_subscription');
  }
}
