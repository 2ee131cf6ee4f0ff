import { type Logger, LogLevel } from '@slack/web-api';

export interface LogEntry {
  level: LogLevel;
  message: string;
  details: unknown[];
}

/**
 * A Bolt/WebClient logger that keeps entries instead of printing them, so a
 * test can read what was logged (and the test output stays quiet).
 * Set `CADENCE_TEST_LOGS=1` to also print them.
 */
export class RecordingSlackLogger implements Logger {
  readonly entries: LogEntry[] = [];
  private level: LogLevel = LogLevel.DEBUG;
  private readonly echo = process.env['CADENCE_TEST_LOGS'] === '1';

  debug(...msg: unknown[]): void {
    this.add(LogLevel.DEBUG, msg);
  }
  info(...msg: unknown[]): void {
    this.add(LogLevel.INFO, msg);
  }
  warn(...msg: unknown[]): void {
    this.add(LogLevel.WARN, msg);
  }
  error(...msg: unknown[]): void {
    this.add(LogLevel.ERROR, msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(): void {}

  at(level: LogLevel): LogEntry[] {
    return this.entries.filter((e) => e.level === level);
  }

  private add(level: LogLevel, msg: unknown[]): void {
    const [first, ...details] = msg;
    const entry = { level, message: typeof first === 'string' ? first : String(first), details };
    this.entries.push(entry);
    if (this.echo) console.log(`[slack ${level}]`, entry.message, ...details);
  }
}
