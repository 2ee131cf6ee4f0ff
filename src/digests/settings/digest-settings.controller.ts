import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DigestSettingsView, UpdateDigestSettingsDto } from '../dto/digest-settings.dto';
import { DigestSettingsService } from './digest-settings.service';

@ApiTags('digests')
@ApiBearerAuth()
@Controller('api/v1/executives/:id/digest-settings')
export class DigestSettingsController {
  constructor(private readonly settings: DigestSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'When this executive’s weekly digest goes out, and the next one' })
  get(@Param('id') id: string): Promise<DigestSettingsView> {
    return this.settings.get(id);
  }

  @Put()
  @ApiOperation({
    summary: 'Choose the digest’s day and local time, or stop and restart it; the next digest is re-planned',
  })
  update(@Param('id') id: string, @Body() body: UpdateDigestSettingsDto): Promise<DigestSettingsView> {
    return this.settings.update(id, body);
  }
}
