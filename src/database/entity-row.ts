import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * One entity's columns in a raw row, read and written the way TypeORM's own find and save do
 * it (each column's transformer, then the driver's conversions: SQLite's 0/1 for booleans and
 * so on), for statements run as plain SQL through {@link CachedQuery}: a join of several
 * entities comes back as one row, `alias_column` for each of them.
 */
export class EntityRow<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
  ) {
    this.metadata = dataSource.getMetadata(target);
  }

  /** Adds every column of the entity joined as `alias` to the select list, as `alias_column`. */
  select<Q extends SelectQueryBuilder<ObjectLiteral>>(query: Q, alias: string): Q {
    for (const column of this.metadata.columns) {
      query.addSelect(`${alias}.${column.databaseName}`, `${alias}_${column.databaseName}`);
    }
    return query;
  }

  /** The entity from the `alias_column` fields of `row`; null when a left join found none. */
  from(row: Readonly<Record<string, unknown>>, alias: string): T | null {
    const [primary] = this.metadata.primaryColumns;
    if (row[`${alias}_${primary.databaseName}`] == null) return null;
    const entity = this.metadata.create() as T;
    for (const column of this.metadata.columns) {
      const raw = row[`${alias}_${column.databaseName}`];
      column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(raw, column));
    }
    return entity;
  }

  /**
   * `{ property: () => ':property' }` for `set` or `values` of a {@link CachedQuery}: each
   * value bound from the parameter of the same name, in its {@link stored} form.
   */
  placeholders<K extends keyof T & string>(properties: readonly K[]): Record<K, () => string> {
    return Object.fromEntries(properties.map((property) => [property, () => `:${property}`])) as Record<
      K,
      () => string
    >;
  }

  /** The {@link stored} form of some properties of `entity`, as parameters for {@link placeholders}. */
  storedValues<K extends keyof T & string>(
    entity: T,
    properties: readonly K[],
  ): Record<K, string | number | boolean | null> {
    return Object.fromEntries(
      properties.map((property) => [property, this.stored(property, entity[property])]),
    ) as Record<K, string | number | boolean | null>;
  }

  /** A property's value as a statement binds it: its stored form (JSON text, ISO instant, 0/1). */
  stored<K extends keyof T & string>(property: K, value: T[K]): string | number | boolean | null {
    return this.dataSource.driver.preparePersistentValue(value, this.column(property)) as
      string | number | boolean | null;
  }

  /** A stored value of one property, as the entity holds it. */
  hydrated<K extends keyof T & string>(property: K, raw: unknown): T[K] {
    return this.dataSource.driver.prepareHydratedValue(raw, this.column(property)) as T[K];
  }

  private column(property: string): ColumnMetadata {
    const column = this.metadata.findColumnWithPropertyName(property);
    if (column === undefined) throw new Error(`${this.metadata.name} has no column ${property}`);
    return column;
  }
}
