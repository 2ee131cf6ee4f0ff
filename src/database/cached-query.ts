import type { DataSource, EntityManager, QueryBuilder } from 'typeorm';

/** A query's named parameters: single values, or lists of text for `IN (:...name)`. */
export type QueryParameters = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

interface Built {
  sql: string;
  /** Where each bound value comes from: a parameter's name, and its position for a list. */
  slots: readonly (readonly [name: string, index: number | null])[];
}

// Stand-ins bound while the SQL is built, so each bound position can be traced to its parameter.
const MARK = '\u0000cached-query\u0000';
const SEPARATOR = '\u0001';
/** Shapes kept per query: the single id of the API's reads, chunks, and a few odd remainders. */
const KEPT = 16;

/**
 * A statement written with TypeORM's query builder, built once per shape and then run as
 * plain SQL. Building the text (aliases, property names, escaping, parameter expansion)
 * costs more than running a small query, and the health view and a report submission run
 * several of them per request; the SQL and its placeholders are the builder's own, for
 * whichever database the DataSource talks to.
 *
 * Every bound value must come from the parameters: the builder sees stand-ins, so values
 * it would transform (an entity column's transformer in `set` or `values`) are written as
 * `() => ':name'` and passed in their stored form.
 *
 * The shape is the length of each list parameter (an `IN` list of 3 ids is other SQL than
 * one of 500); the last few shapes are kept.
 */
export class CachedQuery<P extends QueryParameters> {
  private readonly built = new Map<string, Built>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly build: (dataSource: DataSource, parameters: P) => QueryBuilder<object>,
  ) {}

  /** The rows, as `getRawMany` would answer them. */
  async getRawMany<R>(parameters: P, manager?: EntityManager): Promise<R[]> {
    const [sql, values] = this.statement(parameters);
    return (await (manager ?? this.dataSource.manager).query<R[]>(sql, values)) ?? [];
  }

  /** The first row, or null. */
  async getRawOne<R>(parameters: P, manager?: EntityManager): Promise<R | null> {
    return (await this.getRawMany<R>(parameters, manager))[0] ?? null;
  }

  /** Runs an UPDATE, INSERT or DELETE; answers how many rows it changed. */
  async execute(parameters: P, manager?: EntityManager): Promise<number> {
    const [sql, values] = this.statement(parameters);
    const runner = manager?.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      return (await runner.query(sql, values, true)).affected ?? 0;
    } finally {
      if (runner !== manager?.queryRunner) await runner.release();
    }
  }

  private statement(parameters: P): [sql: string, values: unknown[]] {
    const { sql, slots } = this.builtFor(parameters);
    const values = slots.map(([name, index]) => {
      const value = parameters[name];
      return index === null ? value : (value as readonly string[])[index];
    });
    return [sql, values];
  }

  private builtFor(parameters: P): Built {
    const shape = Object.entries(parameters)
      .map(([name, value]) => (Array.isArray(value) ? `${name}[${value.length}]` : name))
      .join(',');
    let built = this.built.get(shape);
    if (built === undefined) {
      built = this.trace(parameters);
      // The oldest shape goes first: an odd-sized last chunk is seldom asked for twice.
      if (this.built.size >= KEPT) this.built.delete(this.built.keys().next().value!);
      this.built.set(shape, built);
    }
    return built;
  }

  private trace(parameters: P): Built {
    const standIns = Object.fromEntries(
      Object.entries(parameters).map(([name, value]) => [
        name,
        Array.isArray(value)
          ? value.map((_, index) => `${MARK}${name}${SEPARATOR}${index}`)
          : `${MARK}${name}`,
      ]),
    ) as unknown as P;
    const [sql, bound] = this.build(this.dataSource, standIns).getQueryAndParameters();
    const slots = bound.map((value: unknown) => {
      if (typeof value !== 'string' || !value.startsWith(MARK))
        throw new Error(`CachedQuery: a bound value not from the parameters: ${String(value)}`);
      const [name, index] = value.slice(MARK.length).split(SEPARATOR);
      return [name, index === undefined ? null : Number(index)] as const;
    });
    return { sql, slots };
  }
}
