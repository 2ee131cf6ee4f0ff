import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** Which touchpoints owe their participants a (new) calendar invite. */
export class TouchpointInvites1764160000000 implements MigrationInterface {
  name = 'TouchpointInvites1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('touchpoint', [
      new TableColumn({ name: 'invite_pending', type: 'boolean', default: false }),
      new TableColumn({ name: 'invited_sequence', type: 'integer', isNullable: true }),
    ]);
    // The invite sweep reads only the rows that owe an invite.
    await queryRunner.createIndex(
      'touchpoint',
      new TableIndex({
        name: 'touchpoint_invite_pending',
        columnNames: ['scheduled_at'],
        where: 'invite_pending = true',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('touchpoint', 'touchpoint_invite_pending');
    await queryRunner.dropColumns('touchpoint', ['invite_pending', 'invited_sequence']);
  }
}
