import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { NudgeTriggers1764900000000 } from '../../src/database/migrations/1764900000000-nudge-triggers';
import { runMigrations } from '../../src/database/run-migrations';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Outbox rows as the releases before the column wrote them.
const ROWS: [id: string, key: string, purpose: string][] = [
  ['m1', 'followup:tp1:report_late:0:p-vendor', 'nudge'],
  ['m2', 'followup:tp1:red_status:0:p-manager', 'nudge'],
  ['m3', 'snooze:m2', 'nudge'],
  ['m4', 'snooze:m3', 'nudge'],
  ['m5', 'followup:tp2:two_misses_in_a_row:1:C0CHANNEL', 'nudge'],
  ['m6', 'report_request:tp1:p-vendor', 'report_request'],
  ['m7', 'snooze:gone', 'nudge'],
];

describe('Migration NudgeTriggers on the real database', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  const open = async (migrations: readonly (typeof MIGRATIONS)[number][]): Promise<DataSource> => {
    const options = dataSourceOptions(
      database.kind === 'sqlite'
        ? { kind: 'sqlite', path: database.url }
        : { kind: 'postgres', url: database.url },
    );
    const source = new DataSource({ ...options, migrations: [...migrations] });
    await source.initialize();
    await runMigrations(source);
    return source;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const before = await open(MIGRATIONS.filter((m) => m !== NudgeTriggers1764900000000));
    const at = '2027-03-01T09:00:00.000Z';
    const sqlite = database.kind === 'sqlite';
    for (const [id, key, purpose] of ROWS) {
      const values = [id, key, purpose, at, at, sqlite ? 0 : false, at, at];
      const placeholders = values.map((_, i) => (sqlite ? '?' : `$${i + 1}`)).join(', ');
      await before.query(
        `INSERT INTO outbox_message (id, idempotency_key, purpose, due_at, next_attempt_at, working_hours_only,
           created_at, updated_at, channel, recipient, summary, payload, status, attempts)
         VALUES (${placeholders}, 'email', 'x@example.com', 's', '{}', 'queued', 0)`,
        values,
      );
    }
    await before.destroy();
    dataSource = await open(MIGRATIONS);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('fills in the trigger of each follow-up from its key, and of each snoozed copy from its original', async () => {
    const rows = await dataSource.query<{ id: string; follow_up_trigger: string | null }[]>(
      'SELECT id, follow_up_trigger FROM outbox_message ORDER BY id',
    );
    expect(rows.map((r) => [r.id, r.follow_up_trigger])).toEqual([
      ['m1', 'report_late'],
      ['m2', 'red_status'],
      ['m3', 'red_status'],
      ['m4', 'red_status'],
      ['m5', 'two_misses_in_a_row'],
      ['m6', null],
      ['m7', null],
    ]);
  });

  it('takes the column away again on revert', async () => {
    await dataSource.undoLastMigration({ transaction: 'each' });
    const columns = await dataSource.createQueryRunner().getTable('outbox_message');
    expect(columns?.findColumnByName('follow_up_trigger')).toBeUndefined();
    await runMigrations(dataSource);
    expect(
      (await dataSource.createQueryRunner().getTable('outbox_message'))?.findColumnByName(
        'follow_up_trigger',
      ),
    ).toBeDefined();
  });
});
