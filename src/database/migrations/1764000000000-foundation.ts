import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './migration-columns';

/** People, time off, engagements with their contacts and blackout days, and job state. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'person',
        columns: [
          col.id(),
          col.varchar('name', 200),
          col.varchar('email', 320),
          col.varchar('role', 20),
          col.varchar('time_zone', 64),
          col.varchar('country', 2),
          col.varchar('region', 16, { isNullable: true }),
          col.varchar('work_week', 27),
          col.varchar('working_hours_start', 5),
          col.varchar('working_hours_end', 5),
          col.varchar('locale', 35),
          col.varchar('slack_user_id', 32, { isNullable: true }),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'person_email_unique', columnNames: ['email'], isUnique: true })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'time_off',
        columns: [
          col.id(),
          col.ref('person_id'),
          col.localDate('start_date'),
          col.localDate('end_date'),
          col.ref('backup_person_id', { isNullable: true }),
          col.varchar('note', 200, { isNullable: true }),
          col.instant('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['person_id'],
            referencedTableName: 'person',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['backup_person_id'],
            referencedTableName: 'person',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [new TableIndex({ name: 'time_off_person', columnNames: ['person_id', 'start_date'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'engagement',
        columns: [
          col.id(),
          col.varchar('name', 200),
          col.varchar('client_name', 200),
          col.varchar('vendor_name', 200),
          col.ref('account_manager_id'),
          col.ref('executive_id', { isNullable: true }),
          col.text('kpis'),
          col.varchar('playbook', 64),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['account_manager_id'],
            referencedTableName: 'person',
            referencedColumnNames: ['id'],
          },
          { columnNames: ['executive_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
        ],
        indices: [
          new TableIndex({ name: 'engagement_account_manager', columnNames: ['account_manager_id'] }),
          new TableIndex({ name: 'engagement_executive', columnNames: ['executive_id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'engagement_contact',
        columns: [
          col.ref('engagement_id', { isPrimary: true }),
          col.varchar('kind', 20, { isPrimary: true }),
          col.ref('person_id', { isPrimary: true }),
          col.integer('position'),
        ],
        foreignKeys: [
          {
            columnNames: ['engagement_id'],
            referencedTableName: 'engagement',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
        ],
        indices: [new TableIndex({ name: 'engagement_contact_person', columnNames: ['person_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'blackout',
        columns: [
          col.id(),
          col.ref('engagement_id'),
          col.localDate('date'),
          col.varchar('side', 6),
          col.varchar('name', 200),
          col.instant('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['engagement_id'],
            referencedTableName: 'engagement',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({
            name: 'blackout_engagement_date_side',
            columnNames: ['engagement_id', 'date', 'side'],
            isUnique: true,
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'job_state',
        columns: [
          col.varchar('name', 64, { isPrimary: true }),
          col.instant('next_run_at'),
          col.instant('last_run_at', { isNullable: true }),
          col.varchar('last_run_by', 64, { isNullable: true }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['job_state', 'blackout', 'engagement_contact', 'engagement', 'time_off', 'person']) {
      await queryRunner.dropTable(table);
    }
  }
}
