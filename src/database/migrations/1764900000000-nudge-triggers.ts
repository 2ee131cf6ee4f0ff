import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** The follow-up triggers of the time (src/follow-ups/domain/playbook.types.ts): a migration keeps its own copy. */
const TRIGGERS = [
  'report_late',
  'report_missed',
  'meeting_missed',
  'two_misses_in_a_row',
  'red_status',
  'ask_unanswered',
  'health_band_worsened',
];
/** Snoozed copies of snoozed copies: more links than anyone clicks through. `snooze:` is 7 characters. */
const SNOOZE_LINKS = 50;

/**
 * What fired each follow-up, in a column of its own rather than only inside its idempotency
 * key (`followup:<touchpoint>:<trigger>:<step>:<recipient>`), which a snoozed copy
 * (`snooze:<message id>`) does not repeat. Existing rows are filled in: follow-ups from their
 * key, snoozed copies from the message they copy.
 */
export class NudgeTriggers1764900000000 implements MigrationInterface {
  name = 'NudgeTriggers1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'outbox_message',
      new TableColumn({ name: 'follow_up_trigger', type: 'varchar', length: '32', isNullable: true }),
    );
    for (const trigger of TRIGGERS) {
      await queryRunner.query(
        `UPDATE outbox_message SET follow_up_trigger = '${trigger}'
         WHERE idempotency_key LIKE 'followup:%:${trigger}:%'`,
      );
    }
    for (let link = 0; link < SNOOZE_LINKS; link++) {
      const copied = await queryRunner.query(
        `UPDATE outbox_message SET follow_up_trigger = (
           SELECT original.follow_up_trigger FROM outbox_message original
           WHERE original.id = substr(outbox_message.idempotency_key, 8))
         WHERE follow_up_trigger IS NULL AND idempotency_key LIKE 'snooze:%'
           AND EXISTS (SELECT 1 FROM outbox_message original
             WHERE original.id = substr(outbox_message.idempotency_key, 8)
               AND original.follow_up_trigger IS NOT NULL)`,
        [],
        true,
      );
      if (!copied.affected) break;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('outbox_message', 'follow_up_trigger');
  }
}
