import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthHistoryQuery, HealthView, HealthWeekView } from './dto/health.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@ApiBearerAuth()
@Controller('api/v1/engagements')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get(':id/health')
  @ApiOperation({
    summary:
      "An engagement's health now: score, band, trend, the signals that explain it, flags and highlights",
  })
  @ApiOkResponse({ type: HealthView })
  current(@Param('id') id: string): Promise<HealthView> {
    return this.health.current(id);
  }

  @Get(':id/health/history')
  @ApiOperation({ summary: "An engagement's weekly health snapshots, oldest first, one per week" })
  @ApiOkResponse({ type: HealthWeekView, isArray: true })
  history(@Param('id') id: string, @Query() query: HealthHistoryQuery): Promise<HealthWeekView[]> {
    return this.health.history(id, query.weeks);
  }
}
