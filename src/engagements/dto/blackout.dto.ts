import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn } from 'class-validator';
import type { Side } from '../../calendars/domain/calendar.types';
import { IsLocalDate } from '../../core/validation/decorators';
import { RequiredText } from '../../core/validation/field.decorators';

const SIDES = ['vendor', 'client'] as const;

export class CreateBlackoutDto {
  @ApiProperty({ example: '2027-12-24', description: 'A local date of that side' })
  @IsDefined({ message: 'is required' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ enum: SIDES })
  @IsDefined({ message: 'is required' })
  @IsIn(SIDES, { message: 'must be vendor or client' })
  side!: Side;

  @ApiProperty({ example: 'Year-end shutdown' })
  @RequiredText()
  name!: string;
}

export class BlackoutView {
  @ApiProperty() id!: string;
  @ApiProperty() engagementId!: string;
  @ApiProperty() date!: string;
  @ApiProperty({ enum: SIDES }) side!: Side;
  @ApiProperty() name!: string;
}
