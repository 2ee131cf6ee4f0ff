import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './migration-columns';

/** Cadences, their touchpoints, and the outbox every outbound message goes through. */
export class CadencesAndOutbox1764100000000 implements MigrationInterface {
  name = 'CadencesAndOutbox1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'cadence',
        columns: [
          col.id(),
          col.ref('engagement_id'),
          col.varchar('kind', 16),
          col.varchar('title', 200),
          col.varchar('frequency', 10),
          col.varchar('holiday_policy', 5),
          col.localDate('starts_on'),
          col.integer('duration_minutes', { isNullable: true }),
          col.text('participant_ids'),
          col.ref('organizer_id', { isNullable: true }),
          col.text('preferred_weekdays'),
          col.varchar('weekday', 3),
          col.varchar('time', 5),
          col.boolean('active'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['engagement_id'],
            referencedTableName: 'engagement',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [new TableIndex({ name: 'cadence_engagement', columnNames: ['engagement_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'touchpoint',
        columns: [
          col.id(),
          col.ref('engagement_id'),
          col.ref('cadence_id'),
          col.varchar('kind', 16),
          col.varchar('period_key', 16),
          col.varchar('status', 10),
          col.instant('scheduled_at'),
          col.instant('ends_at', { isNullable: true }),
          col.instant('original_at'),
          col.varchar('adjustment_type', 8, { isNullable: true }),
          col.varchar('adjustment_reason', 500, { isNullable: true }),
          col.text('out_of_hours'),
          col.integer('sequence'),
          col.instant('request_at', { isNullable: true }),
          col.instant('request_queued_at', { isNullable: true }),
          col.instant('held_at', { isNullable: true }),
          col.text('held_notes', { isNullable: true }),
          col.instant('submitted_at', { isNullable: true }),
          col.integer('reschedule_count'),
          col.boolean('pinned'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['engagement_id'],
            referencedTableName: 'engagement',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['cadence_id'],
            referencedTableName: 'cadence',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({
            name: 'touchpoint_cadence_period',
            columnNames: ['cadence_id', 'period_key'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'touchpoint_engagement_time',
            columnNames: ['engagement_id', 'scheduled_at'],
          }),
          new TableIndex({ name: 'touchpoint_status_time', columnNames: ['status', 'scheduled_at'] }),
          // Only reports whose request has not gone out yet: the request sweep follows this index.
          new TableIndex({
            name: 'touchpoint_request_due',
            columnNames: ['request_at'],
            where: 'request_queued_at IS NULL',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'outbox_message',
        columns: [
          col.id(),
          col.varchar('idempotency_key', 300),
          col.varchar('channel', 8),
          col.varchar('purpose', 40),
          col.ref('engagement_id', { isNullable: true }),
          col.ref('touchpoint_id', { isNullable: true }),
          col.ref('recipient_person_id', { isNullable: true }),
          col.varchar('recipient', 320),
          col.varchar('summary', 300),
          col.text('payload'),
          col.varchar('status', 10),
          col.integer('attempts'),
          col.instant('due_at'),
          col.instant('next_attempt_at'),
          col.boolean('working_hours_only'),
          col.instant('sent_at', { isNullable: true }),
          col.text('last_error', { isNullable: true }),
          col.varchar('claimed_by', 100, { isNullable: true }),
          col.varchar('provider_message_id', 300, { isNullable: true }),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'outbox_idempotency_key',
            columnNames: ['idempotency_key'],
            isUnique: true,
          }),
          new TableIndex({ name: 'outbox_engagement', columnNames: ['engagement_id', 'created_at'] }),
          new TableIndex({ name: 'outbox_touchpoint', columnNames: ['touchpoint_id'] }),
          // What workers claim: only pending rows are indexed, so the sweep stays small as history grows.
          new TableIndex({
            name: 'outbox_due',
            columnNames: ['next_attempt_at'],
            where: "status IN ('queued', 'failed')",
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['outbox_message', 'touchpoint', 'cadence']) await queryRunner.dropTable(table);
  }
}
