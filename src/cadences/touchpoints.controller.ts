import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HeldDto,
  RescheduleDto,
  RescheduleResultView,
  TouchpointsQuery,
  TouchpointView,
} from './dto/touchpoint.dto';
import { ForecastQuery, ForecastView } from './forecast/forecast.dto';
import { ForecastService } from './forecast/forecast.service';
import { TouchpointsService } from './touchpoints.service';

@ApiTags('touchpoints')
@ApiBearerAuth()
@Controller('api/v1')
export class TouchpointsController {
  constructor(
    private readonly touchpoints: TouchpointsService,
    private readonly forecasts: ForecastService,
  ) {}

  @Get('engagements/:id/forecast')
  @ApiOperation({
    summary:
      'Holidays, shutdowns, time off and clock changes that will move or skip touchpoints, and shrinking overlaps',
  })
  forecast(@Param('id') engagementId: string, @Query() query: ForecastQuery): Promise<ForecastView> {
    return this.forecasts.forecast(engagementId, query.weeks);
  }

  @Get('engagements/:id/touchpoints')
  @ApiOperation({
    summary: 'Meetings and report due dates, with each participant’s local time and any adjustment',
  })
  list(@Param('id') engagementId: string, @Query() query: TouchpointsQuery): Promise<TouchpointView[]> {
    return this.touchpoints.list(engagementId, query);
  }

  @Get('touchpoints/:id')
  get(@Param('id') id: string): Promise<TouchpointView> {
    return this.touchpoints.get(id);
  }

  @Post('touchpoints/:id/held')
  @HttpCode(200)
  @ApiOperation({ summary: 'A meeting took place; the follow-ups waiting on it stop' })
  held(@Param('id') id: string, @Body() body: HeldDto): Promise<TouchpointView> {
    return this.touchpoints.markHeld(id, body);
  }

  @Post('touchpoints/:id/reschedule')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a meeting by hand; the invite is re-sent with a higher SEQUENCE',
    description: 'Warns when the new time leaves someone’s working hours or falls on their holiday.',
  })
  reschedule(@Param('id') id: string, @Body() body: RescheduleDto): Promise<RescheduleResultView> {
    return this.touchpoints.reschedule(id, body);
  }
}
