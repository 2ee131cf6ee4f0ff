import type { OutboxMessage } from './outbox-message.entity';

export type DeliveryResult =
  | { ok: true; providerMessageId: string | null; note?: string }
  | { ok: false; kind: 'transient' | 'permanent'; reason: string; retryAfterSeconds?: number }
  /** Not tried: the channel asked to wait (Slack's one message per second per channel). Not an attempt. */
  | { ok: false; kind: 'deferred'; until: Date };

/** Sends one claimed message through one channel. Never throws for a delivery failure: it classifies it. */
export interface ChannelSender {
  send(message: OutboxMessage): Promise<DeliveryResult>;
}

/**
 * When a message that must respect working hours may go to its recipient:
 * `now` when they are working, else the start of their next working window.
 */
export interface RecipientAvailability {
  nextDeliverableAt(personId: string, now: Date): Promise<Date>;
}

/** Told when a message is dead, so a person hears about it (the account manager of its engagement). */
export interface DeadLetterNotifier {
  messageDied(message: OutboxMessage, reason: string): Promise<void>;
}

/**
 * Exponential backoff with jitter: about 1, 2, 4 … minutes, capped at an hour,
 * each scaled by a random factor in [0.5, 1) so that a burst of failures does
 * not retry in lockstep. With the default ten attempts a message rides out an
 * outage of two hours or more. A server's Retry-After is a floor.
 */
export function retryDelaySeconds(attempt: number, random: () => number, retryAfterSeconds?: number): number {
  const base = Math.min(3600, 60 * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.ceil(base * (0.5 + random() / 2));
  return Math.max(jittered, retryAfterSeconds ?? 0);
}
