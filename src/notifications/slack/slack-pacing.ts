import type { SlackTarget } from './slack-web.client';

/**
 * Slack allows about one `chat.postMessage` per second per channel (short
 * bursts pass, sustained ones get 429). A sender keeps at least this much time
 * between two messages with the same pacing key.
 */
export const SLACK_CHANNEL_MIN_INTERVAL_MS = 1000;

/**
 * The key to pace a target by. A DM is one channel per person, so pacing by
 * user is pacing by that DM channel, and it needs no API call to compute.
 */
export function slackPacingKey(target: SlackTarget): string {
  return target.kind === 'user' ? `user:${target.userId}` : `channel:${target.channelId}`;
}

/**
 * The earliest instant (epoch ms) a message with a given key may go, given
 * when the last one with that key went. Pure, for a database-backed outbox
 * that stores the last send per key.
 */
export function nextSlackSendAt(
  lastSentAtMs: number | undefined,
  nowMs: number,
  minIntervalMs = SLACK_CHANNEL_MIN_INTERVAL_MS,
): number {
  if (lastSentAtMs === undefined) return nowMs;
  return Math.max(nowMs, lastSentAtMs + minIntervalMs);
}

/**
 * In-memory pacing for a single sender process. `take` lets a message go when
 * its channel is free and books that instant, so concurrent senders in one
 * process space out; when the channel is busy it only answers when it will be
 * free, booking nothing. A sender told to wait comes back then and asks
 * again: were waiting to book a slot, every return would book the next one
 * and the message would wait for ever. Several processes need the database
 * variant (`nextSlackSendAt` over a stored last-send time).
 */
export class SlackChannelPacer {
  private readonly lastSlot = new Map<string, number>();

  constructor(private readonly minIntervalMs = SLACK_CHANNEL_MIN_INTERVAL_MS) {}

  /**
   * `nowMs` (booked) when a message for `key` may go now; else the instant
   * (epoch ms, later than `nowMs`) from which it may, booking nothing.
   */
  take(key: string, nowMs: number): number {
    const slot = nextSlackSendAt(this.lastSlot.get(key), nowMs, this.minIntervalMs);
    if (slot <= nowMs) this.lastSlot.set(key, nowMs);
    return slot;
  }

  /** Pushes the key's next slot back, e.g. after a 429 with Retry-After. */
  blockUntil(key: string, untilMs: number): void {
    const current = this.lastSlot.get(key);
    // Stored as "last slot", so the next one lands exactly at untilMs.
    const asLast = untilMs - this.minIntervalMs;
    if (current === undefined || current < asLast) this.lastSlot.set(key, asLast);
  }
}
