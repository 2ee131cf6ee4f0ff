import { type INestApplicationContext, Logger } from '@nestjs/common';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Closes the app on SIGTERM or SIGINT (see GracefulShutdown for the order)
 * and exits 0, or exits 1 when closing fails or outlasts `timeoutSeconds`. A
 * second signal exits at once. Nest's own `enableShutdownHooks` is not used:
 * it re-raises the signal after closing (so the exit is never a clean 0) and
 * sets no time limit.
 */
export function closeOnSignals(app: INestApplicationContext, timeoutSeconds: number): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      logger.warn({ msg: `${signal} again: exiting without finishing`, signal });
      process.exit(1);
    }
    closing = true;
    const started = performance.now();
    logger.log({ msg: `${signal}: shutting down`, signal, timeoutSeconds });
    const deadline = setTimeout(() => {
      logger.error({ msg: `shutdown outlasted ${timeoutSeconds} s: exiting anyway`, signal });
      process.exit(1);
    }, timeoutSeconds * 1000);
    deadline.unref();
    app.close().then(
      () => {
        logger.log({ msg: 'stopped', ms: Math.round(performance.now() - started) });
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ msg: 'shutdown failed', err: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
