import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class AnswerAskDto {
  @ApiPropertyOptional({
    example: 'Approved; the new script goes live on Monday.',
    description: 'What the client answered, for the record (optional).',
  })
  @IsOptional()
  // Decorators register bottom-up, so IsString is checked first: a number gets "must be text".
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  @IsString({ message: 'must be text' })
  note?: string;
}

export class AskAnswerView {
  @ApiProperty() touchpointId!: string;

  @ApiProperty({ example: 0, description: "0-based position in the report's asks." })
  index!: number;

  @ApiProperty({ example: 'Approve script v3', description: 'The ask, as the vendor typed it.' })
  text!: string;

  @ApiProperty({ example: '2027-03-10T15:04:00.000Z', description: 'When it was first answered.' })
  answeredAt!: string;

  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}
