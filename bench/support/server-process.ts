import { fork } from 'node:child_process';

/** An IPC message between a benchmark and a child it started: `type` says what it is. */
export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

/** A process the benchmark started and talks to over IPC. */
export interface ServerProcess {
  /** What the child announced itself with (`url` for servers). */
  url: string;
  pid: number;
  /** Sends `{ type, ...fields }` and waits for the child's answer of the same type. */
  ask(type: string, fields?: Record<string, unknown>): Promise<ChildMessage>;
  /** The child's peak resident set size so far (its own `maxRSS`), in MB. */
  peakRssMb(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Forks `module` and waits for its `{ type: 'ready', url }`. The child's stdout goes to
 * /dev/null (Cadence writes its JSON log there, as it would to a collector's pipe: the work
 * of logging stays in the measurement, reading it does not); stderr is shown.
 */
export function startServer(
  module: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<ServerProcess> {
  const child = fork(module, [...args], { env: { ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const next = (type: string): Promise<ChildMessage> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: ChildMessage): void => {
        if (message.type !== type && message.type !== 'error') return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (message.type === 'error') reject(new Error(`${module}: ${String(message.message)}`));
        else resolve(message);
      };
      const onExit = (code: number | null): void => {
        child.off('message', onMessage);
        reject(new Error(`${module} exited with ${code} before answering ${type}`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ask = (type: string, fields: Record<string, unknown> = {}): Promise<ChildMessage> => {
    const answer = next(type);
    child.send({ ...fields, type });
    return answer;
  };
  return next('ready').then((ready) => ({
    url: typeof ready.url === 'string' ? ready.url : '',
    pid: child.pid ?? 0,
    ask,
    peakRssMb: async () => Number((await ask('rss')).maxRssMb),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' });
      }),
  }));
}
