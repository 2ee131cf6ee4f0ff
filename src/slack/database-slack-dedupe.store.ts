import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { SlackDedupeStore } from '../notifications/slack/slack-dedupe.store';
import { wallClockMs } from '../core/clock/wall-clock';

/** Slack retries for about five minutes after the first attempt; keys are kept well past that. */
export const SLACK_DEDUPE_TTL_MS = 60 * 60 * 1000;
/** Old keys are deleted at most this often, on the way through a claim. */
const PRUNE_EVERY_MS = 10 * 60 * 1000;
/** The column's width; longer keys (never seen from Slack) are stored as their hash. */
const MAX_KEY = 255;

/**
 * Slack deliveries already taken on, in the database: a retry that reaches
 * another instance (or this one after a restart) still finds its key. The
 * claim is one `INSERT … ON CONFLICT DO NOTHING` on the primary key, so of two
 * concurrent claims exactly one inserts a row and acts. Built by the Slack
 * module's factory, so tests can hand it a clock of their own.
 */
export class DatabaseSlackDedupeStore implements SlackDedupeStore {
  private readonly logger = new Logger('Slack');
  private lastPrunedMs = 0;

  constructor(
    private readonly dataSource: DataSource,
    // Wall-clock time, not the domain Clock: Slack's retry window is real time (see wallClockMs).
    private readonly nowMs: () => number = wallClockMs,
  ) {}

  async claim(key: string): Promise<boolean> {
    const nowMs = this.nowMs();
    await this.pruneNow(nowMs);
    const rows: unknown = await this.dataSource.query(
      `INSERT INTO slack_event ("key", received_at) VALUES (${this.param(1)}, ${this.param(2)})
       ON CONFLICT ("key") DO NOTHING
       RETURNING "key"`,
      [storedKey(key), new Date(nowMs).toISOString()],
    );
    return Array.isArray(rows) && rows.length > 0;
  }

  /** Deletes keys older than the TTL; returns how many. */
  async prune(nowMs: number = this.nowMs()): Promise<number> {
    const cutoff = new Date(nowMs - SLACK_DEDUPE_TTL_MS).toISOString();
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from('slack_event')
      .where('received_at < :cutoff', { cutoff })
      .execute();
    return result.affected ?? 0;
  }

  private async pruneNow(nowMs: number): Promise<void> {
    if (nowMs - this.lastPrunedMs < PRUNE_EVERY_MS) return;
    this.lastPrunedMs = nowMs;
    try {
      await this.prune(nowMs);
    } catch (error) {
      // Pruning is housekeeping: a failure must not cost the claim.
      this.logger.warn({ msg: 'could not prune old Slack event keys', err: (error as Error).message });
    }
  }

  private param(n: number): string {
    return this.dataSource.options.type === 'postgres' ? `$${n}` : '?';
  }
}

function storedKey(key: string): string {
  if (key.length <= MAX_KEY) return key;
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}
