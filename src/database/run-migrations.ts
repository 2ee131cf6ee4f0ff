import type { DataSource } from 'typeorm';

/** Any 64-bit number private to Cadence: the advisory lock key guarding migrations. */
const MIGRATION_LOCK_KEY = 7_240_531_001;

/**
 * Runs pending migrations. On PostgreSQL several instances may start at once:
 * a session advisory lock held on a dedicated connection lets one of them
 * migrate while the others wait and then find nothing to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type !== 'postgres') {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
