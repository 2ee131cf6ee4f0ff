import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DigestQuery } from '../dto/digest-query.dto';
import { DigestArchiveService } from './digest-archive.service';

@ApiTags('digests')
@ApiBearerAuth()
@Controller('api/v1/executives/:id/digest')
export class DigestWebController {
  constructor(private readonly archive: DigestArchiveService) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('x-content-type-options', 'nosniff')
  // The digest has no script and loads nothing; should escaping ever fail, nothing may run either.
  @Header(
    'content-security-policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  )
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The HTML of the executive’s digest for that ISO week, exactly as mailed' })
  get(@Param('id') id: string, @Query() query: DigestQuery): Promise<string> {
    return this.archive.html(id, query.week ?? null);
  }
}
