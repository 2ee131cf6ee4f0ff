import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Bind variables per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_VARIABLES = 30_000;

/** What inserting into one table needs, worked out once per data source and entity. */
interface InsertPlan {
  columns: readonly ColumnMetadata[];
  /** Reads a column's value from a row: a plain property read unless embedded or relational. */
  readers: readonly ((row: ObjectLiteral) => unknown)[];
  head: string;
  postgres: boolean;
  sqlite: boolean;
  /** Rows in the largest statement. */
  perStatement: number;
  /** Statement text by row count. */
  statements: Map<number, string>;
}

/** Equal to no column value: the memo below starts empty. */
const NOT_SEEN = Symbol('not seen');

const plans = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, InsertPlan>>();

/**
 * Inserts many entities with multi-row INSERT statements, skipping rows that
 * break a unique index (`ON CONFLICT DO NOTHING`, which both SQLite and
 * PostgreSQL accept). TypeORM's query builder spends more time assembling
 * large inserts than the database spends running them; this builds the SQL
 * from the entity metadata directly and still lets each column's transformer
 * and the driver's own type conversion prepare the values.
 *
 * Statements come in a few fixed sizes (the largest that fits, then powers of
 * two for the rest), so their text repeats from call to call and the driver's
 * statement cache (better-sqlite3 through TypeORM) compiles each size once
 * rather than one odd-sized statement per call.
 */
export async function bulkInsert<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const plan = insertPlan(manager.connection, target);
  if (plan.sqlite) await enlargeSqliteCache(manager);
  const { columns, readers, perStatement } = plan;
  const driver = manager.connection.driver;
  const width = columns.length;
  // The previous row's value and prepared value per column: consecutive rows often share
  // them (the same engagement, status, or creation time object), and preparing a value is
  // a pure function of the value and its column, so a repeat is prepared once. Forgotten
  // at every statement: rows are only read synchronously between two awaits.
  const lastValue: unknown[] = new Array<unknown>(width);
  const lastPrepared: unknown[] = new Array<unknown>(width);

  // Prepared instants per column by time value. Rows share few distinct instants (reports
  // fall due at the same local times, every row of a run is created at the same moment), and
  // Date.prototype.toISOString, which the instant columns' transformer calls, was half of the
  // time spent preparing a touchpoint row. A Date's prepared value depends on its time alone.
  const dates = columns.map(() => new Map<number, unknown>());
  const prepareDate = (value: Date, c: number): unknown => {
    const time = value.getTime();
    const known = dates[c].get(time);
    if (known !== undefined || dates[c].has(time)) return known;
    const prepared: unknown = driver.preparePersistentValue(value, columns[c]);
    dates[c].set(time, prepared);
    return prepared;
  };

  let offset = 0;
  while (offset < rows.length) {
    const count = statementSize(rows.length - offset, perStatement);
    lastValue.fill(NOT_SEEN);
    const parameters = new Array<unknown>(count * width);
    let p = 0;
    for (let r = offset; r < offset + count; r++) {
      const row = rows[r];
      for (let c = 0; c < width; c++) {
        const value = readers[c](row);
        if (value !== lastValue[c]) {
          lastValue[c] = value;
          lastPrepared[c] =
            value instanceof Date ? prepareDate(value, c) : driver.preparePersistentValue(value, columns[c]);
        }
        parameters[p++] = lastPrepared[c];
      }
    }
    await manager.query(statementText(plan, count), parameters);
    offset += count;
  }
}

/** The page cache a connection that bulk inserts should have, in KiB (SQLite's default is 2 MiB). */
const SQLITE_CACHE_KIB = 64 * 1024;
const enlarged = new WeakSet<DataSource>();

/**
 * Raises SQLite's page cache (never lowers it) the first time a connection bulk inserts. A
 * table with several indexes on random keys (touchpoint has seven B-trees) touches pages all
 * over each index; with the default 2 MiB cache most of those pages are read back from the
 * file for every statement, which doubled the system time of a large insert. The cache only
 * grows as pages are used, so a small database pays nothing for it.
 */
async function enlargeSqliteCache(manager: EntityManager): Promise<void> {
  const dataSource = manager.connection;
  if (enlarged.has(dataSource)) return;
  enlarged.add(dataSource);
  const rows = await manager.query<{ cache_size: number }[]>('PRAGMA cache_size');
  const current = rows[0]?.cache_size ?? 0;
  // Negative: KiB; positive: pages (of page_size bytes).
  const pageSize =
    current > 0
      ? ((await manager.query<{ page_size: number }[]>('PRAGMA page_size'))[0]?.page_size ?? 4096)
      : 0;
  const currentKib = current < 0 ? -current : (current * pageSize) / 1024;
  if (currentKib < SQLITE_CACHE_KIB) await manager.query(`PRAGMA cache_size = -${SQLITE_CACHE_KIB}`);
}

/** Rows in the next statement: the largest size while it fits, then the largest power of two. */
function statementSize(remaining: number, perStatement: number): number {
  if (remaining >= perStatement) return perStatement;
  return 2 ** Math.floor(Math.log2(remaining));
}

function statementText(plan: InsertPlan, rowCount: number): string {
  let text = plan.statements.get(rowCount);
  if (text === undefined) {
    const width = plan.columns.length;
    const tuples: string[] = [];
    for (let r = 0; r < rowCount; r++) {
      const placeholders: string[] = [];
      for (let c = 1; c <= width; c++) placeholders.push(plan.postgres ? `$${r * width + c}` : '?');
      tuples.push(`(${placeholders.join(', ')})`);
    }
    text = `${plan.head}${tuples.join(', ')} ON CONFLICT DO NOTHING`;
    plan.statements.set(rowCount, text);
  }
  return text;
}

function insertPlan(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): InsertPlan {
  let byTarget = plans.get(dataSource);
  if (byTarget === undefined) {
    byTarget = new Map();
    plans.set(dataSource, byTarget);
  }
  let plan = byTarget.get(target);
  if (plan === undefined) {
    const metadata = dataSource.getMetadata(target);
    const driver = dataSource.driver;
    const columns = metadata.columns.filter((c) => !c.isVirtual);
    plan = {
      columns,
      readers: columns.map((column) => {
        if (column.embeddedMetadata || column.relationMetadata || column.referencedColumn) {
          return (row: ObjectLiteral): unknown => column.getEntityValue(row) as unknown;
        }
        const property = column.propertyName;
        return (row: ObjectLiteral) => row[property] as unknown;
      }),
      head: `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `,
      postgres: driver.options.type === 'postgres',
      sqlite: driver.options.type === 'better-sqlite3',
      perStatement: Math.max(1, Math.floor(MAX_VARIABLES / columns.length)),
      statements: new Map(),
    };
    byTarget.set(target, plan);
  }
  return plan;
}
