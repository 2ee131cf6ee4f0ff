import type { DataSource, SelectQueryBuilder } from 'typeorm';

/** A query's named parameters: text values, or lists of them for `IN (:...name)`. */
export type SelectParameters = Readonly<Record<string, string | readonly string[]>>;

interface Built {
  sql: string;
  /** Where each bound value comes from: a parameter's name, and its position for a list. */
  slots: readonly (readonly [name: string, index: number | null])[];
}

// Stand-ins bound while the SQL is built, so each bound position can be traced to its parameter.
const MARK = '\u0000cached-select\u0000';
const SEPARATOR = '\u0001';
/** Shapes kept per query: the single id of the API's reads, chunks, and a few odd remainders. */
const KEPT = 16;

/**
 * A raw SELECT written with TypeORM's query builder, built once per shape and then run as
 * plain SQL. Building the text (aliases, escaping, parameter expansion) costs more than
 * running a small query, and the health view runs seven of them per request; the SQL and
 * its placeholders are the builder's own, for whichever database the DataSource talks to.
 *
 * The shape is the length of each list parameter (an `IN` list of 3 ids is other SQL than
 * one of 500); the last few shapes are kept.
 */
export class CachedSelect<P extends SelectParameters> {
  private readonly built = new Map<string, Built>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly build: (dataSource: DataSource, parameters: P) => SelectQueryBuilder<object>,
  ) {}

  /** The rows, as `getRawMany` would answer them. */
  async getRawMany<R>(parameters: P): Promise<R[]> {
    const { sql, slots } = this.builtFor(parameters);
    const values = slots.map(([name, index]) => {
      const value = parameters[name];
      return index === null ? value : (value as readonly string[])[index];
    });
    return (await this.dataSource.query<R[]>(sql, values)) ?? [];
  }

  private builtFor(parameters: P): Built {
    const shape = Object.entries(parameters)
      .map(([name, value]) => (typeof value === 'string' ? name : `${name}[${value.length}]`))
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
        typeof value === 'string'
          ? `${MARK}${name}`
          : value.map((_, index) => `${MARK}${name}${SEPARATOR}${index}`),
      ]),
    ) as unknown as P;
    const [sql, bound] = this.build(this.dataSource, standIns).getQueryAndParameters();
    const slots = bound.map((value: unknown) => {
      if (typeof value !== 'string' || !value.startsWith(MARK))
        throw new Error(`CachedSelect: a bound value not from the parameters: ${String(value)}`);
      const [name, index] = value.slice(MARK.length).split(SEPARATOR);
      return [name, index === undefined ? null : Number(index)] as const;
    });
    return { sql, slots };
  }
}
