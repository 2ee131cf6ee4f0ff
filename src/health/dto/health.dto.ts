import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { HEALTH_BANDS, type HealthBand } from '../domain/health-band';
import { FLAG_CODES, type FlagCode, type FlagSeverity } from '../domain/health-flags';
import { HIGHLIGHT_CODES, type HighlightCode } from '../domain/recognition';
import { SIGNAL_KEYS, type SignalKey } from '../domain/signal-result';

const SEVERITIES: readonly FlagSeverity[] = ['info', 'warning', 'critical'];

export class HealthSignalView {
  @ApiProperty({ enum: SIGNAL_KEYS, example: 'report_timeliness' })
  key!: SignalKey;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100,
    example: 55,
    description:
      '0–100, higher is healthier. Null when the last eight weeks hold no evidence for this signal ' +
      '(no report due yet, no KPI defined): it is then left out of the score rather than counted as ' +
      'perfect, and its weight is 0.',
  })
  score!: number | null;

  @ApiProperty({
    example: 0.2,
    description:
      'The weight the signal actually carried: the configured weight (config/health.yaml) scaled up ' +
      'over the signals with evidence, so the weights shown add up to 1.',
  })
  weight!: number;

  @ApiProperty({ example: '2 of the last 4 reports were late (avg 31 h)' })
  explanation!: string;
}

export class HealthFlagView {
  @ApiProperty({ enum: FLAG_CODES, example: 'REPORTS_SLIPPING' })
  code!: FlagCode;

  @ApiProperty({ enum: SEVERITIES, example: 'warning' })
  severity!: FlagSeverity;

  @ApiProperty({
    example: '2027-03-05',
    description:
      "Local date (the account manager's zone) on which the condition began; it stays put while it lasts.",
  })
  since!: string;

  @ApiProperty({ example: '3 of the last 4 reports late or missing: 2 late by 26 h on average and 1 missed' })
  message!: string;
}

export class HealthHighlightView {
  @ApiProperty({ enum: HIGHLIGHT_CODES, example: 'KPI_ABOVE_TARGET' })
  code!: HighlightCode;

  @ApiProperty({ example: 'Close rate 14.2% vs target 12% for 3 weeks' })
  message!: string;
}

/** The body of `GET /api/v1/engagements/:id/health`. */
export class HealthView {
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 72,
    description: 'Weighted score of the signals, 0–100.',
  })
  score!: number;

  @ApiProperty({ enum: HEALTH_BANDS, example: 'watch' })
  band!: HealthBand;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: -9,
    description:
      'Score now minus the weekly snapshot four weeks back (or the oldest one when there are fewer); ' +
      'weeks paused for a holiday are skipped. Null until the engagement has its first weekly snapshot.',
  })
  trend!: number | null;

  @ApiProperty({ type: HealthSignalView, isArray: true, description: 'Every signal, in a fixed order.' })
  signals!: HealthSignalView[];

  @ApiProperty({ type: HealthFlagView, isArray: true, description: 'Early warnings, critical first.' })
  flags!: HealthFlagView[];

  @ApiProperty({
    type: HealthHighlightView,
    isArray: true,
    description: 'Good performance worth calling out.',
  })
  highlights!: HealthHighlightView[];
}

export class HealthHistoryQuery {
  @ApiPropertyOptional({ default: 26, minimum: 1, maximum: 260, description: 'How many weeks back.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of weeks from 1 to 260' })
  @Min(1, { message: 'must be a whole number of weeks from 1 to 260' })
  @Max(260, { message: 'must be a whole number of weeks from 1 to 260' })
  weeks: number = 26;
}

/** One week of `GET /api/v1/engagements/:id/health/history`. */
export class HealthWeekView {
  @ApiProperty({ example: '2027-W10', description: "ISO week in the account manager's zone." })
  week!: string;

  @ApiProperty({ example: '2027-03-08', description: 'Its Monday (local date).' })
  weekStart!: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 72, description: 'The score as the week ended.' })
  score!: number;

  @ApiProperty({ enum: HEALTH_BANDS, example: 'watch' })
  band!: HealthBand;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: -9,
    description: 'Score minus the snapshot four weeks before; null for the first week.',
  })
  trend!: number | null;

  @ApiProperty({ enum: FLAG_CODES, isArray: true, example: ['REPORTS_SLIPPING'] })
  flags!: FlagCode[];

  @ApiProperty({
    example: false,
    description:
      'Every touchpoint of the week was skipped for a holiday, time off or a shutdown: the score stood ' +
      'still and the trend does not count the week.',
  })
  paused!: boolean;
}
