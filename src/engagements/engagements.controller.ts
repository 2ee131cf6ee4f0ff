import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '../core/http/pagination';
import { BlackoutsService } from './blackouts.service';
import { BlackoutView, CreateBlackoutDto } from './dto/blackout.dto';
import {
  CreateEngagementDto,
  EngagementPage,
  EngagementView,
  UpdateEngagementDto,
} from './dto/engagement.dto';
import { EngagementsService } from './engagements.service';

@ApiTags('engagements')
@ApiBearerAuth()
@Controller('api/v1/engagements')
export class EngagementsController {
  constructor(
    private readonly engagements: EngagementsService,
    private readonly blackouts: BlackoutsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an engagement between the client and a vendor, with its KPIs' })
  create(@Body() body: CreateEngagementDto): Promise<EngagementView> {
    return this.engagements.create(body);
  }

  @Get()
  list(@Query() query: PageQuery): Promise<EngagementPage> {
    return this.engagements.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<EngagementView> {
    return this.engagements.get(id);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateEngagementDto): Promise<EngagementView> {
    return this.engagements.update(id, body);
  }

  @Post(':id/blackouts')
  @ApiOperation({ summary: 'Add a shutdown day of one side; touchpoints on it are re-planned' })
  addBlackout(@Param('id') id: string, @Body() body: CreateBlackoutDto): Promise<BlackoutView> {
    return this.blackouts.add(id, body);
  }

  @Get(':id/blackouts')
  listBlackouts(@Param('id') id: string): Promise<BlackoutView[]> {
    return this.blackouts.list(id);
  }

  @Delete(':id/blackouts/:blackoutId')
  @HttpCode(204)
  removeBlackout(@Param('id') id: string, @Param('blackoutId') blackoutId: string): Promise<void> {
    return this.blackouts.remove(id, blackoutId);
  }
}
