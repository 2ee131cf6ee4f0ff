import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { parseIsoWeek } from '../domain/iso-week';

/** An ISO week that exists: `2027-W10` (ISO week-year, two-digit week). */
function IsIsoWeek(): PropertyDecorator {
  return ValidateBy({
    name: 'isIsoWeek',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseIsoWeek(value) !== null,
      defaultMessage: () => 'must be an ISO week such as 2027-W10',
    },
  });
}

export class DigestQuery {
  @ApiPropertyOptional({
    example: '2027-W10',
    description: 'The ISO week the digest was sent in; default the latest one sent',
  })
  @IsOptional()
  @IsIsoWeek()
  week?: string;
}
