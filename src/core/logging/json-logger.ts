import type { LoggerService } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino, { type Logger as Pino } from 'pino';
import type { LogLevel } from '../config/config.schema';

/**
 * Capability links carry their secret in the path (`/r/<token>` for the report
 * form, `/u/<token>` for one-click unsubscribe); logs must never hold them.
 */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/\/(r|u)\/[^/?#]+/g, '/$1/[redacted]');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  /** Fastify's client address: the socket's, or X-Forwarded-For's from a trusted proxy. */
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remoteAddress?: string };
}

/** One pino root for Fastify's request logs and Nest's own logger: JSON lines on stdout. */
export function createRootLogger(level: LogLevel): Pino {
  return pino({
    level,
    base: { service: 'cadence' },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        userAgent: req.headers?.['user-agent'],
        remoteAddress: req.ip ?? req.socket?.remoteAddress,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'token', '*.token'],
      censor: '[redacted]',
    },
  });
}

/**
 * One log line per request, written when it ends: the request (method, redacted URL, user
 * agent, address), its status and how long it took. Fastify's default adds a second line on
 * arrival, which doubles the cost of request logging and says nothing the last line does not.
 */
export class OneLinePerRequestLog extends LogController {
  override incomingRequest(): void {
    // The line is written on completion, with the request in it.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}

/** Nest's LoggerService over pino, so framework and feature logs share one format. */
export class JsonLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes the context name last; an Error's stack may come before it. */
  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    rest: unknown[],
  ): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields: Record<string, unknown> = { context };
    if (stack !== undefined) fields.stack = stack;
    if (message instanceof Error) this.root[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) {
      const { msg, ...rest2 } = message as Record<string, unknown>;
      this.root[level]({ ...fields, ...rest2 }, typeof msg === 'string' ? msg : undefined);
    } else this.root[level](fields, String(message));
  }
}
