import type { DateTime } from 'luxon';
import type { LocalTime, Weekday } from '../../calendars/domain/calendar.types';
import type { ClockMode, LogLevel } from './config.schema';

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * The one typed configuration object, resolved and validated once at start-up
 * by `loadConfig`. Inject it by class; nothing else reads `process.env`.
 */
export class AppConfig {
  readonly server!: {
    host: string;
    port: number;
    publicUrl: string;
    bodyLimitBytes: number;
    /** SIGTERM/SIGINT: how long draining may take before the process exits anyway (code 1). */
    shutdownTimeoutSeconds: number;
    /**
     * Whose X-Forwarded-For to believe: proxy addresses, CIDRs or proxy-addr's named ranges;
     * false believes none (the socket's address is the client's).
     */
    trustProxy: string[] | false;
  };
  /** Absolute path of the data folder (SQLite file, API token, .eml outbox). */
  readonly dataDir!: string;
  /** Absolute path of the configuration folder (YAML, holidays, playbooks). */
  readonly configDir!: string;
  readonly database!: DatabaseTarget;
  readonly clock!: { mode: ClockMode; start: DateTime | null };
  readonly auth!: { apiToken: string | null };
  readonly mail!: { smtpUrl: string | null; from: string; outboxDir: string };
  readonly slack!: { botToken: string; signingSecret: string; apiUrl: string | null } | null;
  readonly scheduler!: { pollSeconds: number };
  readonly planner!: { horizonWeeks: number; batchSize: number };
  readonly reports!: {
    requestLeadWorkingDays: number;
    tokenTtlDays: number;
    lateGraceMinutes: number;
    /** Per instance (in memory): requests per window to the vendor form, per link and per client address. */
    formRateLimit: { windowSeconds: number; perToken: number; perAddress: number };
  };
  readonly followUps!: { meetingGraceMinutes: number };
  /** When an executive's weekly digest goes out unless they chose otherwise: a weekday and a time in their zone. */
  readonly digests!: { weekday: Weekday; time: LocalTime };
  readonly outbox!: { maxAttempts: number; batchSize: number; concurrency: number; leaseSeconds: number };
  readonly log!: { level: LogLevel };

  constructor(values: AppConfig) {
    Object.assign(this, values);
    Object.freeze(this);
  }
}
