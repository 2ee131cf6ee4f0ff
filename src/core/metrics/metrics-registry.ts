import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * Cadence's own Prometheus registry, never prom-client's global one: every app
 * built by `createApp` (and tests start several in one process) counts on its
 * own, and nothing a library registers globally leaks into `/metrics`.
 * Process metrics (RSS, heap, CPU, event-loop lag, GC) come with it.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
