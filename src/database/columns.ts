import { Column, type ColumnOptions, type ValueTransformer } from 'typeorm';

/**
 * Instants are stored as fixed-width UTC ISO-8601 strings
 * (`2027-03-09T14:00:00.000Z`): the same bytes on SQLite and PostgreSQL, they
 * sort and compare correctly as text, and they never pass through a driver's
 * idea of the local time zone.
 */
export const instantTransformer: ValueTransformer = {
  to: (value: Date | null | undefined) => (value == null ? value : value.toISOString()),
  from: (value: string | null) => (value === null ? null : new Date(value)),
};

export function InstantColumn(options: Pick<ColumnOptions, 'nullable' | 'name'> = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 24, transformer: instantTransformer, ...options });
}

/** A local calendar date, `YYYY-MM-DD`. */
export function LocalDateColumn(options: Pick<ColumnOptions, 'nullable' | 'name'> = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 10, ...options });
}

/** A wall-clock time, `HH:mm`. */
export function LocalTimeColumn(options: Pick<ColumnOptions, 'nullable' | 'name'> = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 5, ...options });
}

/** Structured data stored as JSON text (portable across both databases). */
export function JsonColumn(options: Pick<ColumnOptions, 'nullable' | 'name'> = {}): PropertyDecorator {
  return Column({ type: 'text', transformer: jsonTransformer, ...options });
}

const jsonTransformer: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (value: string | null): unknown => (value === null ? null : JSON.parse(value)),
};

/** Primary keys are UUIDs assigned by the application (`randomUUID()`), not by the database. */
export function IdColumn(): PropertyDecorator {
  return Column({ type: 'varchar', length: 36, primary: true });
}
