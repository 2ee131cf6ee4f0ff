import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant, IsLocalDate } from '../../core/validation/decorators';
import { CADENCE_KINDS, type CadenceKind } from '../cadence.entity';
import { MEETING_STATUSES, REPORT_STATUSES, type TouchpointStatus } from '../touchpoint.entity';

const STATUSES = [...new Set([...MEETING_STATUSES, ...REPORT_STATUSES])];

export class TouchpointsQuery {
  @ApiPropertyOptional({ example: '2027-03-01', description: 'UTC date; default a week ago' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2027-05-31',
    description: 'UTC date, included; default the end of the horizon',
  })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ enum: CADENCE_KINDS })
  @IsOptional()
  @IsIn(CADENCE_KINDS, { message: `must be one of ${CADENCE_KINDS.join(', ')}` })
  kind?: CadenceKind;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` })
  status?: TouchpointStatus;
}

export class HeldDto {
  @ApiPropertyOptional({ example: 'Went through the CRM access issue.' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(5000)
  notes?: string;
}

export class RescheduleDto {
  @ApiProperty({ example: '2027-03-10T14:00:00Z' })
  @IsDefined({ message: 'is required' })
  @IsInstant()
  scheduledAt!: string;
}

export class AdjustmentView {
  @ApiProperty({ enum: ['shifted', 'skipped'] }) type!: 'shifted' | 'skipped';
  @ApiProperty({ example: 'Araw ng Kagitingan (PH)' }) reason!: string;
}

export class LocalTimeView {
  @ApiProperty() personId!: string;
  @ApiProperty({ example: 'Asia/Manila' }) timeZone!: string;
  @ApiProperty({ example: '2027-03-09T22:00:00+08:00' }) start!: string;
  @ApiPropertyOptional({ example: '2027-03-09T22:45:00+08:00' }) end?: string;
  @ApiProperty({ description: 'Minutes outside their working hours (0 when inside)' })
  outOfHoursMinutes!: number;
}

export class TouchpointView {
  @ApiProperty() id!: string;
  @ApiProperty() engagementId!: string;
  @ApiProperty() cadenceId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CADENCE_KINDS }) kind!: CadenceKind;
  @ApiProperty({ example: '2027-W10' }) periodKey!: string;
  @ApiProperty({ enum: STATUSES }) status!: TouchpointStatus;
  @ApiProperty({ example: '2027-03-09T14:00:00Z' }) scheduledAt!: string;
  @ApiProperty({ nullable: true, type: String }) endsAt!: string | null;
  @ApiProperty() originalAt!: string;
  @ApiProperty({ type: AdjustmentView, nullable: true }) adjustment!: AdjustmentView | null;
  @ApiProperty({ type: LocalTimeView, isArray: true }) local!: LocalTimeView[];
  @ApiProperty({ description: 'iCalendar SEQUENCE of the current invite' }) sequence!: number;
  @ApiProperty({ nullable: true, type: String }) heldAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty() rescheduleCount!: number;
}

export class RescheduleResultView {
  @ApiProperty({ type: TouchpointView }) touchpoint!: TouchpointView;
  @ApiProperty({
    type: [String],
    description: 'Set when the new time leaves someone’s working hours or falls on their day off',
    example: ['Maria Santos: 22:30–23:15 Asia/Manila is outside working hours (09:00–18:00)'],
  })
  warnings!: string[];
}
