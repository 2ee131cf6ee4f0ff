import { Agent, request as httpRequest } from 'node:http';

export interface PacedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  /** Requests per second answered with a 2xx. */
  rps: number;
  /** Latency percentiles in ms, measured from when each request was due to be sent. */
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * An open-loop load at a steady rate: request k is due at start + k / rate and is sent then,
 * over a keep-alive pool of `connections` sockets, whether or not earlier ones were answered.
 * Its latency counts from when it was due, so a server that falls behind is charged for the
 * wait (no coordinated omission).
 *
 * autocannon's `overallRate` cannot stand in for this: it lets each connection send its whole
 * quota for a second as fast as it can at the top of the second, so every second starts with a
 * burst of the full rate and the latencies measure that burst.
 */
export async function pacedLoad(options: {
  url: string;
  connections: number;
  rate: number;
  seconds: number;
  request: (i: number) => PacedRequest;
}): Promise<PacedResult> {
  const { url, connections, rate, seconds } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.max(1, Math.round(rate * seconds));
  const latencies = new Float64Array(total);
  let answered2xx = 0;
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  let settled = 0;
  const start = performance.now();

  await new Promise<void>((resolve) => {
    const send = (k: number, dueAt: number): void => {
      const spec = options.request(k);
      const finish = (ok: boolean | null): void => {
        latencies[k] = performance.now() - dueAt;
        if (ok === null) errors += 1;
        else if (ok) answered2xx += 1;
        else non2xx += 1;
        settled += 1;
        if (settled === total) resolve();
      };
      const req = httpRequest(
        `${url}${spec.path}`,
        { method: spec.method, headers: spec.headers, agent },
        (res) => {
          res.resume();
          res.once('end', () => finish(res.statusCode !== undefined && res.statusCode < 300));
          res.once('error', () => finish(null));
        },
      );
      req.once('error', () => finish(null));
      req.end(spec.body);
    };
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        send(sent, start + (sent * 1000) / rate);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { rps: answered2xx / elapsed, p50: at(0.5), p99: at(0.99), non2xx, errors };
}
