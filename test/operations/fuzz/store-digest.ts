import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * A fingerprint of every row of every table Cadence maps: equal fingerprints
 * mean nothing stored changed. Taken after every fuzz request, so it is cheap:
 * on SQLite the connection's `total_changes()` tells whether anything was
 * written at all (the app has one connection, and only the app writes); on
 * PostgreSQL every insert, update and delete changes a table's row count or
 * the sum of its rows' `xmin` (the id of the transaction that wrote each row
 * version), read in one round trip without reading the (TOASTed) contents.
 */
export class StoreFingerprint {
  private last: { changes: number; digest: string } | null = null;

  /** `exclude`: tables whose rows may change as a matter of course (a webhook's delivery log). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly exclude: readonly string[] = [],
  ) {}

  async take(): Promise<string> {
    if (this.dataSource.options.type === 'postgres') return this.postgresDigest();
    const [{ n }] = await this.dataSource.query<{ n: number }[]>('SELECT total_changes() AS n');
    if (this.last?.changes === n) return this.last.digest;
    const digest = await this.rowDigest();
    this.last = { changes: n, digest };
    return digest;
  }

  private tables(): string[] {
    return [...new Set(this.dataSource.entityMetadatas.map((m) => m.tableName))]
      .filter((table) => !this.exclude.includes(table))
      .sort();
  }

  private async rowDigest(): Promise<string> {
    const hash = createHash('sha256');
    for (const table of this.tables()) {
      const rows = await this.dataSource.query<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
      const lines = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
      hash.update(`${table}\n${lines.join('\n')}\n`);
    }
    return hash.digest('hex');
  }

  private async postgresDigest(): Promise<string> {
    const parts = this.tables().map(
      (table) =>
        `SELECT '${table}' AS t, COUNT(*) || ':' || COALESCE(SUM(xmin::text::bigint), 0) AS h FROM "${table}"`,
    );
    const rows = await this.dataSource.query<{ t: string; h: string }[]>(parts.join(' UNION ALL '));
    return rows.map((r) => `${r.t}:${r.h}`).join(',');
  }
}
