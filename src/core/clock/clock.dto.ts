import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsInstant } from '../validation/decorators';

export class MoveClockDto {
  @ApiProperty({ example: '2027-03-12T00:00:00Z', description: 'The instant to move to (never back).' })
  @IsDefined({ message: 'is required' })
  @IsInstant()
  now!: string;
}

export class ClockSummaryDto {
  @ApiProperty({ example: '2027-03-05T00:00:00.000Z' })
  from!: string;

  @ApiProperty({ example: '2027-03-12T00:00:00.000Z' })
  to!: string;

  @ApiProperty({ description: 'Distinct instants at which due work ran.' })
  steps!: number;

  @ApiProperty({ description: 'Items handled per job.', example: { 'outbox.deliver': 4 } })
  ran!: Record<string, number>;

  @ApiProperty({ description: 'Jobs that failed, with the reason.', example: {} })
  failed!: Record<string, string>;
}

export class ClockNowDto {
  @ApiProperty({ example: '2027-03-12T00:00:00.000Z' })
  now!: string;

  @ApiProperty({ enum: ['system', 'manual'] })
  mode!: 'system' | 'manual';
}
