import { Logger as NestLogger } from '@nestjs/common';
import { type Logger, LogLevel } from '@slack/web-api';

const RANK: Readonly<Record<LogLevel, number>> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * Bolt's and the Web API client's logger, written through Nest's logger so
 * Slack lines are JSON lines like every other. Debug is off by default: Bolt
 * logs every request body at debug, and those hold what people typed.
 */
export class SlackNestLogger implements Logger {
  private readonly nest: NestLogger;
  private level: LogLevel = LogLevel.INFO;

  constructor(context = 'Slack') {
    this.nest = new NestLogger(context);
  }

  debug(...msg: unknown[]): void {
    if (this.enabled(LogLevel.DEBUG)) this.nest.debug(entry(msg));
  }

  info(...msg: unknown[]): void {
    if (this.enabled(LogLevel.INFO)) this.nest.log(entry(msg));
  }

  warn(...msg: unknown[]): void {
    if (this.enabled(LogLevel.WARN)) this.nest.warn(entry(msg));
  }

  error(...msg: unknown[]): void {
    if (this.enabled(LogLevel.ERROR)) this.nest.error(entry(msg));
  }

  setLevel(level: LogLevel): void {
    this.level = level;
  }

  getLevel(): LogLevel {
    return this.level;
  }

  /** Nest's context already names the source. */
  setName(): void {}

  private enabled(level: LogLevel): boolean {
    return RANK[level] >= RANK[this.level];
  }
}

/** `{ msg, err }` from Bolt's variadic arguments: the text first, an error (if any) after it. */
function entry(parts: readonly unknown[]): { msg: string; err?: string } {
  const texts: string[] = [];
  let err: string | undefined;
  for (const part of parts) {
    if (part instanceof Error) err ??= `${part.name}: ${part.message}`;
    else texts.push(typeof part === 'string' ? part : safeJson(part));
  }
  return err === undefined ? { msg: texts.join(' ') } : { msg: texts.join(' '), err };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
