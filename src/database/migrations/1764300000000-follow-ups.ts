import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * When a touchpoint is next checked for being late or missed, and an
 * engagement's own playbook (JSON) when it overrides the named one.
 */
export class FollowUps1764300000000 implements MigrationInterface {
  name = 'FollowUps1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'touchpoint',
      new TableColumn({ name: 'check_at', type: 'varchar', length: '24', isNullable: true }),
    );
    // The detection sweep reads only touchpoints still awaited: it follows this index, never the whole table.
    await queryRunner.createIndex(
      'touchpoint',
      new TableIndex({
        name: 'touchpoint_check_due',
        columnNames: ['check_at'],
        where: 'check_at IS NOT NULL',
      }),
    );
    await queryRunner.addColumn(
      'engagement',
      new TableColumn({ name: 'playbook_override', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('engagement', 'playbook_override');
    await queryRunner.dropIndex('touchpoint', 'touchpoint_check_due');
    await queryRunner.dropColumn('touchpoint', 'check_at');
  }
}
