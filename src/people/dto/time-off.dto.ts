import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLocalDate } from '../../core/validation/decorators';

export class CreateTimeOffDto {
  @ApiProperty({ example: '2027-01-04', description: 'First local date away' })
  @IsDefined({ message: 'is required' })
  @IsLocalDate()
  start!: string;

  @ApiProperty({ example: '2027-01-08', description: 'Last local date away (inclusive)' })
  @IsDefined({ message: 'is required' })
  @IsLocalDate()
  end!: string;

  @ApiPropertyOptional({ description: 'Receives this person’s follow-ups meanwhile', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a person id' })
  backupPersonId?: string | null;

  @ApiPropertyOptional({ example: 'Family visit' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class TimeOffView {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ nullable: true, type: String }) backupPersonId!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}
