import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { WEEKDAYS, type Weekday } from '../../calendars/domain/calendar.types';

/**
 * The shape of `config/*.yaml` after environment overrides, before defaults are
 * resolved. Every class is validated with `forbidNonWhitelisted`, so a typo in a
 * key stops start-up just like a bad value does.
 */
export class ServerSettings {
  @IsString()
  @MinLength(1)
  host!: string;

  @IsInt({ message: 'must be an integer from 1 to 65535' })
  @Min(0, { message: 'must be an integer from 1 to 65535' })
  @Max(65535, { message: 'must be an integer from 1 to 65535' })
  port!: number;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, {
    message: 'must be an http(s) URL such as https://cadence.example.com',
  })
  publicUrl!: string | null;

  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  bodyLimitBytes!: number;

  @IsInt()
  @Min(1)
  @Max(600)
  shutdownTimeoutSeconds!: number;

  /** Checked and parsed by the loader (`trustedProxies`). */
  @IsOptional()
  @IsString()
  trustProxy!: string | null;
}

export class DatabaseSettings {
  @IsOptional()
  @IsString()
  @MinLength(1)
  url!: string | null;
}

export const CLOCK_MODES = ['system', 'manual'] as const;
export type ClockMode = (typeof CLOCK_MODES)[number];

export class ClockSettings {
  @IsIn(CLOCK_MODES, { message: 'must be "system" or "manual"' })
  mode!: ClockMode;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO-8601 instant such as 2027-03-01T00:00:00Z' })
  start!: string | null;
}

export class AuthSettings {
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  @MaxLength(512)
  apiToken!: string | null;
}

export class MailSettings {
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, {
    message: 'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587',
  })
  smtpUrl!: string | null;

  @IsString()
  @Matches(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'must be an address such as cadence@example.com or "Cadence <cadence@example.com>"',
  })
  from!: string;
}

export class SlackSettings {
  @IsOptional()
  @Matches(/^xox[bp]-\S+$/, { message: 'must be a Slack bot token (xoxb-…)' })
  botToken!: string | null;

  @IsOptional()
  @IsString()
  @MinLength(8)
  signingSecret!: string | null;

  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  apiUrl!: string | null;
}

export class SchedulerSettings {
  @IsInt()
  @Min(1)
  @Max(3600)
  pollSeconds!: number;
}

export class PlannerSettings {
  @IsInt()
  @Min(1)
  @Max(52)
  horizonWeeks!: number;

  @IsInt()
  @Min(1)
  @Max(5000)
  batchSize!: number;
}

/** Requests to the vendor form (`/r/:token`), counted in memory per instance and per fixed window. */
export class FormRateLimitSettings {
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  windowSeconds!: number;

  @IsInt()
  @Min(1)
  @Max(100_000)
  perToken!: number;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  perAddress!: number;
}

export class ReportSettings {
  @IsInt()
  @Min(0)
  @Max(10)
  requestLeadWorkingDays!: number;

  @IsInt()
  @Min(1)
  @Max(90)
  tokenTtlDays!: number;

  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  lateGraceMinutes!: number;

  @ValidateNested()
  @Type(() => FormRateLimitSettings)
  formRateLimit!: FormRateLimitSettings;
}

export class FollowUpSettings {
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  meetingGraceMinutes!: number;
}

export class DigestSettings {
  @IsIn(WEEKDAYS, { message: `must be one of ${WEEKDAYS.join(', ')}` })
  weekday!: Weekday;

  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:mm from 00:00 to 23:59' })
  time!: string;
}

export class OutboxConfigSettings {
  @IsInt()
  @Min(1)
  @Max(50)
  maxAttempts!: number;

  @IsInt()
  @Min(1)
  @Max(1000)
  batchSize!: number;

  @IsInt()
  @Min(1)
  @Max(64)
  concurrency!: number;

  // Short leases are for tests that kill a worker; a lease must outlast the slowest send
  // (the worker stops starting sends from a batch after half of it).
  @IsInt()
  @Min(5)
  @Max(3600)
  leaseSeconds!: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class LogSettings {
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  level!: LogLevel;
}

export class RawConfig {
  @ValidateNested()
  @Type(() => ServerSettings)
  server!: ServerSettings;

  @IsString()
  @MinLength(1)
  dataDir!: string;

  @ValidateNested()
  @Type(() => DatabaseSettings)
  database!: DatabaseSettings;

  @ValidateNested()
  @Type(() => ClockSettings)
  clock!: ClockSettings;

  @ValidateNested()
  @Type(() => AuthSettings)
  auth!: AuthSettings;

  @ValidateNested()
  @Type(() => MailSettings)
  mail!: MailSettings;

  @ValidateNested()
  @Type(() => SlackSettings)
  slack!: SlackSettings;

  @ValidateNested()
  @Type(() => SchedulerSettings)
  scheduler!: SchedulerSettings;

  @ValidateNested()
  @Type(() => PlannerSettings)
  planner!: PlannerSettings;

  @ValidateNested()
  @Type(() => ReportSettings)
  reports!: ReportSettings;

  @ValidateNested()
  @Type(() => FollowUpSettings)
  followUps!: FollowUpSettings;

  @ValidateNested()
  @Type(() => DigestSettings)
  digests!: DigestSettings;

  @ValidateNested()
  @Type(() => OutboxConfigSettings)
  outbox!: OutboxConfigSettings;

  @ValidateNested()
  @Type(() => LogSettings)
  log!: LogSettings;
}
