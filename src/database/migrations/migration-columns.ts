import type { TableColumnOptions } from 'typeorm';

type Extra = Partial<Pick<TableColumnOptions, 'isNullable' | 'isPrimary' | 'default'>>;

/**
 * Column shapes for migrations written with the QueryRunner schema API, which
 * both SQLite and PostgreSQL translate. They mirror the helpers in
 * `database/columns.ts`; a migration must never change once merged, so add new
 * shapes here rather than editing old ones.
 */
export const col = {
  id: (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true }),
  ref: (name: string, extra: Extra = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '36',
    ...extra,
  }),
  varchar: (name: string, length: number, extra: Extra = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    ...extra,
  }),
  text: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'text', ...extra }),
  integer: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'integer', ...extra }),
  boolean: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'boolean', ...extra }),
  instant: (name: string, extra: Extra = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '24',
    ...extra,
  }),
  localDate: (name: string, extra: Extra = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '10',
    ...extra,
  }),
};
