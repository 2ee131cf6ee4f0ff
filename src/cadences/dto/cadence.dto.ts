import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  ValidateNested,
} from 'class-validator';
import { WEEKDAYS, type Weekday } from '../../calendars/domain/calendar.types';
import { OptionalText, RequiredText } from '../../core/validation/field.decorators';
import { IsAbsentOr } from '../../core/validation/optional';
import { IsLocalDate, IsLocalTime, IsWeekday } from '../../core/validation/decorators';
import { CADENCE_KINDS, type CadenceKind } from '../cadence.entity';

const FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
const POLICIES = ['shift', 'skip'] as const;

export class DueSlotDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'fri' })
  @IsDefined({ message: 'is required' })
  @IsWeekday()
  weekday!: Weekday;

  @ApiProperty({ example: '17:00', description: 'In the (first) vendor contact’s zone' })
  @IsDefined({ message: 'is required' })
  @IsLocalTime()
  time!: string;
}

export class CreateCadenceDto {
  @ApiProperty({ enum: CADENCE_KINDS })
  @IsDefined({ message: 'is required' })
  @IsIn(CADENCE_KINDS, { message: `must be one of ${CADENCE_KINDS.join(', ')}` })
  kind!: CadenceKind;

  @ApiProperty({ example: 'Weekly sync' })
  @RequiredText()
  title!: string;

  @ApiProperty({ enum: FREQUENCIES })
  @IsDefined({ message: 'is required' })
  @IsIn(FREQUENCIES, { message: `must be one of ${FREQUENCIES.join(', ')}` })
  frequency!: (typeof FREQUENCIES)[number];

  @ApiPropertyOptional({ enum: POLICIES, default: 'shift' })
  @IsOptional()
  @IsIn(POLICIES, { message: 'must be shift or skip' })
  holidayPolicy?: (typeof POLICIES)[number];

  @ApiPropertyOptional({ example: '2027-03-01', description: 'First local date; default today' })
  @IsOptional()
  @IsLocalDate()
  startsOn?: string;

  @ApiPropertyOptional({ example: 45, description: 'Meetings: minutes' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of minutes' })
  @Max(24 * 60, { message: 'must be at most 1440 minutes' })
  durationMinutes?: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'Meetings: default the account manager and the vendor contacts',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of person ids' })
  @ArrayMinSize(2, { message: 'must list at least two people' })
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true, message: 'must be a list of person ids' })
  participantIds?: string[];

  @ApiPropertyOptional({ description: 'Meetings: whose local time stays put; default the account manager' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a person id' })
  organizerId?: string;

  @ApiPropertyOptional({ enum: WEEKDAYS, isArray: true, example: ['tue', 'wed', 'thu'] })
  @IsOptional()
  @IsArray({ message: 'must be a list of weekdays' })
  @IsWeekday({ each: true })
  preferredWeekdays?: Weekday[];

  @ApiPropertyOptional({
    enum: WEEKDAYS,
    description: 'Meetings: pin the weekday (organizer-local) instead of choosing',
  })
  @IsOptional()
  @IsWeekday()
  weekday?: Weekday;

  @ApiPropertyOptional({ example: '09:30', description: 'Meetings: pin the organizer-local start time' })
  @IsOptional()
  @IsLocalTime()
  time?: string;

  @ApiPropertyOptional({ type: DueSlotDto, description: 'Status reports: when it is due, vendor-local' })
  @IsOptional()
  @IsObject({ message: 'must be an object {weekday, time}' })
  @ValidateNested()
  @Type(() => DueSlotDto)
  due?: DueSlotDto;
}

export class UpdateCadenceDto {
  @ApiPropertyOptional()
  @OptionalText()
  title?: string;

  @ApiPropertyOptional({ enum: POLICIES })
  @IsAbsentOr()
  @IsIn(POLICIES, { message: 'must be shift or skip' })
  holidayPolicy?: (typeof POLICIES)[number];

  @ApiPropertyOptional()
  @IsAbsentOr()
  @IsInt({ message: 'must be a whole number of minutes' })
  @Max(24 * 60, { message: 'must be at most 1440 minutes' })
  durationMinutes?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsAbsentOr()
  @IsArray({ message: 'must be a list of person ids' })
  @ArrayMinSize(2, { message: 'must list at least two people' })
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true, message: 'must be a list of person ids' })
  participantIds?: string[];

  @ApiPropertyOptional({ enum: WEEKDAYS, isArray: true })
  @IsAbsentOr()
  @IsArray({ message: 'must be a list of weekdays' })
  @IsWeekday({ each: true })
  preferredWeekdays?: Weekday[];

  @ApiPropertyOptional({ enum: WEEKDAYS })
  @IsAbsentOr()
  @IsWeekday()
  weekday?: Weekday;

  @ApiPropertyOptional({ example: '09:30' })
  @IsAbsentOr()
  @IsLocalTime()
  time?: string;

  @ApiPropertyOptional({ type: DueSlotDto })
  @IsAbsentOr()
  @IsObject({ message: 'must be an object {weekday, time}' })
  @ValidateNested()
  @Type(() => DueSlotDto)
  due?: DueSlotDto;

  @ApiPropertyOptional({ description: 'false stops the cadence: its future touchpoints are cancelled' })
  @IsAbsentOr()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;
}

export class LocalSlotView {
  @ApiProperty() personId!: string;
  @ApiProperty({ example: 'Asia/Manila' }) timeZone!: string;
  @ApiProperty({ enum: WEEKDAYS }) weekday!: Weekday;
  @ApiProperty({ example: '21:30' }) time!: string;
}

export class SlotView {
  @ApiProperty({ enum: WEEKDAYS, description: 'In the organizer’s (meetings) or vendor’s (reports) zone' })
  weekday!: Weekday;
  @ApiProperty({ example: '09:30' }) time!: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
  @ApiProperty({ description: 'Meetings: false when no common working window exists and the burden rotates' })
  sharedHours!: boolean;
  @ApiProperty({
    type: LocalSlotView,
    isArray: true,
    description: 'The first occurrence in each person’s own time',
  })
  local!: LocalSlotView[];
}

export class CadenceView {
  @ApiProperty() id!: string;
  @ApiProperty() engagementId!: string;
  @ApiProperty({ enum: CADENCE_KINDS }) kind!: CadenceKind;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: FREQUENCIES }) frequency!: string;
  @ApiProperty({ enum: POLICIES }) holidayPolicy!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty({ nullable: true, type: Number }) durationMinutes!: number | null;
  @ApiProperty({ type: [String] }) participantIds!: string[];
  @ApiProperty({ nullable: true, type: String }) organizerId!: string | null;
  @ApiProperty({ enum: WEEKDAYS, isArray: true }) preferredWeekdays!: Weekday[];
  @ApiProperty({ type: DueSlotDto, nullable: true }) due!: { weekday: Weekday; time: string } | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: SlotView }) slot!: SlotView;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
