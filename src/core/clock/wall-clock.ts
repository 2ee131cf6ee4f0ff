/**
 * Real wall-clock time in epoch milliseconds, for the few things that follow
 * the outside world's time even when Cadence runs on a simulated clock weeks
 * ahead: Slack signs each request with its real send time and retries within
 * real minutes, so the signature window and the retry (dedupe) window must
 * use real time. Domain code reads time from the injected `Clock`, never here.
 */
export function wallClockMs(): number {
  return Date.now();
}
