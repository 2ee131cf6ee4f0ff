import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ForecastQuery {
  @ApiPropertyOptional({ default: 8, minimum: 1, maximum: 26 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of weeks from 1 to 26' })
  @Min(1, { message: 'must be a whole number of weeks from 1 to 26' })
  @Max(26, { message: 'must be a whole number of weeks from 1 to 26' })
  weeks: number = 8;
}

export const FORECAST_KINDS = ['holiday', 'blackout', 'time_off', 'dst', 'overlap'] as const;
export type ForecastKind = (typeof FORECAST_KINDS)[number];

export class AffectedTouchpointView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Weekly sync' }) title!: string;
  @ApiProperty({ enum: ['shifted', 'skipped'] }) effect!: 'shifted' | 'skipped';
  @ApiProperty({ description: 'Where the cadence rule put it' }) originalAt!: string;
  @ApiProperty({ description: 'Where it is now (for a skip, where it would have been)' })
  scheduledAt!: string;
}

export class ForecastItemView {
  @ApiProperty({ enum: FORECAST_KINDS }) kind!: ForecastKind;
  @ApiProperty({ example: '2027-03-25' }) date!: string;
  @ApiPropertyOptional({ example: '2027-03-26' }) endDate?: string;
  @ApiProperty({ example: 'Maundy Thursday (PH)' }) label!: string;
  @ApiProperty({ example: 'Maundy Thursday (PH) moves Weekly sync from Thu 25 Mar to Wed 24 Mar' })
  message!: string;
  @ApiPropertyOptional({
    description: 'Holidays: computed, not announced; confirm or move it through PATCH /api/v1/holidays/:id',
  })
  tentative?: boolean;
  @ApiPropertyOptional() holidayId?: string;
  @ApiPropertyOptional({ description: 'Whose calendar it is (holidays: the people of that country)' })
  personIds?: string[];
  @ApiProperty({ type: AffectedTouchpointView, isArray: true }) touchpoints!: AffectedTouchpointView[];
}

export class ForecastView {
  @ApiProperty() engagementId!: string;
  @ApiProperty({ example: '2027-03-01' }) from!: string;
  @ApiProperty({ example: '2027-04-25' }) to!: string;
  @ApiProperty({ type: ForecastItemView, isArray: true }) items!: ForecastItemView[];
}
