import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DatabaseCheckView {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Round trip of SELECT 1, when up' })
  latencyMs?: number;

  @ApiPropertyOptional({ description: 'Why not, when down' })
  error?: string;
}

export class HealthChecksView {
  @ApiProperty({ type: DatabaseCheckView })
  database!: DatabaseCheckView;
}

export class ServiceHealthView {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ type: HealthChecksView })
  checks!: HealthChecksView;

  @ApiProperty({ example: '2027-03-09T14:00:00.000Z' })
  time!: string;
}

export class LivenessView {
  @ApiProperty({ enum: ['ok', 'draining'], description: '`draining` once a SIGTERM/SIGINT was received' })
  status!: 'ok' | 'draining';

  @ApiProperty({ example: '2027-03-09T14:00:00.000Z' })
  time!: string;
}

export class ReadinessChecksView {
  @ApiProperty({ type: DatabaseCheckView })
  database!: DatabaseCheckView;

  @ApiProperty({ description: 'True while shutting down: finishing in-flight work, taking none' })
  draining!: boolean;
}

export class ReadinessView {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ type: ReadinessChecksView })
  checks!: ReadinessChecksView;

  @ApiProperty({ example: '2027-03-09T14:00:00.000Z' })
  time!: string;
}
