import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { WEEKDAYS, type Weekday } from '../../calendars/domain/calendar.types';
import { IsLocalTime, IsWeekday } from '../../core/validation/decorators';
import { IsAbsentOr } from '../../core/validation/optional';

export class UpdateDigestSettingsDto {
  @ApiPropertyOptional({
    enum: WEEKDAYS,
    nullable: true,
    description: 'The day the digest goes out, in the executive’s zone; null: the configured default',
  })
  @IsOptional()
  @IsWeekday()
  weekday?: Weekday | null;

  @ApiPropertyOptional({
    example: '08:00',
    nullable: true,
    description: 'Local HH:mm in the executive’s zone; null: the configured default',
  })
  @IsOptional()
  @IsLocalTime()
  time?: string | null;

  @ApiPropertyOptional({
    description: 'false stops the digest (as its one-click unsubscribe link does); true starts it again',
  })
  @IsAbsentOr()
  @IsBoolean({ message: 'must be true or false' })
  subscribed?: boolean;
}

export class NextDigestView {
  @ApiProperty({ example: '2027-W22' }) week!: string;
  @ApiProperty({ example: '2027-06-01T12:00:00Z', description: 'When it goes out, UTC' }) at!: string;
  @ApiProperty({
    example: '2027-06-01T08:00:00-04:00',
    description: 'The same instant in the executive’s zone',
  })
  local!: string;
  @ApiProperty({
    example: 'Memorial Day (US)',
    nullable: true,
    type: String,
    description: 'The holiday that moved it off the chosen day to the next working day',
  })
  movedFor!: string | null;
}

export class DigestSettingsView {
  @ApiProperty() executiveId!: string;
  @ApiProperty({ enum: WEEKDAYS }) weekday!: Weekday;
  @ApiProperty({ example: '08:00' }) time!: string;
  @ApiProperty({ example: 'America/New_York', description: 'The executive’s zone (set on the person)' })
  timeZone!: string;
  @ApiProperty({ description: 'False: the executive chose the configured default day and time' })
  chosen!: boolean;
  @ApiProperty() subscribed!: boolean;
  @ApiProperty({ nullable: true, type: String }) unsubscribedAt!: string | null;
  @ApiProperty({ type: NextDigestView, nullable: true, description: 'Null while unsubscribed' })
  nextDigest!: NextDigestView | null;
}
