import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { WEEKDAYS, type Weekday } from '../../calendars/domain/calendar.types';
import { IsHolidayCountry } from '../../calendars/country.validators';
import { OptionalText, RequiredText } from '../../core/validation/field.decorators';
import { IsAbsentOr } from '../../core/validation/optional';
import { IsIanaZone, IsLocale, IsLocalTime, IsWeekdayList } from '../../core/validation/decorators';
import { ROLES, type Role } from '../person.entity';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class WorkingHoursDto {
  @ApiProperty({ example: '09:00', description: 'Local start, HH:mm' })
  @IsDefined({ message: 'is required' })
  @IsLocalTime()
  start!: string;

  @ApiProperty({
    example: '18:00',
    description:
      'Local end, HH:mm. An end at or before the start is a night shift crossing midnight (21:00–06:00).',
  })
  @IsDefined({ message: 'is required' })
  @IsLocalTime()
  end!: string;
}

export class CreatePersonDto {
  @ApiProperty({ example: 'Maria Santos' })
  @RequiredText()
  name!: string;

  @ApiProperty({ example: 'maria@manilacx.example' })
  @IsDefined({ message: 'is required' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address such as maria@manilacx.example' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsDefined({ message: 'is required' })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ example: 'Asia/Manila', description: 'IANA time zone' })
  @IsDefined({ message: 'is required' })
  @IsIanaZone()
  timeZone!: string;

  @ApiProperty({ example: 'PH', description: 'ISO 3166-1 alpha-2; its public holidays apply' })
  @IsDefined({ message: 'is required' })
  @Transform(upper)
  @IsHolidayCountry()
  country!: string;

  @ApiPropertyOptional({
    example: 'NSW',
    nullable: true,
    description: 'Subdivision whose holidays also apply: the code (NSW) or ISO 3166-2 (AU-NSW)',
  })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @MaxLength(16)
  region?: string | null;

  @ApiPropertyOptional({ enum: WEEKDAYS, isArray: true, description: 'Default: the country’s work week' })
  @IsOptional()
  @IsWeekdayList()
  workWeek?: Weekday[];

  @ApiPropertyOptional({ type: WorkingHoursDto, description: 'Default: the country’s usual hours' })
  @IsOptional()
  @IsObject({ message: 'must be an object {start, end}' })
  @ValidateNested()
  @Type(() => WorkingHoursDto)
  workingHours?: WorkingHoursDto;

  @ApiPropertyOptional({ example: 'en-PH', description: 'Default: en-<country>' })
  @IsOptional()
  @IsLocale()
  locale?: string;

  @ApiPropertyOptional({ example: 'U024BE7LH', nullable: true })
  @IsOptional()
  @Matches(/^[UW][A-Z0-9]{2,30}$/, { message: 'must be a Slack user id such as U024BE7LH' })
  slackUserId?: string | null;
}

/** PATCH: any subset of the fields; `null` only where the field may be empty. */
export class UpdatePersonDto {
  @ApiPropertyOptional({ example: 'Maria Santos' })
  @OptionalText()
  name?: string;

  @ApiPropertyOptional({ example: 'maria@manilacx.example' })
  @IsAbsentOr()
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address such as maria@manilacx.example' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsAbsentOr()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ example: 'Asia/Manila' })
  @IsAbsentOr()
  @IsIanaZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: 'PH' })
  @IsAbsentOr()
  @Transform(upper)
  @IsHolidayCountry()
  country?: string;

  @ApiPropertyOptional({ example: 'NSW', nullable: true })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @MaxLength(16)
  region?: string | null;

  @ApiPropertyOptional({ enum: WEEKDAYS, isArray: true })
  @IsAbsentOr()
  @IsWeekdayList()
  workWeek?: Weekday[];

  @ApiPropertyOptional({ type: WorkingHoursDto })
  @IsAbsentOr()
  @IsObject({ message: 'must be an object {start, end}' })
  @ValidateNested()
  @Type(() => WorkingHoursDto)
  workingHours?: WorkingHoursDto;

  @ApiPropertyOptional({ example: 'en-PH' })
  @IsAbsentOr()
  @IsLocale()
  locale?: string;

  @ApiPropertyOptional({ example: 'U024BE7LH', nullable: true })
  @IsOptional()
  @Matches(/^[UW][A-Z0-9]{2,30}$/, { message: 'must be a Slack user id such as U024BE7LH' })
  slackUserId?: string | null;
}

export class PersonView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() timeZone!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ enum: WEEKDAYS, isArray: true }) workWeek!: Weekday[];
  @ApiProperty({ type: WorkingHoursDto }) workingHours!: { start: string; end: string };
  @ApiProperty() locale!: string;
  @ApiProperty({ nullable: true, type: String }) slackUserId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class PersonPage {
  @ApiProperty({ type: PersonView, isArray: true }) items!: PersonView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
