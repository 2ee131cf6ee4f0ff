import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '../../core/validation/decorators';
import { IsHolidayCountry } from '../country.validators';

export class HolidaysQuery {
  @ApiProperty({ example: 'SA' })
  @IsDefined({ message: 'is required' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsHolidayCountry()
  country!: string;

  @ApiPropertyOptional({ example: 'NSW' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  region?: string;

  @ApiProperty({ example: '2027-01-01' })
  @IsDefined({ message: 'is required' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2027-12-31' })
  @IsDefined({ message: 'is required' })
  @IsLocalDate()
  to!: string;
}

export class AdjustHolidayDto {
  @ApiPropertyOptional({ description: 'Confirm the computed (or moved) date as announced', example: true })
  @IsOptional()
  @Equals(true, { message: 'must be true when given' })
  confirmed?: true;

  @ApiPropertyOptional({ description: 'Move the first day by one day at most', example: '2027-03-10' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class HolidayView {
  @ApiProperty({ example: 'SA-2027-03-09-eid-al-fitr' }) id!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ example: 'Eid al-Fitr' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) localName!: string | null;
  @ApiProperty({ example: 'Eid al-Fitr (SA, tentative)' }) label!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ example: '2027-03-09' }) start!: string;
  @ApiProperty({ example: '2027-03-12' }) end!: string;
  @ApiProperty({ description: 'First day as computed, before any move' }) computedStart!: string;
  @ApiProperty({ description: 'Computed, not announced, and not yet confirmed' }) tentative!: boolean;
  @ApiProperty() confirmed!: boolean;
  @ApiProperty({ nullable: true, type: String }) movedFrom!: string | null;
  @ApiProperty() source!: string;
}
