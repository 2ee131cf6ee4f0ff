import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** Each digest's own "view in your browser" link, stored as the hash of its token. */
export class DigestWebLinks1764800000000 implements MigrationInterface {
  name = 'DigestWebLinks1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'digest_issue',
      new TableColumn({ name: 'web_token_hash', type: 'varchar', length: '64', isNullable: true }),
    );
    await queryRunner.createIndex(
      'digest_issue',
      new TableIndex({ name: 'digest_issue_web', columnNames: ['web_token_hash'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('digest_issue', 'digest_issue_web');
    await queryRunner.dropColumn('digest_issue', 'web_token_hash');
  }
}
