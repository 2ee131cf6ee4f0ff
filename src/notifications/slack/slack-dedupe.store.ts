/**
 * Remembers which Slack deliveries were already taken on, so that Slack's
 * retries (`X-Slack-Retry-Num`) and duplicate deliveries are acknowledged but
 * never acted on twice.
 *
 * The key is claimed *before* the work starts: a retry usually arrives while
 * the first attempt is still running (Slack retries when our answer was slow
 * or lost), and it must see the key as taken.
 */
export interface SlackDedupeStore {
  /**
   * Records `key` as seen. Resolves true for the first claim (act on it), false
   * when it was claimed before (acknowledge and do nothing). Must be atomic
   * across processes: a database implementation inserts the key under a unique
   * constraint (`ON CONFLICT DO NOTHING`) and reports whether a row was added.
   */
  claim(key: string): Promise<boolean>;
}

/**
 * The key that identifies one Slack delivery, or undefined for requests that
 * are safe to repeat (slash commands only read; url_verification has no effect).
 *
 * Events carry a stable `event_id` across retries. Interactivity payloads carry
 * a `trigger_id` unique to one click; a second click is a new trigger, and the
 * domain's own idempotency (marking a held meeting held again) covers it.
 */
export function slackDedupeKey(body: Readonly<Record<string, unknown>>): string | undefined {
  // An empty id names nothing: keying on it would make unrelated deliveries look like retries.
  const id = (field: string): string | undefined => {
    const value = body[field];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const eventId = body['type'] === 'event_callback' ? id('event_id') : undefined;
  if (eventId !== undefined) return `event:${eventId}`;
  const triggerId = body['type'] === 'block_actions' ? id('trigger_id') : undefined;
  if (triggerId !== undefined) return `block_actions:${triggerId}`;
  return undefined;
}

/**
 * One process's memory: enough for a single instance (SQLite mode) and for
 * tests. Keys are forgotten after `ttlMs`, well past Slack's last retry
 * (about five minutes after the first attempt).
 */
export class InMemorySlackDedupeStore implements SlackDedupeStore {
  private readonly seen = new Map<string, number>();

  /**
   * @param nowMs wall-clock milliseconds; Slack's retry window is real time,
   *   not the simulated domain clock.
   */
  constructor(
    private readonly nowMs: () => number,
    private readonly ttlMs = 60 * 60 * 1000,
  ) {}

  async claim(key: string): Promise<boolean> {
    const now = this.nowMs();
    this.forgetExpired(now);
    if (this.seen.has(key)) return false;
    this.seen.set(key, now + this.ttlMs);
    return true;
  }

  private forgetExpired(now: number): void {
    // A Map iterates in insertion order, and every key gets the same TTL, so
    // the expired ones are at the front.
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt > now) break;
      this.seen.delete(key);
    }
  }
}
