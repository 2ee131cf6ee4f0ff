import type { EntityManager, InsertQueryBuilder, ObjectLiteral } from 'typeorm';

/**
 * Runs an ignoring insert (`.orIgnore()`) and says whether it inserted the row. TypeORM
 * cannot tell an ignored insert from one that inserted; `RETURNING` can (PostgreSQL and
 * SQLite ≥ 3.35): a skipped row returns nothing. `returningColumn` is any column of the
 * table, by its database name (`id`, `person_id`).
 */
export async function insertedIfAbsent<T extends ObjectLiteral>(
  manager: EntityManager,
  insert: InsertQueryBuilder<T>,
  returningColumn: string,
): Promise<boolean> {
  const [sql, parameters] = insert.getQueryAndParameters();
  const rows: unknown = await manager.query(`${sql} RETURNING "${returningColumn}"`, parameters);
  return Array.isArray(rows) && rows.length > 0;
}
