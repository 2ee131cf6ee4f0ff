import { Injectable } from '@nestjs/common';
import { Clock } from '../core/clock/clock';
import { AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';

export class RateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', 'Too many requests; try again later.', 429);
  }
}

/** Counters kept before old windows are swept; bounds memory under a flood of distinct addresses. */
const MAX_KEYS = 50_000;

interface Window {
  startMs: number;
  count: number;
}

/**
 * Fixed-window request counting for the vendor form, per link and per client
 * address. The counts live in this process's memory: with several instances
 * each counts on its own (the effective limit is the configured one times the
 * number of instances), and a restart forgets them. That is enough to blunt
 * guessing and flooding; tokens carry 256 bits, so guessing was never the door.
 * Time comes from the Clock, so the manual clock moves the windows too.
 */
@Injectable()
export class FormRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts one request from `address` for the link with hash `tokenHash`.
   * @throws RateLimited when either count is over its limit in the current window.
   */
  hit(address: string, tokenHash: string): void {
    const { windowSeconds, perToken, perAddress } = this.config.reports.formRateLimit;
    const nowMs = this.clock.now().toMillis();
    const windowMs = windowSeconds * 1000;
    if (this.windows.size >= MAX_KEYS) this.sweep(nowMs, windowMs);
    let retryAfterMs = 0;
    for (const [key, limit] of [
      [`address:${address}`, perAddress],
      [`token:${tokenHash}`, perToken],
    ] as const) {
      const window = this.count(key, nowMs, windowMs);
      if (window.count > limit) retryAfterMs = Math.max(retryAfterMs, window.startMs + windowMs - nowMs);
    }
    if (retryAfterMs > 0) throw new RateLimited(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  }

  private count(key: string, nowMs: number, windowMs: number): Window {
    const current = this.windows.get(key);
    if (current !== undefined && nowMs < current.startMs + windowMs) {
      current.count += 1;
      return current;
    }
    const fresh = { startMs: nowMs, count: 1 };
    this.windows.delete(key); // re-inserted last, so insertion order stays oldest-first
    this.windows.set(key, fresh);
    return fresh;
  }

  private sweep(nowMs: number, windowMs: number): void {
    for (const [key, window] of this.windows) {
      if (nowMs >= window.startMs + windowMs) this.windows.delete(key);
    }
    // Still full of live windows (a flood from many addresses): forget the oldest half.
    if (this.windows.size >= MAX_KEYS) {
      let drop = Math.floor(MAX_KEYS / 2);
      for (const key of this.windows.keys()) {
        if (drop-- <= 0) break;
        this.windows.delete(key);
      }
    }
  }
}
