import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OptionalText, PersonIds, RequiredText } from '../../core/validation/field.decorators';
import { IsAbsentOr } from '../../core/validation/optional';
import { KPI_DIRECTIONS, type KpiDirection } from '../engagement.entity';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class KpiDto {
  @ApiProperty({ example: 'close_rate', description: 'Stable key: lower-case letters, digits and _' })
  @IsDefined({ message: 'is required' })
  @Matches(/^[a-z][a-z0-9_]{0,47}$/, { message: 'must be lower-case letters, digits and _ (close_rate)' })
  key!: string;

  @ApiProperty({ example: 'Close rate' })
  @IsDefined({ message: 'is required' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(100)
  label!: string;

  @ApiProperty({ example: '%', description: 'Shown after the value; may be empty' })
  @IsDefined({ message: 'is required' })
  @IsString()
  @MaxLength(20)
  unit!: string;

  @ApiProperty({ example: 12 })
  @IsDefined({ message: 'is required' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  target!: number;

  @ApiProperty({ enum: KPI_DIRECTIONS })
  @IsDefined({ message: 'is required' })
  @IsIn(KPI_DIRECTIONS, { message: `must be one of ${KPI_DIRECTIONS.join(', ')}` })
  direction!: KpiDirection;
}

export class CreateEngagementDto {
  @ApiProperty({ example: 'Acme × Manila CX' })
  @RequiredText()
  name!: string;

  @ApiProperty({ example: 'Acme Corp' })
  @RequiredText()
  clientName!: string;

  @ApiProperty({ example: 'Manila CX Partners' })
  @RequiredText()
  vendorName!: string;

  @ApiProperty({ description: 'A person with role account_manager' })
  @IsDefined({ message: 'is required' })
  @IsUUID('all', { message: 'must be a person id' })
  accountManagerId!: string;

  @ApiPropertyOptional({ description: 'A person with role executive', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a person id' })
  executiveId?: string | null;

  @ApiProperty({
    type: [String],
    description: 'People with role vendor_contact; the first one’s zone sets report due times',
  })
  @IsDefined({ message: 'is required' })
  @PersonIds()
  @ArrayMinSize(1, { message: 'must name at least one vendor contact' })
  vendorContactIds!: string[];

  @ApiPropertyOptional({ type: [String], description: 'People with role client_contact' })
  @IsOptional()
  @PersonIds()
  clientContactIds?: string[];

  @ApiPropertyOptional({ type: [KpiDto] })
  @IsOptional()
  @IsArray({ message: 'must be a list of KPI definitions' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => KpiDto)
  kpis?: KpiDto[];

  @ApiPropertyOptional({ example: 'default', description: 'A playbook in config/playbooks' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'must be a playbook name such as default' })
  playbook?: string;
}

export class UpdateEngagementDto {
  @ApiPropertyOptional()
  @OptionalText()
  name?: string;

  @ApiPropertyOptional()
  @OptionalText()
  clientName?: string;

  @ApiPropertyOptional()
  @OptionalText()
  vendorName?: string;

  @ApiPropertyOptional()
  @IsAbsentOr()
  @IsUUID('all', { message: 'must be a person id' })
  accountManagerId?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a person id' })
  executiveId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsAbsentOr()
  @PersonIds()
  @ArrayMinSize(1, { message: 'must name at least one vendor contact' })
  vendorContactIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsAbsentOr()
  @PersonIds()
  clientContactIds?: string[];

  @ApiPropertyOptional({ type: [KpiDto] })
  @IsAbsentOr()
  @IsArray({ message: 'must be a list of KPI definitions' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => KpiDto)
  kpis?: KpiDto[];

  @ApiPropertyOptional({ example: 'default' })
  @IsAbsentOr()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'must be a playbook name such as default' })
  playbook?: string;
}

export class EngagementView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty() vendorName!: string;
  @ApiProperty() accountManagerId!: string;
  @ApiProperty({ nullable: true, type: String }) executiveId!: string | null;
  @ApiProperty({ type: [String] }) vendorContactIds!: string[];
  @ApiProperty({ type: [String] }) clientContactIds!: string[];
  @ApiProperty({ type: [KpiDto] }) kpis!: KpiDto[];
  @ApiProperty() playbook!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class EngagementPage {
  @ApiProperty({ type: EngagementView, isArray: true }) items!: EngagementView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
