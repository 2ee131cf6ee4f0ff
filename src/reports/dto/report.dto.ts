import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import type { BlockerInput, ReportInput } from '../domain/report-rules';
import {
  BLOCKER_STATUSES,
  REPORT_COLOURS,
  type BlockerStatus,
  type ReportColour,
} from '../domain/report.types';

/*
 * The DTOs check the shape (types) only. Every rule about the content (a
 * colour, a number per KPI, lengths, carried blockers) lives in
 * domain/report-rules.ts, shared with the form, so both answer the same
 * message for the same mistake.
 */

export class ReportBlockerDto {
  @ApiPropertyOptional({
    example: 'CRM access for the two new agents',
    description:
      'What blocks the work, as the vendor would type it. Required for a new blocker; for a carried one, ' +
      'leave it out to keep last report’s wording.',
  })
  @IsOptional()
  @IsString({ message: 'must be text' })
  text?: string | null;

  @ApiProperty({ enum: BLOCKER_STATUSES, example: 'open' })
  @IsOptional()
  @IsString({ message: 'must be open or resolved' })
  status?: string | null;

  @ApiPropertyOptional({
    description:
      'The id of an open blocker of the last report of this cadence (see its `blockers[].id`) that this ' +
      'entry resolves or carries over. Open blockers of the last report that are not mentioned are carried ' +
      'over as still open.',
    format: 'uuid',
  })
  @IsOptional()
  @IsString({ message: 'must be the id of a blocker of the last report' })
  carriedFrom?: string | null;
}

export class SubmitReportDto {
  @ApiProperty({ enum: REPORT_COLOURS, example: 'green', description: 'The overall status.' })
  @IsOptional()
  @IsString({ message: 'must be green, amber or red' })
  status?: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { close_rate: 12.5 },
    description:
      'One number per KPI of the engagement, by KPI key; every KPI is required, no other key is accepted.',
  })
  @IsOptional()
  @IsObject({ message: 'must be an object of KPI key → number, e.g. {"close_rate": 12.5}' })
  kpis?: Record<string, unknown> | null;

  @ApiPropertyOptional({ example: 'Close rate up two points after the new script.', maxLength: 5000 })
  @IsOptional()
  @IsString({ message: 'must be text' })
  highlights?: string | null;

  @ApiPropertyOptional({
    type: [ReportBlockerDto],
    example: [{ text: 'CRM access', status: 'open' }],
    description: 'At most 30, including the carried ones.',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of blockers' })
  @ValidateNested({ each: true })
  @Type(() => ReportBlockerDto)
  blockers?: ReportBlockerDto[] | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['Approve the holiday staffing plan by Thursday'],
    description: 'Asks of the client; at most 20.',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of texts' })
  @IsString({ each: true, message: 'must be a list of texts' })
  asks?: string[] | null;

  @ApiPropertyOptional({ example: 'Roll the new script out to the night shift.', maxLength: 5000 })
  @IsOptional()
  @IsString({ message: 'must be text' })
  nextWeekPlan?: string | null;
}

/** Reads the JSON body into the input the shared report rules take. */
export function reportInputFromJson(dto: SubmitReportDto): ReportInput {
  const blockers: BlockerInput[] = (dto.blockers ?? []).map((b, i) => ({
    fields: {
      text: `blockers.${i}.text`,
      status: `blockers.${i}.status`,
      carriedFrom: `blockers.${i}.carriedFrom`,
    },
    text: b.text ?? null,
    status: b.status ?? null,
    carriedFrom: b.carriedFrom ?? null,
  }));
  return {
    status: dto.status ?? null,
    kpis: dto.kpis ?? {},
    kpiValues: 'json',
    highlights: dto.highlights ?? null,
    blockers,
    asks: (dto.asks ?? []).map((text, i) => ({ field: `asks.${i}`, text })),
    nextWeekPlan: dto.nextWeekPlan ?? null,
  };
}

export class ReportBlockerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CRM access' }) text!: string;
  @ApiProperty({ enum: BLOCKER_STATUSES }) status!: BlockerStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The blocker of the last report it carries forward.',
  })
  carriedFrom!: string | null;
  @ApiProperty({
    example: '2027-03-19T09:00:00.000Z',
    description: 'Due time of the report it first appeared in.',
  })
  firstSeenAt!: string;
}

export class ReportAskView {
  @ApiProperty({ example: 'Approve the holiday staffing plan by Thursday' }) text!: string;
}

export class ReportView {
  @ApiProperty({ format: 'uuid' }) touchpointId!: string;
  @ApiProperty({ format: 'uuid' }) engagementId!: string;
  @ApiProperty({ enum: REPORT_COLOURS }) status!: ReportColour;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { close_rate: 12.5 } })
  kpis!: Record<string, number>;
  @ApiProperty() highlights!: string;
  @ApiProperty({ type: [ReportBlockerView] }) blockers!: ReportBlockerView[];
  @ApiProperty({ type: [ReportAskView] }) asks!: ReportAskView[];
  @ApiProperty() nextWeekPlan!: string;
  @ApiProperty({ description: 'First sent after the due time plus grace.' }) late!: boolean;
  @ApiProperty({ example: '2027-03-26T08:12:00.000Z' }) dueAt!: string;
  @ApiProperty({ example: '2027-03-26T08:12:00.000Z', description: 'The first submission.' })
  submittedAt!: string;
  @ApiProperty({ example: '2027-03-26T08:12:00.000Z' }) updatedAt!: string;
  @ApiProperty({ example: 1, description: '1, raised by every edit.' }) revision!: number;
  @ApiProperty({ example: '2027-04-02T09:00:00.000Z', description: 'It can be changed until then.' })
  editableUntil!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The vendor contact whose link sent it; null from the API.',
  })
  submittedByPersonId!: string | null;
}

export class ReportLinkRequestDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The vendor contact the link is for; default the engagement’s first vendor contact.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a person id' })
  personId?: string;
}

export class ReportLinkView {
  @ApiProperty({ example: 'https://cadence.example.com/r/5c0dpV0n7cJ3mQ…' }) url!: string;
  @ApiProperty({ example: '2027-04-09T09:00:00.000Z' }) expiresAt!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
}
